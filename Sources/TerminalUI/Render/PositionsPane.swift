import Foundation
import Portfolio

/// The positions table: symbol, description, quantity, price, market value, average cost, unrealized P&L and %,
/// day change, weight and currency, the less important columns dropped as the pane narrows.
struct PositionsPane {
    let model: DashboardModel
    let state: DashboardState
    let view: ViewState
    /// The rows of earlier frames, which also flash the values that changed.
    let rows: PositionRows
    /// When the frame is drawn, for the flashes.
    let now: ContinuousClock.Instant
    /// The worst of the positions, and of the quotes once there are any (they give the day change).
    let freshness: Freshness?
    private let quoteFreshness: Freshness?

    init(model: DashboardModel, state: DashboardState, view: ViewState, rows: PositionRows, now: ContinuousClock.Instant) {
        self.model = model
        self.state = state
        self.view = view
        self.rows = rows
        self.now = now
        let quotes = model.shown.filter { $0.quotes.value != nil }.map { $0.quotes.freshness(at: state.now) }.max()
        quoteFreshness = quotes
        freshness = (model.shown.map { $0.positions.freshness(at: state.now) } + [quotes].compactMap { $0 }).max()
    }

    static func specs(accounts: AccountLabel?) -> [TableColumnSpec] {
        var specs = [
            TableColumnSpec(.symbol, width: 8, priority: 1, alignment: .left),
            // The description tells a stock from its options (`SPY` and `SPY 590C …`): it goes after the price.
            TableColumnSpec(.description, width: 11, priority: 2, alignment: .left, flexible: true),
            TableColumnSpec(.quantity, width: 7, priority: 1),
            TableColumnSpec(.price, width: 9, priority: 3),
            TableColumnSpec(.marketValue, width: 12, priority: 1),
            TableColumnSpec(.averageCost, width: 9, priority: 6),
            TableColumnSpec(.unrealized, width: 11, priority: 1),
            TableColumnSpec(.unrealizedPercent, width: 8, priority: 4),
            TableColumnSpec(.dayChange, width: 10, priority: 2),
            TableColumnSpec(.weight, width: 5, priority: 5),
            TableColumnSpec(.currency, width: 3, priority: 2, alignment: .left),
        ]
        if let accounts { specs.insert(accounts.spec(), at: 0) }
        return specs
    }

    func draw(in rect: Rect, focused: Bool, painter: Painter, grid: inout Grid) {
        let lines = model.positions
        var title = [Span("Positions (\(lines.count))", .title)]
        title += FilterTitle.spans(pane: .positions, view: view)
        let accountLabel = model.isConsolidated ? AccountLabel(state: state) : nil
        let layout = TableLayout(Self.specs(accounts: accountLabel), width: max(0, rect.width - 2))
        title += SortTitle.spans(view.sort(.positions), shown: layout.columns.map(\.spec.column))
        title.append(painter.badge(freshness))
        if view.currency == .base { title.append(Span("base ccy", .muted)) }
        if let sizes = sizeCurrency, view.currency == .native, view.sort(.positions).column == .marketValue,
            lines.currencies.contains(where: { $0 != sizes })
        {
            // The column shows each position in its own currency; the order is by size in one currency.
            title.append(Span("by \(sizes.code.sanitized) value", .muted))
        }
        // The renderer draws this pane last, over the blank the backdrop left or over the pane of the last frame:
        // every cell is written (box, title, a full line for each row, blanks below), and what is written the same
        // as before leaves the frame's rows shared with the last frame's, so nothing is blanked first.
        let inside = PaneFrame.draw(rect, title: title, focused: focused, painter: painter, in: &grid, clear: false)
        let table = TableRenderer(layout: layout, sort: view.sort(.positions))
        let quotesStale = quoteFreshness.map { $0.level >= .stale } ?? false
        let columns = table.layout.columns.map(\.spec.column)
        // The rows flash their own changed values (`PositionRows`), so the painter's frame-wide tracker stays out.
        let painter = painter.withoutFlashes
        table.drawRows(
            in: inside, keys: lines.lazyKeys, cursor: view.cursor(.positions), focused: focused, empty: emptyMessage,
            painter: painter, grid: &grid
        ) { index, y, selected, grid in
            let entry = lines.entries[index]
            let account = accountLabel?.text(entry.account)
            let inputs = PositionRows.Inputs(
                entry: entry, account: account, quotesStale: quotesStale, privacy: painter.privacy,
                glyphs: painter.glyphs, columns: columns)
            rows.draw(
                inputs, layout: table.layout, selected: selected, x: inside.x, y: y, width: inside.width, now: now,
                grid: &grid
            ) {
                let line = entry.line
                return columns.map { cell($0, of: line, account: account, painter: painter, quotesStale: quotesStale) }
            } draw: { cells, grid in
                grid.fill(Rect(x: inside.x, y: y, width: inside.width, height: 1), style: painter.style(.background))
                table.drawRow(painter: painter, in: &grid, at: (inside.x, y), width: inside.width, selected: selected) {
                    column in columns.firstIndex(of: column).map { cells[$0] } ?? Span("")
                }
            }
        }
    }

    /// The currency a market-value sort compares sizes in (`PositionMemo`): the consolidated one for all
    /// accounts, else the account's base currency.
    private var sizeCurrency: Currency? {
        model.isConsolidated ? state.consolidated?.totals.currency : model.shown.first?.account.baseCurrency
    }

    private var emptyMessage: String {
        if !view.filter(.positions).isEmpty { return "No position matches the filter" }
        let loaded = model.shown.contains { $0.positions.value != nil }
        return loaded ? "No positions" : "Loading positions…"
    }


    private func cell(
        _ column: Column, of line: PositionLine, account: String?, painter: Painter, quotesStale: Bool
    ) -> Span {
        let position = line.position
        let contract = position.contract
        // Marks the cells whose change flashes: `PositionRows` compares each row's cells with its own last ones, so
        // the column is key enough.
        let key = column.rawValue
        switch column {
        case .account: return Span(account ?? position.account.rawValue.sanitized, .muted)
        case .symbol: return Span(contract.symbol.sanitized, .accent)
        case .description: return Span(ContractText.describe(contract))
        case .quantity: return painter.quantity(position.quantity)
        case .price:
            guard let price = position.marketPrice else { return Span("—", .muted) }
            return Span(NumberText.price(price), .foreground, flashKey: key)
        case .marketValue: return painter.amount(line.marketValue?.amount, flashKey: key)
        case .averageCost:
            let cost = position.averagePrice ?? position.averageCost
            return cost.map { Span(NumberText.price($0)) } ?? Span("—", .muted)
        case .unrealized: return painter.change(line.unrealized?.amount, flashKey: key)
        case .unrealizedPercent: return painter.percentChange(position.unrealizedPnlFraction.map { $0.movingPoint(by: 2) })
        case .dayChange:
            var span = painter.change(line.dayChange?.amount, flashKey: key)
            if quotesStale && line.dayChange != nil { span.role = .stale }
            return span
        case .weight:
            return line.weightPercent.map { Span(NumberText.format($0, decimals: 1), .muted) } ?? Span("—", .muted)
        case .currency: return Span((line.marketValue?.currency ?? contract.currency).code.sanitized, .muted)
        default: return Span("")
        }
    }
}
