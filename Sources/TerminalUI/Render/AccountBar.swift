import Foundation
import Portfolio

/// The top row: all accounts, then each account with its net liquidation and day P&L, paper accounts marked.
/// It shortens its items until they fit: first without the day P&L, then names only.
struct AccountBar {
    let state: DashboardState
    let view: ViewState

    private enum Detail: CaseIterable { case full, value, name }

    func draw(in rect: Rect, focused: Bool, painter: Painter, grid: inout Grid) {
        var chosen = items(detail: .name, painter: painter)
        for detail in Detail.allCases {
            let candidate = items(detail: detail, painter: painter)
            if width(of: candidate) <= rect.width {
                chosen = candidate
                break
            }
        }
        var x = rect.x
        for (index, item) in chosen.enumerated() {
            let isSelected = index == 0 ? view.selectedAccount == nil : state.accounts[index - 1].id == view.selectedAccount
            let start = x
            for span in item {
                guard x < rect.maxX else { break }
                x = grid.put(span.text, x: x, y: rect.y, style: painter.style(of: span), limit: rect.maxX - x)
            }
            if isSelected {
                let highlight = painter.style(focused ? .selection : .title)
                grid.restyle(Rect(x: start, y: rect.y, width: min(x, rect.maxX) - start, height: 1), style: highlight)
            }
            if x < rect.maxX { x = grid.put(" │ ", x: x, y: rect.y, style: painter.style(.border), limit: rect.maxX - x) }
        }
    }

    private func width(of items: [[Span]]) -> Int {
        items.reduce(0) { total, item in total + item.reduce(0) { $0 + TextWidth.of($1.text) } } + 3 * items.count
    }

    private func items(detail: Detail, painter: Painter) -> [[Span]] {
        var all: [Span] = [Span("0 All", .foreground)]
        if detail != .name, let totals = state.consolidated?.totals, state.accounts.count > 1 {
            all += numbers(totals, detail: detail, painter: painter, key: "bar/all")
        }
        var items = [all]
        for (index, account) in state.accounts.enumerated() {
            let name = account.account.displayName.sanitized
            let id = account.id.rawValue.sanitized
            var label = "\(index + 1) " + (detail == .full && name != id ? id + " " + name : name)
            if detail == .name { label = TextWidth.truncate(label, to: 12) }
            var item = [Span(label, .foreground)]
            if account.account.isPaper { item.append(Span(" paper", .warning)) }
            let worst = [account.summary.freshness(at: state.now), account.pnl.freshness(at: state.now)].max()
            let badge = painter.badge(worst)
            item.append(Span(" " + String(badge.text.prefix(1)), badge.role))
            if detail != .name { item += numbers(account.totals, detail: detail, painter: painter, key: "bar/" + id) }
            items.append(item)
        }
        return items
    }

    private func numbers(_ totals: AccountTotals, detail: Detail, painter: Painter, key: String) -> [Span] {
        var spans = [Span(" "), compactAmount(totals.netLiquidation, painter: painter, key: key)]
        if detail == .full {
            spans.append(Span(" "))
            var change = painter.change(totals.dailyPnl, compact: true)
            if let daily = totals.dailyPnl, !painter.privacy { change.text = painter.glyphs.direction(of: daily) + change.text }
            spans.append(change)
        }
        return spans
    }

    private func compactAmount(_ value: Decimal?, painter: Painter, key: String) -> Span {
        guard let value else { return Span("—", .muted) }
        if painter.privacy { return Span(Painter.mask, .muted) }
        return Span(NumberText.compact(value), .accent, flashKey: key)
    }
}
