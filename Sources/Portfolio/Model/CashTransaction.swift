import Foundation

/// Money that moved without a trade: dividends, withholding tax, interest, fees, deposits and withdrawals.
public struct CashTransaction: Hashable, Sendable, Identifiable {
    public var id: String
    public var account: AccountID
    public var kind: Kind
    public var date: Date?
    /// Signed, in `currency`.
    public var amount: Decimal
    public var currency: Currency
    public var fxRateToBase: Decimal?
    public var conid: Int?
    public var symbol: String?
    public var description: String

    public enum Kind: Hashable, Sendable {
        case dividend, paymentInLieu, withholdingTax, interest, fee, depositWithdrawal
        case other(String)

        /// From the Flex `type` attribute.
        public init(flexType: String) {
            switch flexType {
            case "Dividends": self = .dividend
            case "Payment In Lieu Of Dividends": self = .paymentInLieu
            case "Withholding Tax": self = .withholdingTax
            case "Broker Interest Received", "Broker Interest Paid", "Bond Interest Received", "Bond Interest Paid":
                self = .interest
            case "Other Fees", "Fees", "Commission Adjustments", "Advisor Fees", "Management Fees": self = .fee
            case "Deposits/Withdrawals", "Deposits & Withdrawals", "Deposits", "Withdrawals": self = .depositWithdrawal
            default: self = .other(flexType)
            }
        }
    }

    public init(
        id: String, account: AccountID, kind: Kind, date: Date?, amount: Decimal, currency: Currency,
        fxRateToBase: Decimal? = nil, conid: Int? = nil, symbol: String? = nil, description: String = ""
    ) {
        self.id = id
        self.account = account
        self.kind = kind
        self.date = date
        self.amount = amount
        self.currency = currency
        self.fxRateToBase = fxRateToBase
        self.conid = conid
        self.symbol = symbol
        self.description = description
    }
}
