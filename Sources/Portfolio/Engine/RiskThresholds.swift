import Foundation

/// Risk levels that raise an alert when an account crosses them. `nil` turns a rule off. Amounts are in each
/// account's base currency.
public struct RiskThresholds: Hashable, Sendable {
    /// Cushion (excess liquidity ÷ net liquidation) below this fraction, e.g. 0.10.
    public var cushionBelow: Decimal? = Decimal(string: "0.10")
    /// Daily P&L below minus this percentage of net liquidation, e.g. 2 for −2 %.
    public var dailyLossPercent: Decimal?
    /// Daily P&L below minus this amount, e.g. 5000.
    public var dailyLossAmount: Decimal?
    /// One position's market value above this percentage of net liquidation (shorts by their size), e.g. 25.
    public var positionPercentAbove: Decimal?
    /// Excess liquidity below this amount.
    public var excessLiquidityBelow: Decimal?
    /// A rule that fired fires again only after the value came back past its threshold by this fraction of the
    /// threshold, so a value hovering at the line does not flood the log.
    public var hysteresis: Decimal = Decimal(string: "0.1") ?? 0

    public init() {}
}
