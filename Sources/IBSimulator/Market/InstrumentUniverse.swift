import Foundation

/// Every contract the simulated accounts can hold, with the level each price walk starts from.
struct InstrumentUniverse: Sendable {
    private(set) var instruments: [Int: Instrument] = [:]
    private(set) var usStocks: [Int] = []
    private(set) var euroStocks: [Int] = []
    private(set) var options: [Int] = []
    private(set) var futures: [Int] = []
    /// Where the price walk of a stock or future begins, one year back.
    private(set) var startLevel: [Int: Double] = [:]

    subscript(conid: Int) -> Instrument? { instruments[conid] }

    /// Stocks and futures: the instruments whose prices walk; options follow their underlying.
    var drivers: [Int] { usStocks + euroStocks + futures }

    static func make(syntheticStocks: Int, today: Date, calendar: TradingCalendar, random: inout SeededRandom)
        -> InstrumentUniverse
    {
        var universe = InstrumentUniverse()
        for stock in Self.namedStocks {
            universe.addStock(stock, level: stock.level)
        }
        for index in 0..<syntheticStocks {
            let sector = Self.syntheticSectors[index % Self.syntheticSectors.count]
            let ticker = Self.syntheticTicker(index)
            let stock = NamedStock(
                conid: 90_000_000 + index * 7, symbol: ticker, name: "\(ticker) HOLDINGS INC",
                exchange: index % 2 == 0 ? "NYSE" : "NASDAQ", currency: "USD", country: "US",
                sector: sector.0, group: sector.1, level: 10 + random.unit() * 290,
                dividend: index % 3 == 0 ? Decimal(rounding: random.unit() * 0.8, scale: 2) : 0)
            universe.addStock(stock, level: stock.level)
        }
        universe.addFutures(today: today, calendar: calendar)
        universe.addOptions(today: today, calendar: calendar)
        return universe
    }

    private mutating func addStock(_ stock: NamedStock, level: Double) {
        let instrument = Instrument(
            conid: stock.conid, symbol: stock.symbol, name: stock.name, kind: .stock, currency: stock.currency,
            exchange: stock.exchange, multiplier: 1, expiry: nil, expiryDate: nil, strike: nil, right: nil, underlying: nil,
            sector: stock.sector, group: stock.group, countryCode: stock.country, tick: Decimal(1) / 100,
            quarterlyDividend: stock.dividend, futureMargin: 0)
        instruments[stock.conid] = instrument
        startLevel[stock.conid] = level
        if stock.currency == "USD" { usStocks.append(stock.conid) } else { euroStocks.append(stock.conid) }
    }

    private mutating func addFutures(today: Date, calendar: TradingCalendar) {
        let month = calendar.newYork.reading(today).date.month
        let quarterly = (3 - month % 3) % 3 + 3
        let expiryDate = calendar.tradingDay(of: calendar.thirdFriday(monthsAhead: quarterly, from: today))
        let expiry = calendar.yyyymmdd(expiryDate)
        let contracts: [(Int, String, String, String, String, Int, Double, Decimal, Decimal)] = [
            (711_280_073, "MES", "Micro E-Mini S&P 500", "USD", "CME", 5, 5600, Decimal(25) / 100, 1_600),
            (621_358_482, "FESX", "EURO STOXX 50", "EUR", "EUREX", 10, 4900, 1, 3_800),
        ]
        for (conid, symbol, name, currency, exchange, multiplier, level, tick, margin) in contracts {
            instruments[conid] = Instrument(
                conid: conid, symbol: symbol, name: name, kind: .future, currency: currency, exchange: exchange,
                multiplier: multiplier, expiry: expiry, expiryDate: expiryDate, strike: nil, right: nil, underlying: nil, sector: nil,
                group: nil, countryCode: currency == "USD" ? "US" : "DE", tick: tick, quarterlyDividend: 0,
                futureMargin: margin)
            startLevel[conid] = level
            futures.append(conid)
        }
    }

    private mutating func addOptions(today: Date, calendar: TradingCalendar) {
        let underlyings = [756_733, 265_598, 272_093, 4_815_747]
        var conid = 700_100_000
        for underlyingConid in underlyings {
            guard let underlying = instruments[underlyingConid], let level = startLevel[underlyingConid] else { continue }
            for monthsAhead in [2, 5] {
                let expiryDate = calendar.tradingDay(of: calendar.thirdFriday(monthsAhead: monthsAhead, from: today))
                let expiry = calendar.yyyymmdd(expiryDate)
                for (right, moneyness) in [("C", 1.05), ("P", 0.92)] {
                    let step = level > 300 ? 10.0 : 5.0
                    let strike = Decimal((level * moneyness / step).rounded() * step)
                    conid += 11
                    instruments[conid] = Instrument(
                        conid: conid, symbol: underlying.symbol, name: underlying.name, kind: .option,
                        currency: "USD", exchange: underlyingConid == 756_733 ? "AMEX" : "CBOE", multiplier: 100,
                        expiry: expiry, expiryDate: expiryDate, strike: strike, right: right, underlying: underlyingConid, sector: nil,
                        group: nil, countryCode: "US", tick: Decimal(1) / 100, quarterlyDividend: 0,
                        futureMargin: 0)
                    options.append(conid)
                }
            }
        }
    }

