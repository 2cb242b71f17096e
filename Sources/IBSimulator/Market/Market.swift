import Foundation

/// Today's prices: a seeded random walk of stocks and futures, with options priced from their underlying.
struct Market: Sendable {
    let universe: InstrumentUniverse
    let calendar: TradingCalendar
    /// The New York trading day the day fields (prior close, open, high, low, volume) belong to.
    private(set) var day: Date
    private var level: [Int: Double] = [:]
    private(set) var priorClose: [Int: Decimal] = [:]
    private(set) var open: [Int: Decimal] = [:]
    private(set) var high: [Int: Decimal] = [:]
    private(set) var low: [Int: Decimal] = [:]
    private(set) var volume: [Int: Int] = [:]
    private(set) var updatedAt: Date

    init(universe: InstrumentUniverse, history: PriceHistory, day: Date, now: Date, calendar: TradingCalendar) {
        self.universe = universe
        self.calendar = calendar
        self.day = day
        updatedAt = now
        for conid in universe.drivers {
            guard let close = history.lastClose(conid) else { continue }
            level[conid] = close.doubleValue
            priorClose[conid] = close
        }
        for conid in universe.options {
            priorClose[conid] = history.lastClose(conid) ?? price(conid)
        }
        resetDayFields()
    }

    func price(_ conid: Int) -> Decimal {
        guard let instrument = universe[conid] else { return 0 }
        if instrument.kind == .option, let underlying = instrument.underlying {
            return Self.optionPrice(instrument, underlying: price(underlying), on: day)
        }
        return Self.rounded(level[conid] ?? 0, tick: instrument.tick)
    }

    func isOpen(_ conid: Int, at date: Date, hours: MarketHours) -> Bool {
        switch hours {
        case .alwaysOpen: return true
        case .alwaysClosed: return false
        case .exchange:
            guard let instrument = universe[conid] else { return false }
            return calendar.isRegularSession(instrument, at: date)
        }
    }

    /// One tick of the walk for every instrument whose market is open.
    mutating func step(at date: Date, volatility: Double, hours: MarketHours, random: inout SeededRandom) {
        for conid in universe.drivers where isOpen(conid, at: date, hours: hours) {
            guard let current = level[conid] else { continue }
            level[conid] = current * exp(random.normal() * volatility)
            volume[conid, default: 0] += random.int(in: 0...(universe[conid]?.kind == .future ? 40 : 4_000))
        }
        for conid in universe.options where isOpen(conid, at: date, hours: hours) {
            volume[conid, default: 0] += random.int(in: 0...12)
        }
        updatedAt = date
        recordExtremes()
    }

    /// Moves the price of `conid` (an option moves its underlying), or of everything when `nil`, by `percent`.
    mutating func move(percent: Double, conid: Int?, at date: Date) {
        let targets: [Int]
        if let conid {
            targets = [universe[conid]?.underlying ?? conid]
        } else {
            targets = universe.drivers
        }
        for target in targets {
            guard let current = level[target] else { continue }
            level[target] = current * (1 + percent / 100)
        }
        updatedAt = date
        recordExtremes()
    }

    /// A new trading day: today's last becomes the prior close.
    mutating func roll(to newDay: Date) {
        for conid in universe.instruments.keys { priorClose[conid] = price(conid) }
        day = newDay
        resetDayFields()
    }

    /// Starts the day with an opening move from the prior close, so that a day change shows from the first screen.
    mutating func openingMove(random: inout SeededRandom) {
        for conid in universe.drivers {
            guard let current = level[conid] else { continue }
            level[conid] = current * exp(random.normal() * 0.008)
            let isFuture = universe[conid]?.kind == .future
            volume[conid] = random.int(in: isFuture ? 5_000...400_000 : 10_000...30_000_000)
        }
        resetDayFields(keepVolume: true)
    }

    private mutating func resetDayFields(keepVolume: Bool = false) {
        for conid in universe.instruments.keys {
            let now = price(conid)
            open[conid] = now
            high[conid] = now
            low[conid] = now
            if !keepVolume { volume[conid] = 0 }
        }
    }

    private mutating func recordExtremes() {
        for conid in universe.instruments.keys {
            let now = price(conid)
            if now > high[conid, default: now] { high[conid] = now }
            if now < low[conid, default: now] { low[conid] = now }
        }
    }

    static func rounded(_ value: Double, tick: Decimal) -> Decimal {
        let ticks = (value / tick.doubleValue).rounded()
        return (Decimal(Int(ticks)) * tick).rounded(4)
    }

    static func optionPrice(_ option: Instrument, underlying: Decimal, on day: Date) -> Decimal {
        guard let strike = option.strike, let expiryDate = option.expiryDate else { return 0 }
        let years = expiryDate.timeIntervalSince(day) / (365 * 86_400)
        let mark = OptionPricing.mark(
            underlying: underlying.doubleValue, strike: strike.doubleValue, isCall: option.right != "P", years: years)
        return rounded(mark, tick: option.tick)
    }
}

/// When the simulated exchanges trade.
public enum MarketHours: String, Sendable, CaseIterable {
    /// Real regular sessions: New York 9:30–16:00, Xetra 9:00–17:30, index futures nearly around the clock.
    case exchange
    /// Prices always move: for demos outside trading hours.
    case alwaysOpen
    /// Prices never move and the last price carries the `C` prefix.
    case alwaysClosed
}
