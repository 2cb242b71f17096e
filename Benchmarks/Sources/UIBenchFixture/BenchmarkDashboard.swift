import Foundation
import Portfolio
import TerminalUI

/// The dashboard issue 5's targets are measured on: three accounts (USD, EUR base, a USD paper account) holding
/// 1,000 positions between them (stocks in USD and EUR, options, futures), with quotes, ledgers, orders, alerts
/// and a Flex history, at a fixed moment. Every run builds the same state, so runs compare.
public enum BenchmarkDashboard {
    public static let size = TerminalSize(cols: 200, rows: 60)
    public static let now = Date(timeIntervalSince1970: 1_741_962_600)  // 2025-03-14 14:30:00 UTC
    public static let accounts: [(id: AccountID, name: String, base: Currency, positions: Int, paper: Bool)] = [
        ("U1000001", "Main", .usd, 520, false),
        ("U1000002", "Family", .eur, 330, false),
        ("DU1000003", "Paper", .usd, 150, true),
    ]

    /// The shipped theme `name`, read from the checkout's themes/ folder, in 256 colours.
    public static func theme(_ name: String = "default") throws -> Theme {
        let themes = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes").path
        return try ThemeDefinition.load(name: name, path: themes + "/" + name + ".toml", home: nil)
            .resolved(colorCount: 256)
    }

    /// All accounts on the main screen, positions sorted by market value as the app starts.
    public static var view: ViewState { ViewState(size: size) }

    public static func state() -> DashboardState {
        var conid = 100_000
        let states = accounts.map { spec in
            defer { conid += spec.positions }
            return account(spec, firstConid: conid + 1)
        }
        let converter = CurrencyConverter(ledgers: states.compactMap(\.ledger.value))
        let alerts = (0..<60).map { index in
            Alert(
                id: 60 - index, time: now.addingTimeInterval(-Double(index * 97 + 5)),
                severity: Alert.Severity.allCases[index % 3], category: Alert.Category.allCases[index % 4],
                account: index % 5 == 0 ? nil : accounts[index % 3].id,
                text: "Order \(4000 + index) for \(symbol(index * 7)) filled: \(index % 9 + 1) at \(100 + index).25")
        }
        let history = HistorySnapshot(
            accounts: Dictionary(uniqueKeysWithValues: states.compactMap { state in state.history.map { (state.id, $0) } }),
            generatedAt: now.addingTimeInterval(-11 * 3600))
        return DashboardState(
            now: now,
            connection: ConnectionInfo(
                gateway: "localhost:5000", session: .authenticated, sessionSince: now.addingTimeInterval(-3600),
                lastTickle: now.addingTimeInterval(-20)),
            accounts: states,
            consolidated: ConsolidatedTotals(accounts: states, currency: .usd, converter: converter),
            consolidatedNAV: ConsolidatedNAV(accounts: states, currency: .usd, converter: converter),
            alerts: alerts,
            cadences: EffectiveCadences(
                tickle: .seconds(60), datasets: [.positions: .seconds(15), .summary: .seconds(15), .orders: .seconds(10)],
                stretched: false),
            history: Cached(value: history, fetchedAt: now.addingTimeInterval(-10 * 3600), cadence: .seconds(6 * 3600)))
    }

    /// The first account's position of the largest market value, on screen near the top of the list.
    public static func largestPosition(in state: DashboardState) -> Int {
        let positions = state.accounts[0].positions.value ?? []
        let values = positions.map { $0.marketValue ?? 0 }
        return values.indices.max { values[$0] < values[$1] } ?? 0
    }

    /// The state after one price step of position `index` of the first account: its price and market value move
    /// by `cents` (P&L follows), the positions are stamped as just fetched (`stamp` keeps each step a new fetch),
    /// and nothing else changes, not even the clock.
    public static func onePriceUpdate(
        of state: DashboardState, position index: Int, cents: Int, stamp: Int
    ) -> DashboardState {
        var state = state
        let before = state.accounts[0].positions
        guard var position = before.value?[index], let price = position.marketPrice else {
            return state
        }
        let step = Decimal(cents) / 100
        let move = step * position.quantity * position.contract.multiplier
        position.marketPrice = price + step
        position.marketValue = (position.marketValue ?? 0) + move
        position.unrealizedPnl = (position.unrealizedPnl ?? 0) + move
        state.accounts[0].positions.value?[index] = position
        // Four seconds old at most, and never the same time twice: a new value always comes with a new time.
        let fetchedAt = state.now.addingTimeInterval(-4.5 + Double(stamp % 100_000) * 1e-6)
        state.accounts[0].positions.fetchedAt = fetchedAt
        // What the engine's store finds when it stores a fetch: which positions changed since the one before.
        state.accounts[0].positionChanges = .between(
            before.value, fetchedAt: before.fetchedAt, and: state.accounts[0].positions.value ?? [], fetchedAt: fetchedAt)
        return state
    }