    private static func syntheticTicker(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPRSTUVWXYZ")
        var value = index
        var ticker = ""
        repeat {
            ticker = String(letters[value % letters.count]) + ticker
            value /= letters.count
        } while value > 0
        return "Q" + ticker.padding(toLength: max(2, ticker.count), withPad: "A", startingAt: 0)
    }

    private static let syntheticSectors: [(String, String)] = [
        ("Industrial", "Machinery-Diversified"), ("Consumer, Cyclical", "Retail"), ("Financial", "Insurance"),
        ("Utilities", "Electric"), ("Basic Materials", "Chemicals"), ("Communications", "Media"),
    ]

    private struct NamedStock {
        let conid: Int
        let symbol: String
        let name: String
        let exchange: String
        let currency: String
        let country: String
        let sector: String?
        let group: String?
        let level: Double
        let dividend: Decimal
    }

    private static let namedStocks: [NamedStock] = [
        .init(conid: 265_598, symbol: "AAPL", name: "APPLE INC", exchange: "NASDAQ", currency: "USD", country: "US",
              sector: "Technology", group: "Computers", level: 190, dividend: Decimal(26) / 100),
        .init(conid: 272_093, symbol: "MSFT", name: "MICROSOFT CORP", exchange: "NASDAQ", currency: "USD",
              country: "US", sector: "Technology", group: "Software", level: 410, dividend: Decimal(83) / 100),
        .init(conid: 4_815_747, symbol: "NVDA", name: "NVIDIA CORP", exchange: "NASDAQ", currency: "USD",
              country: "US", sector: "Technology", group: "Semiconductors", level: 120, dividend: Decimal(1) / 100),
        .init(conid: 3_691_937, symbol: "AMZN", name: "AMAZON.COM INC", exchange: "NASDAQ", currency: "USD",
              country: "US", sector: "Communications", group: "Internet", level: 180, dividend: 0),
        .init(conid: 1_520_593, symbol: "JPM", name: "JPMORGAN CHASE & CO", exchange: "NYSE", currency: "USD",
              country: "US", sector: "Financial", group: "Banks", level: 200, dividend: Decimal(125) / 100),
        .init(conid: 13_977, symbol: "XOM", name: "EXXON MOBIL CORP", exchange: "NYSE", currency: "USD", country: "US",
              sector: "Energy", group: "Oil&Gas", level: 110, dividend: Decimal(99) / 100),
        .init(conid: 8_719, symbol: "JNJ", name: "JOHNSON & JOHNSON", exchange: "NYSE", currency: "USD", country: "US",
              sector: "Consumer, Non-cyclical", group: "Pharmaceuticals", level: 155, dividend: Decimal(124) / 100),
        .init(conid: 8_894, symbol: "KO", name: "COCA-COLA CO/THE", exchange: "NYSE", currency: "USD", country: "US",
              sector: "Consumer, Non-cyclical", group: "Beverages", level: 62, dividend: Decimal(51) / 100),
        .init(conid: 756_733, symbol: "SPY", name: "SPDR S&P 500 ETF TRUST", exchange: "ARCA", currency: "USD",
              country: "US", sector: nil, group: nil, level: 560, dividend: Decimal(175) / 100),
        .init(conid: 14_204_000, symbol: "SAP", name: "SAP SE", exchange: "IBIS", currency: "EUR", country: "DE",
              sector: "Technology", group: "Software", level: 176, dividend: 0),
        .init(conid: 14_203_931, symbol: "SIE", name: "SIEMENS AG-REG", exchange: "IBIS", currency: "EUR",
              country: "DE", sector: "Industrial", group: "Miscellaneous Manufactur", level: 170, dividend: 0),
        .init(conid: 14_203_900, symbol: "ALV", name: "ALLIANZ SE-REG", exchange: "IBIS", currency: "EUR",
              country: "DE", sector: "Financial", group: "Insurance", level: 260, dividend: 0),
        .init(conid: 117_902_840, symbol: "ASML", name: "ASML HOLDING NV", exchange: "AEB", currency: "EUR",
              country: "NL", sector: "Technology", group: "Semiconductors", level: 680, dividend: 0),
        .init(conid: 40_476_405, symbol: "MC", name: "LVMH MOET HENNESSY LOUIS VUI", exchange: "SBF", currency: "EUR",
              country: "FR", sector: "Consumer, Cyclical", group: "Apparel", level: 700, dividend: 0),
    ]
}
