import Foundation
import Portfolio

/// What the screen lists, derived from the dashboard state and the view: the accounts shown, their positions,
/// orders and alerts, filtered and sorted. The reducer and the renderer derive it the same way, so that the
/// row the keys move over is the row on screen.
public struct DashboardModel: Sendable {
    /// The accounts whose data is shown: the selected one, or all.
    public let shown: [AccountState]
    /// The totals of what is shown; `nil` until there is an account.
    public let totals: AccountTotals?
    public let positions: PositionList
    public let orders: [Order]
    public let alerts: [Alert]
    public let isConsolidated: Bool

    /// - Parameter positions: the positions derived before from the same inputs (`PositionsKey`), to skip valuing
    ///   and sorting them again on frames where only the clock moved.
    ///   - memo: keeps each position's valuation while its inputs stay the same, across frames.
    ///   - orders: the orders derived before from the same inputs (`OrdersKey`).
    public init(
        state: DashboardState, view: ViewState, positions: PositionList? = nil, memo: PositionMemo? = nil,
        orders: [Order]? = nil
    ) {
        let selected = view.selectedAccount.flatMap(state.account)
        shown = selected.map { [$0] } ?? state.accounts
        isConsolidated = selected == nil && state.accounts.count > 1
        totals = selected?.totals ?? (isConsolidated ? state.consolidated?.totals : state.accounts.first?.totals)
        self.positions = positions ?? Self.positions(
            of: shown, state: state, view: view, consolidated: isConsolidated ? totals : nil, memo: memo)
        self.orders = orders ?? Self.orders(of: shown, view: view)
        let accountIDs = Set(shown.map(\.id))
        let filter = view.filter(.alerts)
        alerts = state.alerts.filter { alert in
            (selected == nil || alert.account.map(accountIDs.contains) ?? true)
                && (filter.isEmpty || Self.matches(filter, [alert.text, alert.category.rawValue, alert.severity.name]))
        }
    }

    /// Row keys of a list pane, in screen order.
    public func keys(of pane: PaneID, state: DashboardState) -> [String] {
        switch pane {
        case .positions: positions.keys
        case .orders: orders.map { "\($0.account.rawValue)/\($0.id)" }
        case .alerts: alerts.map { "\($0.id)" }
        case .accounts: [""] + state.accounts.map(\.id.rawValue)
        case .pnl: []
        }
    }

    private static func positions(
        of accounts: [AccountState], state: DashboardState, view: ViewState, consolidated: AccountTotals?,
        memo: PositionMemo?
    ) -> PositionList {
        let converter = consolidated.map { _ in CurrencyConverter(ledgers: state.accounts.compactMap(\.ledger.value)) }
        let filter = view.filter(.positions)
        let memo = memo ?? PositionMemo()
        var walked: [(account: AccountID, walked: PositionMemo.Walked)] = []
        var currencies = Set<Currency>()
        for account in accounts {
            let rates = account.ledger.value?.fxRates ?? FXRates(base: account.account.baseCurrency, rates: [:])
            let consolidation = consolidated.map { totals in
                PositionLine.Consolidation(
                    rate: converter?.rate(from: account.account.baseCurrency, to: totals.currency),
                    currency: totals.currency, netLiquidation: totals.netLiquidation)
            }
            let context = PositionMemo.Context(
                rates: rates, netLiquidation: account.totals.netLiquidation, mode: view.currency,
                consolidation: consolidation)
            let entries = memo.entries(
                of: account.id, positions: account.positions, quotes: account.quotes,
                changes: (account.positionChanges, account.quoteChanges), context: context, filter: filter
            ) { position in
                let contract = position.contract
                return filter.isEmpty || matches(filter, [contract.symbol, contract.description, contract.name])
            }
            walked.append((account.id, entries))
            currencies.formUnion(entries.currencies)
        }
        memo.keepOnly(state.accounts.map(\.id))
        let order = view.sort(.positions)
        guard let column = order.column else {
            memo.forgetOrder()
            return PositionList(Array(walked.map(\.walked.entries).joined()), currencies: currencies)
        }
        return PositionList(memo.sortedList(walked, by: order, column: column), currencies: currencies)
    }

