import Foundation

/// Daily closes of every instrument on the business days before today: what the accounts' past trades, dividends
/// and NAV closes were made at, and what the Flex statements will report.
struct PriceHistory: Sendable {
    /// New York midnights, oldest first.
    let days: [Date]
    /// One close per day, for every instrument.
    let closes: [Int: [Decimal]]
    /// The same closes as floating-point numbers, for valuing a year of days quickly.
    let closeLevels: [Int: [Double]]

    init(days: [Date], closes: [Int: [Decimal]]) {
        self.days = days
        self.closes = closes
        closeLevels = closes.mapValues { $0.map(\.doubleValue) }
    }

    static func make(
        universe: InstrumentUniverse, days: [Date], random: inout SeededRandom
    ) -> PriceHistory {
        var levels: [Int: [Double]] = [:]
        var closes: [Int: [Decimal]] = [:]
        for conid in universe.drivers {
            guard let instrument = universe[conid], let start = universe.startLevel[conid] else { continue }
            let dailyVolatility = instrument.kind == .future ? 0.011 : 0.016
            var level = start * exp(random.normal() * 0.05)
            var series: [Double] = []
            for _ in days {
                level *= exp(random.normal() * dailyVolatility + 0.0002)
                series.append(level)
            }
            levels[conid] = series
            closes[conid] = series.map { Market.rounded($0, tick: instrument.tick) }
        }
        for conid in universe.options {
            guard let option = universe[conid], let underlying = option.underlying,
                let underlyingCloses = closes[underlying]
            else { continue }
            closes[conid] = zip(days, underlyingCloses).map { day, close in
                Market.optionPrice(option, underlying: close, on: day)
            }
        }
        return PriceHistory(days: days, closes: closes)
    }

    /// The last close before today, the starting point of today's walk.
    func lastClose(_ conid: Int) -> Decimal? { closes[conid]?.last }
}
