import Foundation

@testable import Portfolio

/// A trading day at IBKR as the gateway lives it, minute by minute from 09:00 New York time: orders placed and
/// filled all day, a few passing faults, a competing session for half an hour, and the nightly reset at midnight
/// New York time that logs the session out until the user logs in again some minutes later.
struct IBKRDay {
    /// 09:00 in New York on a Friday in November (EST, UTC−5).
    static let start = Date(timeIntervalSince1970: 1_795_183_200)

    static let serverError = Event(from: .hours(2), until: .hours(2) + .minutes(3))
    static let rateLimited = Event(from: .hours(4), until: .hours(4) + .minutes(1))
    static let gatewayRestart = Event(from: .hours(6), until: .hours(6) + .minutes(2))
    static let competing = Event(from: .hours(10), until: .hours(10) + .minutes(30))
    /// Midnight in New York until the user logs in again.
    static let nightlyReset = Event(from: .hours(15), until: .hours(15) + .minutes(7))

    struct Event {
        var from: Duration
        var until: Duration

        func contains(_ offset: Duration) -> Bool { offset >= from && offset < until }
        func start(after day: Date) -> Date { day.adding(from) }
        func end(after day: Date) -> Date { day.adding(until) }
    }

    /// Net liquidation of every account after the reset, when IBKR has rolled its books to the next day.
    static let nextDayNetLiquidation: Decimal = 101_000

    private var nextOrderID = 1
    private var minute = 0

    /// Sets what the gateway answers during the minute that starts `offset` after 09:00, and moves the orders on.
    mutating func prepareMinute(at offset: Duration, of book: inout FakeAccountSource.Book) {
        book.failures = Self.failures(at: offset)
        book.session = SessionStatus(state: Self.competing.contains(offset) ? .competing : .authenticated)
        if offset == Self.nightlyReset.from { rollOver(&book) }
        // An order is placed or filled in each account every other minute, out of step across the accounts.
        for (index, account) in book.accounts.enumerated() where (minute + index) % 2 == 0 {
            trade(in: account.id, &book)
        }
        minute += 1
    }

    private static func failures(at offset: Duration) -> [String: SourceError] {
        let everything = ["tickle", "accounts", "summary", "ledger", "positions", "invalidate", "pnl", "orders", "trades", "quotes"]
        func all(_ kind: SourceError.Kind, _ message: String) -> [String: SourceError] {
            Dictionary(uniqueKeysWithValues: everything.map { ($0, SourceError(kind, endpoint: $0, message: message)) })
        }
        if nightlyReset.contains(offset) { return all(.notLoggedIn, "not logged in (401)") }
        if gatewayRestart.contains(offset) { return all(.unreachable, "connection refused") }
        if competing.contains(offset) {
            return Dictionary(uniqueKeysWithValues: ["pnl", "orders", "trades", "quotes"].map {
                ($0, SourceError(.brokerageUnavailable, endpoint: $0, message: "no brokerage session"))
            })
        }
        if serverError.contains(offset) {
            return ["summary": SourceError(.server(status: 500), endpoint: "summary", message: "internal server error")]
        }
        if rateLimited.contains(offset) {
            return ["pnl": SourceError(.rateLimited, endpoint: "pnl", message: "too many requests (429)")]
        }
        return [:]
    }

    /// IBKR drops the day's finished orders and starts the next day's books at the reset.
    private func rollOver(_ book: inout FakeAccountSource.Book) {
        for account in book.accounts {
            book.orders[account.id] = book.orders[account.id]?.filter { $0.status != .filled }
            book.summaries[account.id]?.netLiquidation = Self.nextDayNetLiquidation
        }
    }

    /// Fills the account's working order (one more share of AAPL), or places a new one; keeps the last few orders.
    private mutating func trade(in account: AccountID, _ book: inout FakeAccountSource.Book) {
        var orders = book.orders[account] ?? []
        if let working = orders.firstIndex(where: { $0.status == .submitted }) {
            orders[working].status = .filled
            orders[working].filled = orders[working].quantity
            orders[working].remaining = 0
            orders[working].averagePrice = 200
            if let aapl = book.positions[account]?.firstIndex(where: { $0.contract.conid == 265_598 }) {
                book.positions[account]?[aapl].quantity += orders[working].quantity
            }
        } else {
            orders.append(
                Order(
                    id: nextOrderID, account: account, conid: 265_598, symbol: "AAPL", side: .buy, orderType: "Limit",
                    limitPrice: 200, quantity: 1, filled: 0, remaining: 1, status: .submitted, timeInForce: "DAY"))
            nextOrderID += 1
        }
        book.orders[account] = Array(orders.suffix(Self.ordersKept))
    }

    /// The gateway lists the last few orders; the engine must not keep more than it is shown.
    static let ordersKept = 6
}

extension Duration {
    static func minutes(_ count: Int) -> Duration { .seconds(60 * count) }
    static func hours(_ count: Int) -> Duration { .seconds(3600 * count) }
}
