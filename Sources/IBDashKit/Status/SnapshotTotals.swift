import Foundation
import Portfolio

/// An account's headline numbers (or all accounts'), in `currency`. `null` means unknown, never zero.
public struct SnapshotTotals: Codable, Hashable, Sendable {
    @Sanitized public var currency: String
    @DecimalText public var netLiquidation: Decimal?
    @DecimalText public var cash: Decimal?
    @DecimalText public var excessLiquidity: Decimal?
    /// Excess liquidity as a fraction of net liquidation (0.45 = 45 %).
    @DecimalText public var cushion: Decimal?
    /// Since the prior close.
    @DecimalText public var dailyPnl: Decimal?
    @DecimalText public var unrealizedPnl: Decimal?
    @DecimalText public var realizedToday: Decimal?
    /// From the Flex statement; `null` when no Flex query is set up.
    @DecimalText public var realizedYearToDate: Decimal?

    public init(_ totals: AccountTotals) {
        currency = totals.currency.code
        netLiquidation = totals.netLiquidation
        cash = totals.cash
        excessLiquidity = totals.excessLiquidity
        cushion = totals.cushion
        dailyPnl = totals.dailyPnl
        unrealizedPnl = totals.unrealizedPnl
        realizedToday = totals.realizedToday
        realizedYearToDate = totals.realizedYearToDate
    }

    /// The day's P&L as a percentage of the prior close's net liquidation (net liquidation less the day's P&L).
    public var dailyPnlPercent: Decimal? {
        guard let dailyPnl, let netLiquidation else { return nil }
        let priorClose = netLiquidation - dailyPnl
        return priorClose > 0 ? dailyPnl / priorClose * 100 : nil
    }
}
