import Foundation
import Portfolio
import Synchronization

/// Each position's valuation and sort key, kept while the position, its quote and its account's context stay the
/// same: when one price moves, one position is valued again, not a thousand. A line is valued only when something
/// reads it (a row on screen, a sort by a derived column), so a first frame values the rows it shows.
///
/// An account whose positions, quotes, context and filter are the very same values as last time (the same
/// storage, checked in a few bytes) gives back its last list without looking at a single position: a price update
/// in one account of many costs only that account's walk.
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
    final class Entry: Sendable {
        let position: Position
        let quote: MarketQuote?
        let key: String
        private let context: Context
        /// The line and a sort key, made when first read: a list may be read from more than one thread.
        private let valued = Mutex<(line: PositionLine?, sortKey: (column: Column, key: SortKey?)?)>((nil, nil))

        init(position: Position, quote: MarketQuote?, context: Context) {
            self.position = position
            self.quote = quote
            self.context = context
            key = PositionLine.key(of: position)
        }

        var line: PositionLine {
            valued.withLock { valued in
                if let line = valued.line { return line }
                let line = PositionLine(
                    valued: ValuedPosition(
                        position: position, rates: context.rates, netLiquidation: context.netLiquidation, quote: quote),
                    rates: context.rates, mode: context.mode, consolidation: context.consolidation)
                valued.line = line
                return line
            }
        }

        /// The sort key for `column`, computed once per valuation. The market value, the usual sort, is taken
        /// without valuing the line: ordering needs no exact cents.
        func sortKey(_ column: Column) -> SortKey? {
            if let cached = valued.withLock({ $0.sortKey }), cached.column == column { return cached.key }
            let key = column == .marketValue ? marketValueKey : DashboardModel.positionSortKey(line, column)
            valued.withLock { $0.sortKey = (column, key) }
            return key
        }

        /// True when this entry was made from exactly these inputs.
        func holds(_ position: Position, _ quote: MarketQuote?) -> Bool {
            (Bitwise.same(position, self.position) || position == self.position)
                && (Bitwise.same(quote, self.quote) || quote == self.quote)
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

    /// One account's last walk: its inputs, the entry of each position (nil where the quantity is zero) and the
    /// entries the filter kept.
    private struct Walk {
        var positions: [Position]
        var quotes: [Int: MarketQuote]
        var context: Context
        var filter: String
        var slots: [Entry?]
        var listed: [Entry]
    }

    private var walks: [AccountID: Walk] = [:]
    /// The order of the last sorted list, as indices into its unsorted entries: when prices move a little it is
    /// usually still right, and checking that is cheaper than sorting again.
    var lastOrder: [Int]?

    public init() {}

    /// The entries of `account`'s open positions that `matches` keeps (all without a filter), in the order of
    /// `positions`: the last list when nothing changed, else a new one that keeps every entry whose inputs did not
    /// change.
    func entries(
        of account: AccountID, positions: [Position], quotes: [Int: MarketQuote], context: Context, filter: String,
        matches: (Position) -> Bool
    ) -> [Entry] {
        let last = walks[account].flatMap { $0.context == context ? $0 : nil }
        if let last, Bitwise.same(last.positions, positions), Bitwise.same(last.quotes, quotes), last.filter == filter {
            return last.listed
        }
        var slots = [Entry?](repeating: nil, count: positions.count)
        if let last { keepUnmoved(positions, quotes, from: last, in: &slots) }
        // What moved or changed: found by contract among the last entries, compared field by field, else new.
        var byConid: [Int: Entry]?
        var listed: [Entry] = []
        listed.reserveCapacity(positions.count)
        for index in positions.indices {
            if slots[index] == nil, positions[index].quantity != 0 {
                let position = positions[index], quote = quotes[position.contract.conid]
                if byConid == nil, let last {
                    byConid = Dictionary(
                        last.slots.compactMap { $0.map { ($0.position.contract.conid, $0) } },
                        uniquingKeysWith: { first, _ in first })
                }
                slots[index] = byConid?[position.contract.conid].flatMap { $0.holds(position, quote) ? $0 : nil }
                    ?? Entry(position: position, quote: quote, context: context)
            }
            if let entry = slots[index], filter.isEmpty || matches(entry.position) { listed.append(entry) }
        }
        walks[account] = Walk(
            positions: positions, quotes: quotes, context: context, filter: filter, slots: slots, listed: listed)
        return listed
    }

    /// Positions fetch after fetch come in the same order, and most are the same to the bit: those keep their
    /// entry, compared in place, without a copy or a lookup (and their quote looked up only if quotes changed).
    private func keepUnmoved(_ positions: [Position], _ quotes: [Int: MarketQuote], from last: Walk, in slots: inout [Entry?]) {
        let sameQuotes = Bitwise.same(last.quotes, quotes)
        positions.withUnsafeBufferPointer { new in
            last.positions.withUnsafeBufferPointer { old in
                guard let newStart = new.baseAddress, let oldStart = old.baseAddress else { return }
                for index in 0..<min(new.count, old.count) where Bitwise.samePointees(newStart + index, oldStart + index) {
                    guard let entry = last.slots[index] else { continue }
                    if sameQuotes || quotes[entry.position.contract.conid] == entry.quote { slots[index] = entry }
                }
            }
        }
    }

    /// Forgets the accounts that are gone from the dashboard.
    func keepOnly(_ accounts: [AccountID]) {
        guard walks.count > accounts.count else { return }
        let kept = Set(accounts)
        walks = walks.filter { kept.contains($0.key) }
    }
}
