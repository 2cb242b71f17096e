import Foundation
import Portfolio
import Synchronization

/// Each position's valuation and sort key, kept while the position, its quote and its account's context stay the
/// same: when one price moves, one position is valued again, not a thousand. A line is valued only when something
/// reads it (a row on screen, a sort by a derived column), so a first frame values the rows it shows.
///
/// An account whose positions and quotes carry the same fetch times as last time (the engine stamps every value it
/// stores), with the same context and filter, gives back its last list without looking at a single position: a
/// price update in one account of many costs only that account's walk. Entries point into the fetch's own array of
/// positions (`PositionBook`, the state's storage, not a copy), and a walk moves the entries it keeps to the
/// newest one, so that the memo holds one array per account.
public final class PositionMemo {
    /// What every position of one account is valued with.
    public struct Context: Hashable, Sendable {
        var rates: FXRates
        var netLiquidation: Decimal?
        var mode: CurrencyMode
        var consolidation: PositionLine.Consolidation?
    }

    /// One account's context, shared by every entry of a walk (one reference each, not a copy of its rates), with
    /// what a market-value sort key needs worked out once: the factor from each currency into the one sizes are
    /// compared in.
    final class Valuation: Sendable {
        let context: Context
        /// Missing for a currency without a rate into the sort currency.
        let sizeFactors: [Currency: Double]

        init(_ context: Context) {
            self.context = context
            var onward = 1.0
            if let consolidation = context.consolidation {
                onward = consolidation.rate.map { $0.multiplier.approximateDouble / $0.divisor.approximateDouble } ?? .nan
            }
            sizeFactors = onward.isNaN ? [:] : context.rates.rates.mapValues { $0.approximateDouble * onward }
        }
    }

    /// The positions of one account as one fetch gave them, shared by the entries made from it: an entry points
    /// into it instead of holding a copy of its position (a dozen strings and numbers, most of a first frame's walk
    /// when copied a thousand times).
    final class PositionBook: Sendable {
        let positions: [Position]

        init(_ positions: [Position]) { self.positions = positions }
    }

    /// One position with its inputs; its line is valued on first use and then kept. A reference, so that the
    /// lists and the memo share one copy of each (large) line.
    final class Entry: Sendable {
        let quote: MarketQuote?
        let key: String
        let account: AccountID
        let conid: Int
        let currency: Currency
        private let valuation: Valuation
        private let marketValueKey: SortKey?
        /// Where the position is (a walk moves the entries it keeps to its own fetch's book, so that the memo holds
        /// one book per account), the line and a sort key, made when first read: a list may be read from more
        /// than one thread.
        private struct State {
            var book: PositionBook
            var index: Int
            var line: PositionLine?
            var sortKey: (column: Column, key: SortKey?)?
        }
        private let state: Mutex<State>

        init(book: PositionBook, index: Int, quote: MarketQuote?, valuation: Valuation) {
            self.quote = quote
            self.valuation = valuation
            // Read in place: `let position = book.positions[index]` would copy it.
            account = book.positions[index].account
            conid = book.positions[index].contract.conid
            currency = book.positions[index].contract.currency
            key = PositionLine.key(account: account, conid: conid)
            marketValueKey = Self.marketValueKey(of: book, index, currency: currency, valuation: valuation)
            state = Mutex(State(book: book, index: index))
        }

        var position: Position { state.withLock { $0.book.positions[$0.index] } }

        /// The array the entry points into now, for `booksHeld(by:)`.
        var book: PositionBook { state.withLock { $0.book } }

        var line: PositionLine {
            state.withLock { state in
                if let line = state.line { return line }
                let context = valuation.context
                let line = PositionLine(
                    valued: ValuedPosition(
                        position: state.book.positions[state.index], rates: context.rates,
                        netLiquidation: context.netLiquidation, quote: quote),
                    rates: context.rates, mode: context.mode, consolidation: context.consolidation, key: key)
                state.line = line
                return line
            }
        }

        /// The sort key for `column`, computed once per valuation. The market value, the usual sort, is taken
        /// without valuing the line (ordering needs no exact cents), and costs less than keeping it.
        func sortKey(_ column: Column) -> SortKey? {
            if column == .marketValue { return marketValueKey }
            if let cached = state.withLock({ $0.sortKey }), cached.column == column { return cached.key }
            let key = DashboardModel.positionSortKey(line, column)
            state.withLock { $0.sortKey = (column, key) }
            return key
        }

