/// A row of OpenPositions: a position (`SUMMARY`) or one of its open tax lots (`LOT`). When a query selects
/// both, each summary row is followed by its lots; the statement keeps the two levels apart.
public struct FlexOpenPosition: Sendable, Hashable, Encodable, FlexContractRow {
    public var contract = FlexContract()
    public var reportDate: FlexDate?
    /// Signed quantity: negative is short.
    public var position: FlexDecimal?
    public var markPrice: FlexDecimal?
    /// `position × markPrice × multiplier`, in `currency` (the notional for futures).
    public var positionValue: FlexDecimal?
    public var positionValueInBase: FlexDecimal?
    public var openPrice: FlexDecimal?
    public var costBasisPrice: FlexDecimal?
    /// FIFO cost including commissions; negative for shorts.
    public var costBasisMoney: FlexDecimal?
    public var fifoPnlUnrealized: FlexDecimal?
    /// Percent, e.g. `4.22`; often empty on LOT rows.
    public var percentOfNAV: FlexDecimal?
    /// `Long` or `Short`.
    public var side: String?
    /// `SUMMARY` or `LOT`.
    public var levelOfDetail: String?
    public var openDateTime: FlexDateTime?
    public var holdingPeriodDateTime: FlexDateTime?
    public var vestingDate: FlexDate?
    public var code: String?
    public var originatingOrderID: String?
    public var originatingTransactionID: String?
    public var accruedInt: FlexDecimal?

    public init() {}

    public var isLot: Bool { levelOfDetail == "LOT" }

    static let schema = FlexRowSchema<FlexOpenPosition>(contractRowWithSuffixes: []) { row in
        row.field("reportDate") { $0.reportDate = $2.date($1) }
        row.field("position") { $0.position = $2.decimal($1) }
        row.field("markPrice") { $0.markPrice = $2.decimal($1) }
        row.field("positionValue") { $0.positionValue = $2.decimal($1) }
        row.field("positionValueInBase") { $0.positionValueInBase = $2.decimal($1) }
        row.field("openPrice") { $0.openPrice = $2.decimal($1) }
        row.field("costBasisPrice") { $0.costBasisPrice = $2.decimal($1) }
        row.field("costBasisMoney") { $0.costBasisMoney = $2.decimal($1) }
        row.field("fifoPnlUnrealized") { $0.fifoPnlUnrealized = $2.decimal($1) }
        row.field("percentOfNAV") { $0.percentOfNAV = $2.decimal($1) }
        row.field("side") { $0.side = $2.interned($1) }
        row.field("levelOfDetail") { $0.levelOfDetail = $2.interned($1) }
        row.field("openDateTime") { $0.openDateTime = $2.dateTime($1) }
        row.field("holdingPeriodDateTime") { $0.holdingPeriodDateTime = $2.dateTime($1) }
        row.field("vestingDate") { $0.vestingDate = $2.date($1) }
        row.field("code") { $0.code = $2.interned($1) }
        row.field("originatingOrderID") { $0.originatingOrderID = $2.string($1) }
        row.field("originatingTransactionID") { $0.originatingTransactionID = $2.string($1) }
        row.field("accruedInt") { $0.accruedInt = $2.decimal($1) }
        row.ignore("costBasisMoneyInBase", "fxPnl", "unrealizedCapitalGainsPnl", "unrealizedFxPnl", "openPriceInBase")
    }
}
