import Foundation
import Portfolio
import Synchronization

/// Each position's valuation and sort key, kept while the position, its quote and its account's context stay the
/// same: when one price moves, one position is valued again, not a thousand. A line is valued only when something
/// reads it (a row on screen, a sort by a derived column), so a first frame values the rows it shows.
///
/// An account whose positions and quotes carry the same fetch times as last time (the engine stamps every value it
/// stores), with the same context and filter, gives back its last list without looking at a single position: a
/// price update in one account of many costs only that account's walk. The walk keeps the stamps, not the arrays,
/// so an old state is freed where it is dropped, not in the middle of a frame.
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
        let conid: Int
        private let context: Context
        /// The line and a sort key, made when first read: a list may be read from more than one thread.
        private let valued = Mutex<(line: PositionLine?, sortKey: (column: Column, key: SortKey?)?)>((nil, nil))

        init(position: Position, quote: MarketQuote?, context: Context) {
            self.position = position
            self.quote = quote
            self.context = context
            key = PositionLine.key(of: position)
            conid = position.contract.conid
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

        /// True when this entry was made from inputs of exactly these values.
        func holds(_ position: UnsafePointer<Position>, _ quote: MarketQuote?) -> Bool {
            position.pointee.hasSameValues(as: self.position) && MarketQuote.haveSameValues(quote, self.quote)
        }

        /// The value in one currency for all rows, so that sizes compare across currencies: the account's base
        /// currency, or in the all-accounts view the currency they are added up in. Without a rate, the native
        /// value in native mode (what the row shows) and none in base mode.
        private var marketValueKey: SortKey? {
            let contract = position.contract
            let native = position.marketValue ?? position.marketPrice.map { $0 * position.quantity * contract.multiplier }
            guard let native else { return nil }
            guard let rate = context.rates.rates[contract.currency] else {
                return context.mode == .native ? .amount(native) : nil
            }
            var value = native.approximateDouble * rate.approximateDouble
            if let consolidation = context.consolidation {
                guard let onward = consolidation.rate else { return context.mode == .native ? .amount(native) : nil }
                value = value * onward.multiplier.approximateDouble / onward.divisor.approximateDouble
            }
            return .number(value)
        }
    }

    /// One account's last walk: its inputs, the entry of each position (nil where the quantity is zero) and the
    /// entries the filter kept.
    private struct Walk {
        var positions: Date?
        var quotes: Date?
        var context: Context
        var filter: String
        var slots: [Entry?]
        var listed: [Entry]
        /// The currencies of the listed positions.
        var currencies: Set<Currency>
    }

    private var walks: [AccountID: Walk] = [:]
    /// The order of the last sorted list, as indices into its unsorted entries: when prices move a little it is
    /// usually still right, and checking that is cheaper than sorting again.
    var lastOrder: [Int]?
    /// The entries of the last list before sorting, and their sort keys.
    private var lastKeys: (column: Column, entries: [Entry], keys: [SortKey?])?

    public init() {}

    /// The entries of `account`'s open positions that `matches` keeps (all without a filter), in the order of
    /// `positions`, and their currencies: the last list when nothing changed, else a new one that keeps every entry
    /// whose inputs did not change.
    func entries(
        of account: AccountID, positions cached: Cached<[Position]>, quotes cachedQuotes: Cached<[Int: MarketQuote]>,
        context: Context, filter: String, matches: (Position) -> Bool
    ) -> (entries: [Entry], currencies: Set<Currency>) {
        let last = walks[account].flatMap { $0.context == context ? $0 : nil }
        if let last, last.positions == cached.fetchedAt, last.quotes == cachedQuotes.fetchedAt, last.filter == filter {
            return (last.listed, last.currencies)
        }
        let positions = cached.value ?? [], quotes = cachedQuotes.value ?? [:]
        // Positions come back in the same order fetch after fetch: the entry at the same place is tried first,
        // then the one of the same contract; either is kept when its inputs have the same values.
        let sameQuotes = last.map { $0.quotes == cachedQuotes.fetchedAt } ?? false
        let previous = last?.slots ?? []
        var byConid: [Int: Entry]?
        var slots: [Entry?] = []
        var listed: [Entry] = []
        var currencies = Set<Currency>()
        var lastCurrency: Currency?
        slots.reserveCapacity(positions.count)
        listed.reserveCapacity(positions.count)
        // Read in place: a position is a dozen strings and numbers, and a copy of each would be most of the walk.
        positions.withUnsafeBufferPointer { positions in
            guard let first = positions.baseAddress else { return }
            for index in positions.indices {
                guard positions[index].quantity != 0 else {
                    slots.append(nil)
                    continue
                }
                let conid = positions[index].contract.conid
                var candidate = index < previous.count ? previous[index] : nil
                if candidate?.conid != conid, !previous.isEmpty {
                    if byConid == nil {
                        byConid = Dictionary(
                            previous.compactMap { $0.map { ($0.conid, $0) } }, uniquingKeysWith: { first, _ in first })
                    }
                    candidate = byConid?[conid]
                }
                // The same quotes give the candidate's quote back unchanged: no lookup.
                let quote = sameQuotes && candidate != nil ? candidate?.quote : quotes[conid]
                let entry = candidate.flatMap { $0.holds(first + index, quote) ? $0 : nil }
                    ?? Entry(position: positions[index], quote: quote, context: context)
                slots.append(entry)
                if filter.isEmpty || matches(positions[index]) {
                    listed.append(entry)
                    // Neighbours mostly share a currency: a comparison is cheaper than hashing each one.
                    let currency = positions[index].contract.currency
                    if currency != lastCurrency {
                        currencies.insert(currency)
                        lastCurrency = currency
                    }
                }
            }
        }
        walks[account] = Walk(
            positions: cached.fetchedAt, quotes: cachedQuotes.fetchedAt, context: context, filter: filter, slots: slots,
            listed: listed, currencies: currencies)
        return (listed, currencies)
    }

    /// The sort key of each entry by `column`: kept from the last list for the entries that are the same objects
    /// at the same place, so a price update asks one entry for its key, not a thousand.
    func sortKeys(of entries: [Entry], by column: Column) -> [SortKey?] {
        var keys: [SortKey?]
        if let last = lastKeys, last.column == column, last.entries.count == entries.count {
            keys = last.keys
            for index in entries.indices where entries[index] !== last.entries[index] {
                keys[index] = entries[index].sortKey(column)
            }
        } else {
            keys = entries.map { $0.sortKey(column) }
        }
        lastKeys = (column, entries, keys)
        return keys
    }

    /// Forgets the accounts that are gone from the dashboard.
    func keepOnly(_ accounts: [AccountID]) {
        guard walks.count > accounts.count else { return }
        let kept = Set(accounts)
        walks = walks.filter { kept.contains($0.key) }
    }
}
