import Foundation
import Portfolio

extension AccountSummary {
    /// The metrics the dashboard shows; money from `amount`, ratios from `value`, a null metric as `nil`.
    /// - Parameter baseCurrency: the account's base currency from `/portfolio/accounts`, used when the
    ///   summary's own `netliquidation` does not name one.
    public init(_ summary: SummaryMetrics, baseCurrency: Currency?) throws(WireError) {
        let netLiquidation = try summary.metric("netliquidation")
        guard let currency = netLiquidation?.currency.map({ Currency($0) }) ?? baseCurrency else {
            throw WireError(location: "key \"netliquidation\"", field: "currency", problem: "missing")
        }
        func money(_ key: String) throws(WireError) -> Decimal? { try summary.metric(key)?.money }

        var dayTrades: DayTrades?
        if let remaining = try summary.metric("daytradesremaining")?.number() {
            dayTrades = remaining < 0 ? .unlimited : .remaining(NSDecimalNumber(decimal: remaining).intValue)
        }
        let nextChange = try summary.metric("lookaheadnextchange")?.number()
            .map { EpochTime.seconds(NSDecimalNumber(decimal: $0).intValue) }

        self.init(
            currency: currency, netLiquidation: netLiquidation?.money, totalCash: try money("totalcashvalue"),
            grossPositionValue: try money("grosspositionvalue"), equityWithLoan: try money("equitywithloanvalue"),
            previousDayEquityWithLoan: try money("previousdayequitywithloanvalue"),
            availableFunds: try money("availablefunds"), excessLiquidity: try money("excessliquidity"),
            buyingPower: try money("buyingpower"), initialMargin: try money("initmarginreq"),
            maintenanceMargin: try money("maintmarginreq"), cushion: try summary.metric("cushion")?.number(),
            leverage: try summary.metric("leverage-s", "leverage")?.number(), sma: try money("sma"),
            lookAhead: LookAhead(
                initialMargin: try money("lookaheadinitmarginreq"),
                maintenanceMargin: try money("lookaheadmaintmarginreq"),
                availableFunds: try money("lookaheadavailablefunds"),
                excessLiquidity: try money("lookaheadexcessliquidity"), nextChange: nextChange),
            dayTradesRemaining: dayTrades,
            asOf: netLiquidation?.timestamp ?? summary.metrics.values.compactMap(\.timestamp).max())
    }
}
