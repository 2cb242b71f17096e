import Portfolio

extension AccountPnL {
    public init(_ row: PnLRow) {
        self.init(
            daily: row.daily, unrealized: row.unrealized, netLiquidation: row.netLiquidation,
            excessLiquidity: row.excessLiquidity, marketValue: row.marketValue)
    }
}