    // MARK: Accounts

    private static func account(
        _ spec: (id: AccountID, name: String, base: Currency, positions: Int, paper: Bool), firstConid: Int
    ) -> AccountState {
        var positions: [Position] = []
        var quotes: [Int: MarketQuote] = [:]
        for index in 0..<spec.positions {
            let conid = firstConid + index
            let position = Self.position(index, account: spec.id, base: spec.base, conid: conid)
            positions.append(position)
            if let price = position.marketPrice {
                let change = Decimal(spread(conid, 1, 600) - 300) / 10_000
                quotes[conid] = MarketQuote(
                    conid: conid, last: price, priorClose: price - price * change, availability: "R", updated: now)
            }
        }
        let value = positions.reduce(Decimal(0)) { total, position in
            total + (position.marketValue ?? 0) * (position.contract.currency == spec.base ? 1 : rate(position.contract.currency, spec.base))
        }
        let cash = Decimal(spread(firstConid, 2, 400_000) + 50_000)
        let netLiquidation = value + cash
        let unrealized = positions.reduce(Decimal(0)) { $0 + ($1.unrealizedPnl ?? 0) }
        let other: Currency = spec.base == .usd ? .eur : .usd
        let ledger = Ledger(
            baseCurrency: spec.base,
            entries: [
                spec.base: LedgerEntry(currency: spec.base, cashBalance: cash, settledCash: cash, exchangeRate: 1),
                other: LedgerEntry(currency: other, cashBalance: 12_000, exchangeRate: rate(other, spec.base)),
            ],
            base: LedgerEntry(
                currency: "BASE", cashBalance: cash, netLiquidation: netLiquidation, unrealizedPnl: unrealized,
                realizedPnl: 312, dividends: 24))
        let summary = AccountSummary(
            currency: spec.base, netLiquidation: netLiquidation, totalCash: cash, grossPositionValue: value,
            availableFunds: netLiquidation / 2, excessLiquidity: netLiquidation * 55 / 100,
            buyingPower: netLiquidation * 2, initialMargin: netLiquidation / 3, maintenanceMargin: netLiquidation / 4,
            cushion: Decimal(55) / 100, leverage: Decimal(14) / 10, dayTradesRemaining: .unlimited)
        let pnl = AccountPnL(daily: Decimal(spread(firstConid, 3, 20_000) - 10_000), unrealized: unrealized)
        let history = Self.history(of: spec.id, base: spec.base, positions: positions, netLiquidation: netLiquidation)
        let account = Account(
            id: spec.id, displayName: spec.name, baseCurrency: spec.base, type: spec.paper ? "DEMO" : "INDIVIDUAL",
            isPaper: spec.paper)
        var state = AccountState(
            account: account, summary: cached(summary), ledger: cached(ledger, age: 12, cadence: 30),
            positions: cached(positions), pnl: cached(pnl, cadence: 10),
            orders: cached(orders(of: spec.id, positions: positions), age: 2, cadence: 10),
            executions: cached([Execution]()), quotes: cached(quotes), history: history,
            totals: AccountTotals(currency: spec.base))
        state.totals = AccountTotals(account: account, summary: summary, ledger: ledger, pnl: pnl, history: history)
        return state
    }

    /// Every tenth position an option, every twentieth a future; a third of the stocks in the other currency.
    private static func position(
        _ index: Int, account: AccountID, base: Currency, conid: Int
    ) -> Position {
        let name = symbol(conid)
        let price = Decimal(spread(conid, 4, 80_000) + 500) / 100
        let averagePrice = price * Decimal(spread(conid, 5, 60) + 70) / 100
        let contract: Contract
        var quantity = Decimal(spread(conid, 6, 900) + 1)
        if index % 20 == 7 {
            contract = Contract(
                conid: conid, symbol: name, description: "\(name) JUN25", name: "\(name) FUTURES", assetClass: .future,
                currency: .usd, multiplier: 50, expiry: "20250620", listingExchange: "CME")
            quantity = Decimal(spread(conid, 7, 5) + 1)
        } else if index % 10 == 3 {
            let strike = Decimal(spread(conid, 8, 40) * 5 + 100)
            let right: OptionRight = index % 20 == 3 ? .call : .put
            contract = Contract(
                conid: conid, symbol: name, description: "\(name) DEC2025 \(strike) \(right == .call ? "C" : "P")",
                name: "\(name) OPTIONS", assetClass: .option, currency: .usd, multiplier: 100, expiry: "20251219",
                strike: strike, right: right, listingExchange: "CBOE")
            quantity = Decimal(spread(conid, 9, 20) - 10)
            if quantity == 0 { quantity = 1 }
        } else {
            let currency: Currency = index % 3 == 0 ? (base == .usd ? .eur : .usd) : base
            contract = Contract(
                conid: conid, symbol: name, description: name, name: "\(name) HOLDINGS INC", assetClass: .stock,
                currency: currency, listingExchange: currency == .eur ? "IBIS" : "NASDAQ")
            if index % 17 == 0 { quantity = -quantity }
        }
        let value = quantity * price * contract.multiplier
        let cost = averagePrice * contract.multiplier
        return Position(
            account: account, contract: contract, quantity: quantity, marketPrice: price, marketValue: value,
            averageCost: cost, averagePrice: averagePrice, unrealizedPnl: value - quantity * cost, realizedPnl: 0)
    }

