/// A row of CashReport (`CashReportCurrency`): the cash of one currency over the period, or the
/// `BASE_SUMMARY` roll-up of all currencies in the base currency (do not add it to the currency rows).
public struct FlexCashReportCurrency: Sendable, Hashable, Encodable, FlexRow {
    public var accountId: String?
    public var acctAlias: String?
    public var model: String?
    /// A currency code, or `BASE_SUMMARY` for the roll-up row.
    public var currency: String?
    public var fromDate: FlexDate?
    public var toDate: FlexDate?
    /// `Currency`, or `BaseCurrency` on the roll-up row.
    public var levelOfDetail: String?
    public var startingCash: FlexDecimal?
    public var commissions: FlexDecimal?
    public var deposits: FlexDecimal?
    public var withdrawals: FlexDecimal?
    public var depositWithdrawals: FlexDecimal?
    public var dividends: FlexDecimal?
    public var withholdingTax: FlexDecimal?
    public var brokerInterest: FlexDecimal?
    public var bondInterest: FlexDecimal?
    public var otherFees: FlexDecimal?
    public var netTradesSales: FlexDecimal?
    public var netTradesPurchases: FlexDecimal?
    public var cashSettlingMtm: FlexDecimal?
    public var fxTranslationGainLoss: FlexDecimal?
    public var endingCash: FlexDecimal?
    public var endingSettledCash: FlexDecimal?
    public var paymentInLieu: FlexDecimal?
    public var transactionTax: FlexDecimal?
    public var advisorFees: FlexDecimal?
    public var internalTransfers: FlexDecimal?
    public var accountTransfers: FlexDecimal?
    public var clientFees: FlexDecimal?
    public var brokerFees: FlexDecimal?
    public var feesReceivables: FlexDecimal?
    public var salesTax: FlexDecimal?
    public var billableCommissions: FlexDecimal?
    public var cfdCharges: FlexDecimal?
    public var excessFundSweep: FlexDecimal?
    public var insuredDepositInterest: FlexDecimal?
    public var realizedVm: FlexDecimal?
    public var taxReceivables: FlexDecimal?
    public var withholding871m: FlexDecimal?
    public var withholdingCollectedTax: FlexDecimal?
    public var debitCardActivity: FlexDecimal?
    public var billPay: FlexDecimal?
    public var softDollarPayments: FlexDecimal?
    public var linkingAdjustments: FlexDecimal?
    public var other: FlexDecimal?

    public init() {}

    public var isBaseSummary: Bool { currency == "BASE_SUMMARY" }

    /// The securities/commodities splits and period variants (`dividendsSec`, `commissionsYTD`, …) are known but not kept.
    static let schema = FlexRowSchema<FlexCashReportCurrency>(
        suffixes: ["Sec", "Com", "MTD", "YTD", "Paxos", "IBUKL"]
    ) { row in
        row.field("accountId") { $0.accountId = $2.interned($1) }
        row.field("acctAlias") { $0.acctAlias = $2.interned($1) }
        row.field("model") { $0.model = $2.interned($1) }
        row.field("currency") { $0.currency = $2.interned($1) }
        row.field("fromDate") { $0.fromDate = $2.date($1) }
        row.field("toDate") { $0.toDate = $2.date($1) }
        row.field("levelOfDetail") { $0.levelOfDetail = $2.interned($1) }
        row.field("startingCash") { $0.startingCash = $2.decimal($1) }
        row.field("commissions") { $0.commissions = $2.decimal($1) }
        row.field("deposits") { $0.deposits = $2.decimal($1) }
        row.field("withdrawals") { $0.withdrawals = $2.decimal($1) }
        row.field("depositWithdrawals") { $0.depositWithdrawals = $2.decimal($1) }
        row.field("dividends") { $0.dividends = $2.decimal($1) }
        row.field("withholdingTax") { $0.withholdingTax = $2.decimal($1) }
        row.field("brokerInterest") { $0.brokerInterest = $2.decimal($1) }
        row.field("bondInterest") { $0.bondInterest = $2.decimal($1) }
        row.field("otherFees") { $0.otherFees = $2.decimal($1) }
        row.field("netTradesSales") { $0.netTradesSales = $2.decimal($1) }
        row.field("netTradesPurchases") { $0.netTradesPurchases = $2.decimal($1) }
        row.field("cashSettlingMtm") { $0.cashSettlingMtm = $2.decimal($1) }
        row.field("fxTranslationGainLoss") { $0.fxTranslationGainLoss = $2.decimal($1) }
        row.field("endingCash") { $0.endingCash = $2.decimal($1) }
        row.field("endingSettledCash") { $0.endingSettledCash = $2.decimal($1) }
        row.field("paymentInLieu") { $0.paymentInLieu = $2.decimal($1) }
        row.field("transactionTax") { $0.transactionTax = $2.decimal($1) }
        row.field("advisorFees") { $0.advisorFees = $2.decimal($1) }
        row.field("internalTransfers") { $0.internalTransfers = $2.decimal($1) }
        row.field("accountTransfers") { $0.accountTransfers = $2.decimal($1) }
        row.field("clientFees") { $0.clientFees = $2.decimal($1) }
        row.field("brokerFees") { $0.brokerFees = $2.decimal($1) }
        row.field("feesReceivables") { $0.feesReceivables = $2.decimal($1) }
        row.field("salesTax") { $0.salesTax = $2.decimal($1) }
        row.field("billableCommissions") { $0.billableCommissions = $2.decimal($1) }
        row.field("cfdCharges") { $0.cfdCharges = $2.decimal($1) }
        row.field("excessFundSweep") { $0.excessFundSweep = $2.decimal($1) }
        row.field("insuredDepositInterest") { $0.insuredDepositInterest = $2.decimal($1) }
        row.field("realizedVm") { $0.realizedVm = $2.decimal($1) }
        row.field("taxReceivables") { $0.taxReceivables = $2.decimal($1) }
        row.field("withholding871m") { $0.withholding871m = $2.decimal($1) }
        row.field("withholdingCollectedTax") { $0.withholdingCollectedTax = $2.decimal($1) }
        row.field("debitCardActivity") { $0.debitCardActivity = $2.decimal($1) }
        row.field("billPay") { $0.billPay = $2.decimal($1) }
        row.field("softDollarPayments") { $0.softDollarPayments = $2.decimal($1) }
        row.field("linkingAdjustments") { $0.linkingAdjustments = $2.decimal($1) }
        row.field("other") { $0.other = $2.decimal($1) }
        row.ignore(
            "billableSalesTax", "otherIncome", "commissionCreditsRedemption", "grantActivity", "carbonCredits",
            "donations", "referralFee", "paxosTransfers", "purchaseOfDelistedSecurities", "incentiveCouponPayments",
            "brokerFeesAccruals")
    }
}