    private static func orders(of accounts: [AccountState], view: ViewState) -> [Order] {
        let filter = view.filter(.orders)
        let all = accounts.flatMap { $0.orders.value ?? [] }.filter { order in
            matches(filter, [order.symbol, order.description, order.orderType, OrderText.status(order.status)])
        }
        // Newest first as it came; working orders before finished ones.
        let natural = all.enumerated().sorted { lhs, rhs in
            if lhs.element.status.isWorking != rhs.element.status.isWorking { return lhs.element.status.isWorking }
            let left = lhs.element.lastUpdate ?? .distantPast, right = rhs.element.lastUpdate ?? .distantPast
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
        return sorted(natural, by: view.sort(.orders), key: orderSortKey)
    }

    static func matches(_ filter: String, _ fields: [String]) -> Bool {
        guard !filter.isEmpty else { return true }
        return fields.contains { $0.range(of: filter, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
    }

    /// Stable: rows that compare equal keep their natural order; rows without a value go last either way.
    /// Sorts indices by keys computed once, so that large rows are moved once, not at every comparison.
    static func sorted<Row>(_ rows: [Row], by order: SortOrder, key: (Row, Column) -> SortKey?) -> [Row] {
        guard let column = order.column else { return rows }
        return sortedIndices(rows.map { key($0, column) }, by: order, hint: nil).map { rows[$0] }
    }

    /// The indices of `keys` in sorted order. `hint`, the order of an earlier sort, is returned as it is when it
    /// still sorts these keys: the stable order is the only one that does, and checking is linear.
    static func sortedIndices(_ keys: [SortKey?], by order: SortOrder, hint: [Int]?) -> [Int] {
        let before = { precedes($0, $1, keys: keys, by: order) }
        // A hint of the same length is a permutation of these indices: every order comes from this function.
        if let hint, hint.count == keys.count, zip(hint, hint.dropFirst()).allSatisfy(before) { return hint }
        return sortedByNumber(keys, descending: order.descending) ?? keys.indices.sorted(by: before)
    }

    /// The order `precedes` gives when every key is a number or none (a table sorted by an amount, the usual
    /// case), found by sorting plain pairs of number and index: a thousand positions sort several times faster
    /// than through the keys' enum. Nil when a key is text or not a number.
    private static func sortedByNumber(_ keys: [SortKey?], descending: Bool) -> [Int]? {
        var keyed: [(value: Double, index: Int)] = []
        var unkeyed: [Int] = []
        keyed.reserveCapacity(keys.count)
        for index in keys.indices {
            switch keys[index] {
            case .number(let value)?:
                guard !value.isNaN else { return nil }
                keyed.append((descending ? -value : value, index))
            case nil: unkeyed.append(index)
            case .text?: return nil
            }
        }
        // Equal keys keep their natural order in either direction, as in `precedes`.
        keyed.sort { $0.value < $1.value || ($0.value == $1.value && $0.index < $1.index) }
        return keyed.map(\.index) + unkeyed
    }

    /// True when row `lhs` goes before row `rhs`: by key in `order`'s direction, rows without one last, and rows
    /// that compare equal in their natural order.
    static func precedes(_ lhs: Int, _ rhs: Int, keys: [SortKey?], by order: SortOrder) -> Bool {
        switch (keys[lhs], keys[rhs]) {
        case (nil, nil): return lhs < rhs
        case (nil, _): return false
        case (_, nil): return true
        case (let left?, let right?):
            if left == right { return lhs < rhs }
            return order.descending ? right < left : left < right
        }
    }

    static func positionSortKey(_ line: PositionLine, _ column: Column) -> SortKey? {
        let position = line.position
        switch column {
        case .account: return .word(position.account.rawValue)
        case .symbol: return .word(position.contract.symbol)
        case .description: return .word(position.contract.description)
        case .quantity: return .amount(position.quantity)
        case .price: return position.marketPrice.map(SortKey.amount)
        case .averageCost: return position.averageCost.map(SortKey.amount)
        case .unrealized: return line.unrealized.map { .amount($0.amount) }
        case .unrealizedPercent: return position.unrealizedPnlFraction.map(SortKey.amount)
        case .dayChange: return line.dayChange.map { .amount($0.amount) }
        case .weight: return line.weightPercent.map(SortKey.amount)
        case .currency: return .word(position.contract.currency.code)
        default: return nil
        }
    }

    static func orderSortKey(_ order: Order, _ column: Column) -> SortKey? {
        switch column {
        case .account: .word(order.account.rawValue)
        case .symbol: .word(order.symbol)
        case .quantity: .amount(order.quantity)
        case .time: order.lastUpdate.map { .number($0.timeIntervalSince1970) }
        case .side: .word(OrderText.side(order.side))
        case .orderType: .word(order.orderType)
        case .limitStop: (order.limitPrice ?? order.stopPrice).map(SortKey.amount)
        case .filledRemaining: .amount(order.remaining)
        case .status: .word(OrderText.status(order.status))
        case .timeInForce: .word(order.timeInForce)
        default: nil
        }
    }

    /// The columns `s` cycles through, per list.
    public static func sortableColumns(of pane: PaneID) -> [Column] {
        switch pane {
        case .positions:
            [.symbol, .quantity, .price, .marketValue, .unrealized, .unrealizedPercent, .dayChange, .weight, .currency]
        case .orders: [.time, .symbol, .side, .quantity, .status]
        case .accounts, .pnl, .alerts: []
        }
    }
}
