/// A row of MTMPerformanceSummaryInBase (`MTMPerformanceSummaryUnderlying`): mark-to-market P&L of one
/// instrument over the period, in the base currency.
public struct FlexMTMPerformanceSummary: Sendable, Hashable, Encodable, FlexContractRow {
    public var contract = FlexContract()
    public var reportDate: FlexDate?
    public var prevCloseQuantity: FlexDecimal?
    public var prevClosePrice: FlexDecimal?
    public var closeQuantity: FlexDecimal?
    public var closePrice: FlexDecimal?
    public var transactionMtm: FlexDecimal?
    public var priorOpenMtm: FlexDecimal?
    public var commissions: FlexDecimal?
    public var other: FlexDecimal?
    /// `transactionMtm + priorOpenMtm + commissions + other`.
    public var total: FlexDecimal?
    public var corpActionMtm: FlexDecimal?
    public var dividends: FlexDecimal?
    public var otherWithAccruals: FlexDecimal?
    public var totalWithAccruals: FlexDecimal?
    public var code: String?

    public init() {}

    static let schema = FlexRowSchema<FlexMTMPerformanceSummary>(contractRowWithSuffixes: []) { row in
        row.field("reportDate") { $0.reportDate = $2.date($1) }
        row.field("prevCloseQuantity") { $0.prevCloseQuantity = $2.decimal($1) }
        row.field("prevClosePrice") { $0.prevClosePrice = $2.decimal($1) }
        row.field("closeQuantity") { $0.closeQuantity = $2.decimal($1) }
        row.field("closePrice") { $0.closePrice = $2.decimal($1) }
        row.field("transactionMtm") { $0.transactionMtm = $2.decimal($1) }
        row.field("priorOpenMtm") { $0.priorOpenMtm = $2.decimal($1) }
        row.field("commissions") { $0.commissions = $2.decimal($1) }
        row.field("other") { $0.other = $2.decimal($1) }
        row.field("total") { $0.total = $2.decimal($1) }
        row.field("corpActionMtm") { $0.corpActionMtm = $2.decimal($1) }
        row.field("dividends") { $0.dividends = $2.decimal($1) }
        row.field("otherWithAccruals") { $0.otherWithAccruals = $2.decimal($1) }
        row.field("totalWithAccruals") { $0.totalWithAccruals = $2.decimal($1) }
        row.field("code") { $0.code = $2.interned($1) }
        row.ignore("transactionMtmLong", "transactionMtmShort", "priorOpenMtmLong", "priorOpenMtmShort")
    }
}
