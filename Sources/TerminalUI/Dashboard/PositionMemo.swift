import Foundation
import Portfolio

/// Each position's valuation and sort key, kept while the position, its quote and its account's context stay the
/// same: when one price moves, one position is valued again, not a thousand. A line is valued only when something
/// reads it (a row on screen, a sort by a derived column), so a first frame values the rows it shows.
public final class PositionMemo {
    /// What every position of one account is valued with.
    public struct Context: Hashable, Sendable {
        var rates: FXRates
        var netLiquidation: Decimal?
        var mode: CurrencyMode
        var consolidation: PositionLine.Consolidation?
    }

    /// One position with its inputs; its line is valued on first use and then kept. A reference, so that the
    /// lists and the memo share one copy of each (large) line.
    final class Entry: @unchecked Sendable {
        let position: Position
        let quote: MarketQuote?
        let key: String
        private let context: Context
        /// Guards `valued` and `sortKey`: a list may be read from more than one thread.
        private let lock = NSLock()
        private var valued: PositionLine?
        private var sortKey: (column: Column, key: SortKey?)?
        fileprivate var pass: Int

        init(position: Position, quote: MarketQuote?, context: Context, pass: Int) {
            self.position = position
            self.quote = quote
            self.context = context
            self.pass = pass
            key = PositionLine.key(of: position)
        }

        var line: PositionLine {
            lock.withLock {
                if let valued { return valued }
                let line = PositionLine(
                    valued: ValuedPosition(
                        position: position, rates: context.rates, netLiquidation: context.netLiquidation, quote: quote),
                    rates: context.rates, mode: context.mode, consolidation: context.consolidation)
                valued = line
                return line
            }
        }

        /// The sort key for `column`, computed once per valuation. The market value, the usual sort, is taken
        /// without valuing the line: ordering needs no exact cents.
        func sortKey(_ column: Column) -> SortKey? {
            if let cached = lock.withLock({ sortKey }), cached.column == column { return cached.key }
            let key = column == .marketValue ? marketValueKey : DashboardModel.positionSortKey(line, column)
            lock.withLock { sortKey = (column, key) }
            return key
        }

        /// As `DashboardModel.positionSortKey`'s: the value in the account's base currency, else the line's own
        /// market value (the native one in native mode, none in base mode).
        private var marketValueKey: SortKey? {
            let contract = position.contract
            let native = position.marketValue ?? position.marketPrice.map { $0 * position.quantity * contract.multiplier }
            guard let native else { return nil }
            if let rate = context.rates.rates[contract.currency] {
                return .number(native.approximateDouble * rate.approximateDouble)
            }
            return context.mode == .native ? .amount(native) : nil
        }
    }

    private var contexts: [AccountID: Context] = [:]
    private var entries: [PositionID: Entry] = [:]
    private var pass = 0
    /// The order of the last sorted list, as indices into its unsorted entries: when prices move a little it is
    /// usually still right, and checking that is cheaper than sorting again.
    var lastOrder: [Int]?

    public init() {}

    /// Before the positions of one account: a new context (rates, net liquidation, currency) values them all again.
    func begin(_ account: AccountID, context: Context) {
        guard contexts[account] != context else { return }
        contexts[account] = context
        entries = entries.filter { $0.key.account != account }
    }

    func entry(for position: Position, quote: MarketQuote?, context: Context) -> Entry {
        if let entry = entries[position.id], entry.position == position, entry.quote == quote {
            entry.pass = pass
            return entry
        }
        let entry = Entry(position: position, quote: quote, context: context, pass: pass)
        entries[position.id] = entry
        return entry
    }

    /// Forgets the positions the last pass over the lists did not see (closed, or another account's).
    func finishPass() {
        if entries.count > 64 { entries = entries.filter { $0.value.pass == pass } }
        pass += 1
    }
}
