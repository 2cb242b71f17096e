import Foundation

/// One row of `GET /iserver/account/pnl/partitioned`, in the base currency.
public struct PnLRow: Hashable, Sendable {
    public var rowType: Int?
    /// Daily P&L since the prior close.
    public var daily: Decimal?
    public var netLiquidation: Decimal?
    public var unrealized: Decimal?
    public var excessLiquidity: Decimal?
    public var marketValue: Decimal?

    public init(_ object: WireObject) throws(WireError) {
        rowType = try object.int("rowType")
        daily = try object.decimal("dpl")
        netLiquidation = try object.decimal("nl")
        unrealized = try object.decimal("upl")
        excessLiquidity = try object.decimal("el", "uel")
        marketValue = try object.decimal("mv")
    }
}
