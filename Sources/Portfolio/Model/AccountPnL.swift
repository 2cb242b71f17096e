import Foundation

/// The account's P&L row of `/iserver/account/pnl/partitioned`, in the base currency.
public struct AccountPnL: Hashable, Sendable {
    /// Daily P&L since the prior close.
    public var daily: Decimal?
    public var unrealized: Decimal?
    public var netLiquidation: Decimal?
    public var excessLiquidity: Decimal?
    public var marketValue: Decimal?

    public init(
        daily: Decimal? = nil, unrealized: Decimal? = nil, netLiquidation: Decimal? = nil,
        excessLiquidity: Decimal? = nil, marketValue: Decimal? = nil
    ) {
        self.daily = daily
        self.unrealized = unrealized
        self.netLiquidation = netLiquidation
        self.excessLiquidity = excessLiquidity
        self.marketValue = marketValue
    }
}