    private static func orders(of account: AccountID, positions: [Position]) -> [Order] {
        positions.prefix(12).enumerated().map { offset, position in
            let working = offset % 3 != 2
            return Order(
                id: 7000 + offset, account: account, conid: position.contract.conid, symbol: position.contract.symbol,
                description: position.contract.description, side: offset % 2 == 0 ? .buy : .sell,
                orderType: offset % 4 == 1 ? "STP LMT" : "LMT", limitPrice: position.marketPrice,
                quantity: 10, filled: working ? 0 : 10, remaining: working ? 10 : 0,
                status: working ? .submitted : .filled, timeInForce: offset % 2 == 0 ? "GTC" : "DAY",
                lastUpdate: now.addingTimeInterval(-Double(offset * 300 + 60)))
        }
    }

    /// A year of daily NAV, the last month's trades and the open lots of the first positions.
    private static func history(
        of account: AccountID, base: Currency, positions: [Position], netLiquidation: Decimal
    ) -> AccountHistory {
        let day = 86_400.0
        let start = now.addingTimeInterval(-250 * day)
        let nav = (0..<250).map { index in
            NAVPoint(date: start.addingTimeInterval(Double(index) * day), total: netLiquidation * Decimal(900 + (index * 37) % 160) / 1000)
        }
        let trades = positions.prefix(200).enumerated().map { offset, position in
            Trade(
                id: "T\(account.rawValue)-\(offset)", account: account, conid: position.contract.conid,
                symbol: position.contract.symbol, description: position.contract.description,
                assetClass: position.contract.assetClass, currency: position.contract.currency,
                time: now.addingTimeInterval(-Double(offset) * 3600 * 3), side: offset % 2 == 0 ? .buy : .sell,
                quantity: offset % 2 == 0 ? 10 : -10, price: position.averagePrice ?? 1, commission: -1,
                realizedPnl: offset % 2 == 0 ? 0 : 42)
        }
        let lots = positions.prefix(100).map { position in
            Lot(
                account: account, conid: position.contract.conid, symbol: position.contract.symbol,
                currency: position.contract.currency, quantity: position.quantity, openDate: start,
                costPrice: position.averagePrice ?? 0, costBasis: (position.averageCost ?? 0) * position.quantity,
                markPrice: position.marketPrice, marketValue: position.marketValue,
                unrealizedPnl: position.unrealizedPnl)
        }
        return AccountHistory(
            account: account, baseCurrency: base, fromDate: start, toDate: now.addingTimeInterval(-day), nav: nav,
            trades: trades, openLots: lots, realizedYearToDate: 4212)
    }

    // MARK: Helpers

    private static func cached<Value: Sendable>(_ value: Value, age: Double = 4, cadence: Int = 15) -> Cached<Value> {
        Cached(value: value, fetchedAt: now.addingTimeInterval(-age), cadence: .seconds(cadence))
    }

    /// The value of one unit of `currency` in `base`.
    private static func rate(_ currency: Currency, _ base: Currency) -> Decimal {
        if currency == base { return 1 }
        return currency == .eur ? Decimal(109) / 100 : Decimal(9174) / 10_000
    }

    /// A number in 0..<range that looks random but is the same in every run (Knuth's multiplicative hash).
    private static func spread(_ number: Int, _ salt: Int, _ range: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(number) &* 2_654_435_761 &+ UInt64(salt) &* 40_503) >> 7) % range
    }

    /// Two to four capital letters from a number, e.g. `BXQ`: as many distinct tickers as the test needs.
    private static func symbol(_ number: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".unicodeScalars)
        var value = number * 7919 % 400_000
        var text = String.UnicodeScalarView()
        for _ in 0..<(2 + number % 3) {
            text.append(letters[value % 26])
            value /= 26
        }
        return String(text)
    }
}
