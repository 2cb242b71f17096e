import Portfolio

/// A row of CashTransactions: a dividend, withholding tax, interest, fee, deposit or withdrawal.
/// IBKR may add `SUMMARY` aggregates that repeat `DETAIL` rows; the statement keeps them apart.
public struct FlexCashTransaction: Sendable, Hashable, Encodable, FlexContractRow {
    public var contract = FlexContract()
    /// `Dividends`, `Withholding Tax`, `Broker Interest Received`, `Deposits/Withdrawals`, … (open).
    public var type: String?
    /// Signed, in `currency`.
    public var amount: FlexDecimal?
    public var dateTime: FlexDateTime?
    public var reportDate: FlexDate?
    public var settleDate: FlexDate?
    public var exDate: FlexDate?
    public var availableForTradingDate: FlexDate?
    public var transactionID: String?
    /// Links a dividend with its withholding tax.
    public var actionID: String?
    public var tradeID: String?
    public var code: String?
    public var clientReference: String?
    public var levelOfDetail: String?

    public init() {}

    public var kind: CashTransaction.Kind? { type.map(CashTransaction.Kind.init(flexType:)) }
    public var isSummary: Bool { levelOfDetail == "SUMMARY" }

    static let schema = FlexRowSchema<FlexCashTransaction>(contractRowWithSuffixes: []) { row in
        row.field("type") { $0.type = $2.interned($1) }
        row.field("amount") { $0.amount = $2.decimal($1) }
        row.field("dateTime") { $0.dateTime = $2.dateTime($1) }
        row.field("reportDate") { $0.reportDate = $2.date($1) }
        row.field("settleDate") { $0.settleDate = $2.date($1) }
        row.field("exDate") { $0.exDate = $2.date($1) }
        row.field("availableForTradingDate") { $0.availableForTradingDate = $2.date($1) }
        row.field("transactionID") { $0.transactionID = $2.string($1) }
        row.field("actionID") { $0.actionID = $2.string($1) }
        row.field("tradeID") { $0.tradeID = $2.string($1) }
        row.field("code") { $0.code = $2.interned($1) }
        row.field("clientReference") { $0.clientReference = $2.string($1) }
        row.field("levelOfDetail") { $0.levelOfDetail = $2.interned($1) }
        row.ignore("date", "sedol")
    }
}
