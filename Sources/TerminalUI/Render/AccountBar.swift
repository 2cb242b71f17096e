import Foundation
import Portfolio

/// The top row: all accounts, then each account with its net liquidation and day P&L, paper accounts marked.
/// It shortens its items until they fit: names before numbers, because net liquidation matters more than a name;
/// the day P&L goes before net liquidation, and the numbers only when even short names do not fit.
struct AccountBar {
    let state: DashboardState
    let view: ViewState

    private enum Label: Hashable {
        case idAndName, name
        case short(Int)
    }

    private enum Numbers { case full, value, none }

    /// From the widest to the narrowest.
    private static let details: [(label: Label, numbers: Numbers)] = [
        (.idAndName, .full), (.name, .full), (.short(12), .full), (.short(8), .full),
        (.name, .value), (.short(12), .value), (.short(8), .value), (.short(6), .value), (.short(4), .value),
        (.short(12), .none), (.short(8), .none), (.short(4), .none),
    ]

    func draw(in rect: Rect, focused: Bool, painter: Painter, grid: inout Grid) {
        // The narrowest is drawn, clipped, when nothing fits.
        var chosen: [[Span]] = []
        for detail in Self.details {
            chosen = items(label: detail.label, numbers: detail.numbers, painter: painter)
            if width(of: chosen) <= rect.width { break }
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
            if index < chosen.count - 1, x < rect.maxX {
                x = grid.put(" │ ", x: x, y: rect.y, style: painter.style(.border), limit: rect.maxX - x)
            }
        }
    }

    private func width(of items: [[Span]]) -> Int {
        items.reduce(0) { total, item in total + TextLine(item).width } + 3 * max(0, items.count - 1)
    }

    private func items(label style: Label, numbers: Numbers, painter: Painter) -> [[Span]] {
        var all: [Span] = [Span("0 All", .foreground)]
        if numbers != .none, let totals = state.consolidated?.totals, state.accounts.count > 1 {
            all += self.numbers(totals, numbers, painter: painter)
        }
        var items = [all]
        for (index, account) in state.accounts.enumerated() {
            let name = account.account.displayName.sanitized
            let id = account.id.rawValue.sanitized
            let label =
                switch style {
                case .idAndName: name != id ? id + " " + name : name
                case .name: name
                // `Jane…`, not `Jane …`.
                case .short(let width): TextWidth.truncate(name, to: width).replacingOccurrences(of: " …", with: "…")
                }
            var item = [Span("\(index + 1) " + label, .foreground)]
            if account.account.isPaper { item.append(Span(" paper", .warning)) }
            let worst = [account.summary.freshness(at: state.now), account.pnl.freshness(at: state.now)].max()
            // The glyph alone (`● ◐ ○ × ◌`): the theme's, never a hyphen that would read as a minus sign.
            let badge = painter.badge(worst)
            item.append(Span(" " + String(badge.text.prefix(1)), badge.role))
            if numbers != .none { item += self.numbers(account.totals, numbers, painter: painter) }
            items.append(item)
        }
        return items
    }

    private func numbers(_ totals: AccountTotals, _ numbers: Numbers, painter: Painter) -> [Span] {
        var spans = [Span(" "), compactAmount(totals.netLiquidation, painter: painter)]
        if numbers == .full, let daily = totals.dailyPnl {
            spans.append(Span(" "))
            var change = painter.change(daily, compact: true)
            if !painter.privacy {
                // The glyph of what is shown: a day of +0.30 reads `·0`, not `▲0`.
                let glyphs = painter.glyphs
                change.text = (change.role == .gain ? glyphs.gain : change.role == .loss ? glyphs.loss : glyphs.unchanged) + change.text
            }
            spans.append(change)
        }
        return spans
    }

    private func compactAmount(_ value: Decimal?, painter: Painter) -> Span {
        guard let value else { return Span("—", .muted) }
        if painter.privacy { return Span(Painter.mask, .muted) }
        // Net liquidation moves with every price tick: it does not flash.
        return Span(NumberText.compact(value), .accent)
    }
}