        /// True when this entry was made from inputs of exactly these values; then it is moved to `book`, where
        /// the same position is at `index`.
        func holds(_ book: PositionBook, _ index: Int, _ quote: MarketQuote?) -> Bool {
            guard MarketQuote.haveSameValues(quote, self.quote) else { return false }
            return state.withLock { state in
                guard state.book !== book else { return state.index == index }
                let same = book.positions.withUnsafeBufferPointer { new in
                    state.book.positions.withUnsafeBufferPointer { old in
                        new[index].hasSameValues(as: old[state.index])
                    }
                }
                if same { (state.book, state.index) = (book, index) }
                return same
            }
        }

        /// The value in one currency for all rows, so that sizes compare across currencies: the account's base
        /// currency, or in the all-accounts view the currency they are added up in. Without a rate, the native
        /// value in native mode (what the row shows) and none in base mode. Made with the entry: the table is
        /// sorted by it unless the user chose another column.
        private static func marketValueKey(
            of book: PositionBook, _ index: Int, currency: Currency, valuation: Valuation
        ) -> SortKey? {
            // Read field by field: a call on the position (`nativeMarketValue`) would copy it out of the array.
            let native = book.positions[index].marketValue
                ?? book.positions[index].marketPrice.map {
                    $0.multiplied(by: book.positions[index].quantity)
                        .multiplied(by: book.positions[index].contract.multiplier)
                }
            guard let native else { return nil }
            guard let factor = valuation.sizeFactors[currency] else {
                return valuation.context.mode == .native ? .amount(native) : nil
            }
            return .number(native.approximateDouble * factor)
        }
    }

    /// One account's last walk: its inputs, the entry of each position (nil where the quantity is zero) and the
    /// entries the filter kept.
    private struct Walk {
        var positions: Date?
        var quotes: Date?
        var valuation: Valuation
        var filter: String
        var slots: [Entry?]
        var listed: [Entry]
        /// Where each slot's entry is in `listed`; -1 where it is not listed.
        var listedIndex: [Int]
        /// The slot of each contract, made when first needed; empty when a contract is held twice.
        var slotOf: [Int: Int]?
        /// The currencies of the listed positions.
        var currencies: Set<Currency>
        /// How many patches made entries in books of their own since the walk: each such book stays in memory
        /// while one of its entries does, so after a few the next change walks the account again.
        var patchBooks = 0
    }

    /// Patches in a row before a walk gathers every entry into one book again.
    private static let patchBookLimit = 8

    private var walks: [AccountID: Walk] = [:]
    /// How many times an account's positions were walked one by one: what the engine's changes save, counted so
    /// that the tests can see a price update cost none.
    private(set) var accountWalks = 0
    /// One account's entries as `entries(of:…)` gives them, and which of them it made again in place of the last
    /// ones (by index; nil when it walked the account, and the list may be another).
    struct Walked {
        var entries: [Entry]
        var currencies: Set<Currency>
        var redone: [Int]?
    }

    /// The last sorted list: every account's entries in account order, their sort keys, the order (sorted place
    /// to entry) and its inverse. When prices move a little the order is usually still right, and checking that
    /// is cheaper than sorting again; when the changes name the entries, checking their neighbours is enough.
    private struct SortedList {
        var accounts: [AccountID]
        var counts: [Int]
        var order: SortOrder
        var entries: [Entry]
        var keys: [SortKey?]
        var sorted: [Int]
        var place: [Int]
        var list: [Entry]
    }

    private var lastList: SortedList?
    /// How many lists were sorted whole, for the tests as `accountWalks` is.
    private(set) var listSorts = 0

    public init() {}

