/// The amounts of a `CashReportCurrency` row (reference §7.4), named as its attributes.
enum CashColumn: String, CaseIterable, Sendable {
    case startingCash
    case commissions
    case deposits
    case withdrawals
    case depositWithdrawals
    case dividends
    case withholdingTax
    case brokerInterest
    case netTradesSales
    case netTradesPurchases
    /// Futures variation margin: IBKR settles open futures P&L into cash every day.
    case cashSettlingMtm
    case fxTranslationGainLoss
    case endingCash

    /// What takes `startingCash` to `endingCash`; `deposits` and `withdrawals` only split `depositWithdrawals`.
    static let flows: [CashColumn] = [
        .commissions, .depositWithdrawals, .dividends, .withholdingTax, .brokerInterest, .netTradesSales,
        .netTradesPurchases, .cashSettlingMtm, .fxTranslationGainLoss,
    ]
}
