/// A row of FIFOPerformanceSummaryInBase (`FIFOPerformanceSummaryUnderlying`): realized and unrealized FIFO
/// P&L of one instrument over the period, in the base currency.
public struct FlexFIFOPerformanceSummary: Sendable, Hashable, Encodable, FlexContractRow {
    public var contract = FlexContract()
    public var reportDate: FlexDate?
    public var realizedSTProfit: FlexDecimal?
    public var realizedSTLoss: FlexDecimal?
    public var realizedLTProfit: FlexDecimal?
    public var realizedLTLoss: FlexDecimal?
    public var totalRealizedPnl: FlexDecimal?
    public var unrealizedProfit: FlexDecimal?
    public var unrealizedLoss: FlexDecimal?
    public var unrealizedSTProfit: FlexDecimal?
    public var unrealizedSTLoss: FlexDecimal?
    public var unrealizedLTProfit: FlexDecimal?
    public var unrealizedLTLoss: FlexDecimal?
    public var totalUnrealizedPnl: FlexDecimal?
    public var totalFifoPnl: FlexDecimal?
    public var costAdj: FlexDecimal?
    public var totalRealizedCapitalGainsPnl: FlexDecimal?
    public var totalRealizedFxPnl: FlexDecimal?
    public var transferredPnl: FlexDecimal?
    public var code: String?

    public init() {}

    static let schema = FlexRowSchema<FlexFIFOPerformanceSummary>(contractRowWithSuffixes: []) { row in
        row.field("reportDate") { $0.reportDate = $2.date($1) }
        row.field("realizedSTProfit") { $0.realizedSTProfit = $2.decimal($1) }
        row.field("realizedSTLoss") { $0.realizedSTLoss = $2.decimal($1) }
        row.field("realizedLTProfit") { $0.realizedLTProfit = $2.decimal($1) }
        row.field("realizedLTLoss") { $0.realizedLTLoss = $2.decimal($1) }
        row.field("totalRealizedPnl") { $0.totalRealizedPnl = $2.decimal($1) }
        row.field("unrealizedProfit") { $0.unrealizedProfit = $2.decimal($1) }
        row.field("unrealizedLoss") { $0.unrealizedLoss = $2.decimal($1) }
        row.field("unrealizedSTProfit") { $0.unrealizedSTProfit = $2.decimal($1) }
        row.field("unrealizedSTLoss") { $0.unrealizedSTLoss = $2.decimal($1) }
        row.field("unrealizedLTProfit") { $0.unrealizedLTProfit = $2.decimal($1) }
        row.field("unrealizedLTLoss") { $0.unrealizedLTLoss = $2.decimal($1) }
        row.field("totalUnrealizedPnl") { $0.totalUnrealizedPnl = $2.decimal($1) }
        row.field("totalFifoPnl") { $0.totalFifoPnl = $2.decimal($1) }
        row.field("costAdj") { $0.costAdj = $2.decimal($1) }
        row.field("totalRealizedCapitalGainsPnl") { $0.totalRealizedCapitalGainsPnl = $2.decimal($1) }
        row.field("totalRealizedFxPnl") { $0.totalRealizedFxPnl = $2.decimal($1) }
        row.field("transferredPnl") { $0.transferredPnl = $2.decimal($1) }
        row.field("code") { $0.code = $2.interned($1) }
        row.ignore(
            "realizedProfit", "realizedLoss", "realizedShortTermProfit", "realizedShortTermLoss",
            "realizedLongTermProfit", "realizedLongTermLoss", "totalUnrealizedCapitalGainsPnl",
            "totalUnrealizedFxPnl", "totalCapitalGainsPnl", "totalFxPnl", "unrealizedCapitalGainsPnl",
            "unrealizedFxPnl", "realizedCapitalGainsPnl", "realizedFxPnl")
    }
}
