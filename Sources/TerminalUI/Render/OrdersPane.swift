import Foundation
import Portfolio

/// Working and recent orders: side, quantity, symbol, type, limit/stop, filled/remaining, status, time in force, time.
struct OrdersPane {
    let model: DashboardModel
    let state: DashboardState
    let view: ViewState

    static func specs(accounts: AccountLabel?) -> [TableColumnSpec] {
        var specs = [
            TableColumnSpec(.time, width: 5, priority: 2, alignment: .left),
            TableColumnSpec(.side, width: 4, priority: 1, alignment: .left),
            TableColumnSpec(.quantity, width: 6, priority: 1),
            TableColumnSpec(.symbol, width: 7, priority: 1, alignment: .left),
            TableColumnSpec(.orderType, width: 7, priority: 3, alignment: .left),
            TableColumnSpec(.limitStop, width: 11, priority: 2),
            TableColumnSpec(.filledRemaining, width: 9, priority: 4),
            TableColumnSpec(.status, width: 10, priority: 1, alignment: .left),
            TableColumnSpec(.timeInForce, width: 4, priority: 5, alignment: .left),
            TableColumnSpec(.description, width: 8, priority: 6, alignment: .left, flexible: true),
        ]
        if let accounts { specs.insert(accounts.spec(), at: 0) }
        return specs
    }

    var freshness: Freshness? { model.shown.map { $0.orders.freshness(at: state.now) }.max() }

    func draw(in rect: Rect, focused: Bool, painter: Painter, grid: inout Grid) {
        let orders = model.orders
        let working = orders.filter(\.status.isWorking).count
        var title = [Span("Orders (\(working) working)", .title)]
        title += FilterTitle.spans(pane: .orders, view: view)
        let accountLabel = model.isConsolidated ? AccountLabel(state: state) : nil
        let layout = TableLayout(Self.specs(accounts: accountLabel), width: max(0, rect.width - 2))
        title += SortTitle.spans(view.sort(.orders), shown: layout.columns.map(\.spec.column))
        title.append(painter.badge(freshness))
        let inside = PaneFrame.draw(rect, title: title, focused: focused, painter: painter, in: &grid)
        let table = TableRenderer(layout: layout, sort: view.sort(.orders))
        let loaded = model.shown.contains { $0.orders.value != nil }
        let empty = !view.filter(.orders).isEmpty ? "No order matches the filter" : loaded ? "No orders" : "Loading orders…"
        table.drawList(
            in: inside, keys: model.keys(of: .orders, state: state), cursor: view.cursor(.orders), focused: focused,
            empty: empty, painter: painter, grid: &grid
        ) { index, column in
            cell(column, of: orders[index], accounts: accountLabel, painter: painter)
        }
    }

    private func cell(_ column: Column, of order: Order, accounts: AccountLabel?, painter: Painter) -> Span {
        let finished = !order.status.isWorking
        switch column {
        case .account: return Span(accounts?.text(order.account) ?? order.account.rawValue.sanitized, .muted)
        case .time: return order.lastUpdate.map { Span(painter.clock.minutes($0), .muted) } ?? Span("", .muted)
        case .side:
            let role: ThemeRole = finished ? .muted : order.side == .buy ? .gain : order.side == .sell ? .loss : .foreground
            return Span(OrderText.side(order.side), role)
        case .quantity: return painter.quantity(order.quantity)
        case .symbol: return Span(order.symbol.sanitized, finished ? .muted : .accent)
        case .orderType: return Span(order.orderType.sanitized, .muted)
        case .limitStop:
            let prices = [order.limitPrice, order.stopPrice].compactMap { $0 }.map(NumberText.price)
            return Span(prices.joined(separator: "/"))
        case .filledRemaining:
            if painter.privacy { return Span(Painter.mask, .muted) }
            return Span(NumberText.quantity(order.filled) + "/" + NumberText.quantity(order.remaining))
        case .status:
            let role: ThemeRole =
                switch order.status {
                case .filled: .gain
                case .cancelled, .inactive: .muted
                case .warnState, .other: .warning
                default: .foreground
                }
            return Span(OrderText.status(order.status), role)
        case .timeInForce: return Span(order.timeInForce.sanitized, .muted)
        case .description:
            let reason = order.reason.map { " — " + $0.sanitized } ?? ""
            return Span(order.description.sanitized + reason, .muted)
        default: return Span("")
        }
    }
}
