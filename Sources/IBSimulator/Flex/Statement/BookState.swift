import Foundation

/// An account's cash by currency and its open lots at one day's close, rebuilt from the recorded trades and
/// cash entries. The trades carry the lots they closed and opened, so the lots come out exactly as the account
/// booked them, without running FIFO a second time.
struct BookState: Sendable {
    private(set) var cash: [String: Decimal] = [:]
    private(set) var lots: [Int: [Lot]] = [:]

    /// The state after everything with a day index up to `last` (nothing when `last` is negative).
    init(_ history: AccountEvents, through last: Int) {
        for event in history.trades where event.day <= last { apply(event.trade) }
        for event in history.entries where event.day <= last {
            cash[event.entry.currency, default: 0] += event.entry.amount
        }
    }

    private mutating func apply(_ trade: TradeRecord) {
        cash[trade.currency, default: 0] += trade.netCash
        var open = lots[trade.conid, default: []]
        for closed in trade.closedLots {
            guard let index = open.firstIndex(where: { $0.tradeID == closed.tradeID }) else { continue }
            open[index].quantity -= closed.quantity
            open[index].basis -= closed.basis
            if open[index].quantity == 0 { open.remove(at: index) }
        }
        if let opened = trade.openedLot { open.append(opened) }
        lots[trade.conid] = open.isEmpty ? nil : open
    }

    /// Open futures P&L in `currency` at closed day `day`'s closes: the variation margin IBKR would have
    /// settled into cash by then.
    func openFuturesPnl(_ currency: String, ledger: FlexLedger, day: Int) -> Decimal {
        var total: Decimal = 0
        for (conid, open) in lots {
            guard let instrument = ledger.universe[conid], instrument.kind == .future, instrument.currency == currency,
                let close = ledger.close(conid, day: day)
            else { continue }
            for lot in open { total += lot.quantity * close * Decimal(instrument.multiplier) - lot.basis }
        }
        return total
    }
}

/// An account's trades and cash entries, each with the closed day it belongs to; those after the last close
/// are left out.
struct AccountEvents: Sendable {
    struct TradeEvent: Sendable {
        let trade: TradeRecord
        let day: Int
    }

    struct EntryEvent: Sendable {
        let entry: CashEntry
        let day: Int
    }

    let trades: [TradeEvent]
    let entries: [EntryEvent]
    /// Trades by trade id, for the price and ids of the fill that opened a lot.
    let tradesByID: [String: TradeRecord]

    init(_ account: SimulatedAccount, ledger: FlexLedger) {
        trades = account.trades.compactMap { trade in
            ledger.dayIndex(of: trade.time).map { TradeEvent(trade: trade, day: $0) }
        }
        entries = account.cashEntries.compactMap { entry in
            ledger.dayIndex(of: entry.date).map { EntryEvent(entry: entry, day: $0) }
        }
        tradesByID = Dictionary(account.trades.map { ($0.tradeID, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