    /// The entries of `account`'s open positions that `matches` keeps (all without a filter), in the order of
    /// `positions`, and their currencies: the last list when nothing changed, else a new one that keeps every entry
    /// whose inputs did not change.
    ///
    /// When the engine's `changes` lead from the fetches of the last list, only the contracts they name are looked
    /// at: one price that moved costs one entry, not a walk of the account.
    func entries(
        of account: AccountID, positions cached: Cached<[Position]>, quotes cachedQuotes: Cached<[Int: MarketQuote]>,
        changes: (positions: ContractChanges, quotes: ContractChanges), context: Context, filter: String,
        matches: (Position) -> Bool
    ) -> Walked {
        // Taken out of the memo, so that a patch changes its arrays in place.
        var last = walks.removeValue(forKey: account).flatMap { $0.valuation.context == context ? $0 : nil }
        if var walk = last.take() {
            if walk.filter == filter,
                let redone = Self.patch(&walk, positions: cached, quotes: cachedQuotes, changes: changes, matches: matches)
            {
                walks[account] = walk
                return Walked(entries: walk.listed, currencies: walk.currencies, redone: redone)
            }
            last = walk
        }
        accountWalks += 1
        let positions = cached.value ?? [], quotes = cachedQuotes.value ?? [:]
        let book = PositionBook(positions)
        // Positions come back in the same order fetch after fetch: the entry at the same place is tried first,
        // then the one of the same contract; either is kept when its inputs have the same values.
        let sameQuotes = last.map { $0.quotes == cachedQuotes.fetchedAt } ?? false
        let previous = last?.slots ?? []
        let valuation = last?.valuation ?? Valuation(context)
        var byConid: [Int: Entry]?
        var slots: [Entry?] = []
        var listed: [Entry] = []
        var listedIndex: [Int] = []
        // A handful of currencies: looked through, not hashed.
        var currencies: [Currency] = []
        var lastCurrency: Currency?
        slots.reserveCapacity(positions.count)
        listed.reserveCapacity(positions.count)
        listedIndex.reserveCapacity(positions.count)
        // Read in place: a position is a dozen strings and numbers, and a copy of each would be most of the walk.
        positions.withUnsafeBufferPointer { positions in
            for index in positions.indices {
                guard positions[index].quantity != 0 else {
                    slots.append(nil)
                    listedIndex.append(-1)
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
                let entry = candidate.flatMap { $0.holds(book, index, quote) ? $0 : nil }
                    ?? Entry(book: book, index: index, quote: quote, valuation: valuation)
                slots.append(entry)
                if filter.isEmpty || matches(positions[index]) {
                    listedIndex.append(listed.count)
                    listed.append(entry)
                    // Neighbours mostly share a currency: one comparison for most.
                    let currency = positions[index].contract.currency
                    if currency != lastCurrency {
                        if !currencies.contains(currency) { currencies.append(currency) }
                        lastCurrency = currency
                    }
                } else {
                    listedIndex.append(-1)
                }
            }
        }
        walks[account] = Walk(
            positions: cached.fetchedAt, quotes: cachedQuotes.fetchedAt, valuation: valuation, filter: filter,
            slots: slots, listed: listed, listedIndex: listedIndex, currencies: Set(currencies))
        return Walked(entries: listed, currencies: Set(currencies), redone: nil)
    }

    /// Makes again the entries of the contracts that `changes` name, when they lead from the fetches `walk` was
    /// made from to `cached` and `cachedQuotes`, and returns the indices in the list of those made again. Nil, and
    /// `walk` as it was, when they do not, or when a change would add a row, take one away or bring a new
    /// currency: then only a walk of every position will do.
    private static func patch(
        _ walk: inout Walk, positions cached: Cached<[Position]>, quotes cachedQuotes: Cached<[Int: MarketQuote]>,
        changes: (positions: ContractChanges, quotes: ContractChanges), matches: (Position) -> Bool
    ) -> [Int]? {
        let positionsMoved = walk.positions != cached.fetchedAt
        let quotesMoved = walk.quotes != cachedQuotes.fetchedAt
        guard positionsMoved || quotesMoved else { return [] }
        guard !positionsMoved || changes.positions.lead(from: walk.positions, to: cached.fetchedAt),
            !quotesMoved || changes.quotes.lead(from: walk.quotes, to: cachedQuotes.fetchedAt),
            let positions = cached.value, positions.count == walk.slots.count
        else { return nil }
        // The changes lead from the walk's positions only when the same contracts are in the same places.
        let slotOf = walk.slotOf ?? slots(of: positions)
        walk.slotOf = slotOf
        guard !slotOf.isEmpty || positions.isEmpty else { return nil }
        var conids = positionsMoved ? changes.positions.conids : []
        if quotesMoved { conids.formUnion(changes.quotes.conids) }
        var redo: [Int] = []
        for conid in conids {
            // A quote of a contract no longer held changes no row.
            guard let slot = slotOf[conid] else { continue }
            guard walk.patchBooks < Self.patchBookLimit else { return nil }
            let position = positions[slot]
            let listed = position.quantity != 0 && (walk.filter.isEmpty || matches(position))
            guard listed == (walk.listedIndex[slot] >= 0) else { return nil }
            if listed, walk.slots[slot]?.currency != position.contract.currency { return nil }
            redo.append(slot)
        }
        let quotes = cachedQuotes.value ?? [:]
        var redone: [Int] = []
        let book = PositionBook(positions)
        if !redo.isEmpty { walk.patchBooks += 1 }
        for slot in redo {
            let position = positions[slot]
            let entry = position.quantity == 0
                ? nil
                : Entry(book: book, index: slot, quote: quotes[position.contract.conid], valuation: walk.valuation)
            walk.slots[slot] = entry
            if let entry, walk.listedIndex[slot] >= 0 {
                walk.listed[walk.listedIndex[slot]] = entry
                redone.append(walk.listedIndex[slot])
            }
        }
        walk.positions = cached.fetchedAt
        walk.quotes = cachedQuotes.fetchedAt
        return redone
    }

    /// The place of each contract in `positions`; empty when one is held twice (then places do not name rows).
    private static func slots(of positions: [Position]) -> [Int: Int] {
        var slots: [Int: Int] = [:]
        slots.reserveCapacity(positions.count)
        for index in positions.indices {
            guard slots.updateValue(index, forKey: positions[index].contract.conid) == nil else { return [:] }
        }
        return slots
    }

    /// Every account's entries in one list sorted by `order` (by `column`, its column). When every account was
    /// patched and the entries made again still sit between their neighbours, the last list is changed in those
    /// places alone; else the entries are sorted, each keeping its sort key from the last list when it is the same
    /// entry at the same index, with the last order tried first.
    func sortedList(_ walked: [(account: AccountID, walked: Walked)], by order: SortOrder, column: Column) -> [Entry] {
        var last = lastList.take()
        if var list = last.take() {
            if Self.patch(&list, walked, by: order, column: column) {
                lastList = list
                return list.list
            }
            last = list
        }
        listSorts += 1
        let entries = Array(walked.map(\.walked.entries).joined())
        var keys: [SortKey?]
        if var last, last.order.column == column, last.entries.count == entries.count {
            for index in entries.indices where entries[index] !== last.entries[index] {
                last.keys[index] = entries[index].sortKey(column)
            }
            keys = last.keys
        } else {
            keys = entries.map { $0.sortKey(column) }
        }
        let sorted = DashboardModel.sortedIndices(keys, by: order, hint: last?.sorted)
        var place = [Int](repeating: 0, count: sorted.count)
        for (index, entry) in sorted.enumerated() { place[entry] = index }
        let list = SortedList(
            accounts: walked.map(\.account), counts: walked.map(\.walked.entries.count), order: order,
            entries: entries, keys: keys, sorted: sorted, place: place, list: sorted.map { entries[$0] })
        lastList = list
        return list.list
    }

    /// The entries made again put in their places, when every account was patched and each of them is still
    /// between its neighbours. False when not (`list` is then partly changed, its entries and keys still agreeing).
    private static func patch(
        _ list: inout SortedList, _ walked: [(account: AccountID, walked: Walked)], by order: SortOrder, column: Column
    ) -> Bool {
        guard list.order == order, list.accounts.elementsEqual(walked.map(\.account)),
            list.counts.elementsEqual(walked.map(\.walked.entries.count))
        else { return false }
        var start = 0
        for (index, item) in walked.enumerated() {
            guard let redone = item.walked.redone else { return false }
            for listed in redone {
                let entry = item.walked.entries[listed]
                let unsorted = start + listed
                list.entries[unsorted] = entry
                list.keys[unsorted] = entry.sortKey(column)
                let place = list.place[unsorted]
                if place > 0 && !DashboardModel.precedes(list.sorted[place - 1], unsorted, keys: list.keys, by: order) {
                    return false
                }
                if place + 1 < list.sorted.count
                    && !DashboardModel.precedes(unsorted, list.sorted[place + 1], keys: list.keys, by: order)
                {
                    return false
                }
                list.list[place] = entry
            }
            start += list.counts[index]
        }
        return true
    }

    /// How many arrays of positions the entries of `account`'s last walk point into, for the tests to see that
    /// the memo does not keep old fetches alive.
    func booksHeld(by account: AccountID) -> Int {
        Set(walks[account]?.slots.compactMap { $0.map { ObjectIdentifier($0.book) } } ?? []).count
    }

    /// Forgets the last sorted list: the list is in its natural order now.
    func forgetOrder() { lastList = nil }

    /// Forgets the accounts that are gone from the dashboard.
    func keepOnly(_ accounts: [AccountID]) {
        guard walks.count > accounts.count else { return }
        let kept = Set(accounts)
        walks = walks.filter { kept.contains($0.key) }
    }
}
