/// A row of CorporateActions: a split, merger, spin-off, … (`type` `FS`, `RS`, `TC`, `SO`, …).
public struct FlexCorporateAction: Sendable, Hashable, Encodable, FlexContractRow {
    public var contract = FlexContract()
    public var type: String?
    public var actionDescription: String?
    public var dateTime: FlexDateTime?
    public var reportDate: FlexDate?
    public var quantity: FlexDecimal?
    public var amount: FlexDecimal?
    public var proceeds: FlexDecimal?
    public var value: FlexDecimal?
    public var costBasis: FlexDecimal?
    public var fifoPnlRealized: FlexDecimal?
    public var mtmPnl: FlexDecimal?
    public var transactionID: String?
    public var actionID: String?
    public var code: String?
    public var levelOfDetail: String?

    public init() {}

    static let schema = FlexRowSchema<FlexCorporateAction>(contractRowWithSuffixes: []) { row in
        row.field("type") { $0.type = $2.interned($1) }
        row.field("actionDescription") { $0.actionDescription = $2.string($1) }
        row.field("dateTime") { $0.dateTime = $2.dateTime($1) }
        row.field("reportDate") { $0.reportDate = $2.date($1) }
        row.field("quantity") { $0.quantity = $2.decimal($1) }
        row.field("amount") { $0.amount = $2.decimal($1) }
        row.field("proceeds") { $0.proceeds = $2.decimal($1) }
        row.field("value") { $0.value = $2.decimal($1) }
        row.field("costBasis") { $0.costBasis = $2.decimal($1) }
        row.field("fifoPnlRealized") { $0.fifoPnlRealized = $2.decimal($1) }
        row.field("mtmPnl") { $0.mtmPnl = $2.decimal($1) }
        row.field("transactionID") { $0.transactionID = $2.string($1) }
        row.field("actionID") { $0.actionID = $2.string($1) }
        row.field("code") { $0.code = $2.interned($1) }
        row.field("levelOfDetail") { $0.levelOfDetail = $2.interned($1) }
        row.ignore("date", "fxPnl", "capitalGainsPnl", "proceedsInBase")
    }
}
