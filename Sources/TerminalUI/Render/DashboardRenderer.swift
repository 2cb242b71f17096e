import Foundation
import Portfolio

/// Composes a whole frame from a dashboard state and the view state: the pure rendering entry point the app loop,
/// the tests and the benchmark call. It keeps only what makes changed values flash.
public final class DashboardRenderer {
    public var theme: Theme {
        didSet { rows.removeAll() }
    }
    public var clock: ClockText
    public let keymap: Keymap
    /// A message for the status line in place of the key hints, such as a theme that could not be loaded.
    public var notice: String?
    private let flashes: FlashTracker?
    /// The positions of the last frame, reused while their inputs stay the same (a clock tick, a key that moves the
    /// selection): valuing and sorting a thousand positions is most of a frame's work.
    private var positions: (key: PositionsKey, lines: PositionList)?
    private let memo = PositionMemo()
    /// The orders of the last frame, reused while their inputs stay the same.
    private var orders: (key: OrdersKey, list: [Order])?
    private let rows: PositionRows
    /// When the last frame was drawn.
    private var drawnAt: ContinuousClock.Instant?
    /// The last frame of the main screen, with the key of everything but the positions pane and the status line
    /// and what those other panes' freshness was: while the key stays the same and none of their values flashes,
    /// the next frame is drawn over it (a price update draws one pane), and shares with it every row it leaves
    /// as it was.
    private var backdrop: (key: BackdropKey, frame: Grid, shown: [Freshness?], flashKeys: [String])?

    /// - Parameter flashes: draw a value that changed in the flash style for a moment; off for NO_COLOR and mono.
    public init(theme: Theme, clock: ClockText = .utc, keymap: Keymap = .standard, flashes: Bool = false) {
        self.theme = theme
        self.clock = clock
        self.keymap = keymap
        let tracker = flashes ? FlashTracker() : nil
        self.flashes = tracker
        rows = PositionRows(flashDuration: tracker?.duration)
    }

    /// A frame without flashes, from values only.
    public static func frame(
        _ state: DashboardState, view: ViewState, theme: Theme, clock: ClockText = .utc
    ) -> Grid {
        DashboardRenderer(theme: theme, clock: clock).render(state, view: view)
    }

    /// When a flash ends and the frame must be drawn again; `nil` when nothing flashes.
    public var nextFlashDeadline: ContinuousClock.Instant? {
        [flashes?.nextDeadline, drawnAt.flatMap(rows.nextDeadline)].compactMap { $0 }.min()
    }

    public func render(_ state: DashboardState, view: ViewState, at now: ContinuousClock.Instant = .now) -> Grid {
        flashes?.beginFrame(at: now)
        rows.beginFrame()
        drawnAt = now
        let size = view.size
        let painter = Painter(theme: theme, privacy: view.privacy, clock: clock, flashes: flashes)
        let layout = ScreenLayout(size: size, alerts: state.alerts.count)
        guard layout.mode != .tooSmall else {
            var grid = Grid(cols: size.cols, rows: size.rows, style: theme[.background])
            TooSmallScreen.draw(size: size, painter: painter, grid: &grid)
            return grid
        }
        let key = PositionsKey(state: state, view: view)
        let ordersKey = OrdersKey(state: state, view: view)
        // A list that cannot be reused is let go first: the memo then changes its own copy in place.
        if positions?.key != key { positions = nil }
        let model = DashboardModel(
            state: state, view: view, positions: positions?.lines, memo: memo,
            orders: orders?.key == ordersKey ? orders?.list : nil)
        positions = (key, model.positions)
        orders = (ordersKey, model.orders)
        let onMain = view.screen == .main
        // The panes are separate rectangles, so the positions pane drawn last looks as if drawn in its turn.
        let reusable = onMain && !view.showHelp
        let backdropKey = reusable ? BackdropKey(state: state, view: view, theme: theme, clock: clock) : nil
        var shown: [Freshness?] = []
        var grid: Grid
        var kept: (key: BackdropKey, shown: [Freshness?], flashKeys: [String])?
        if let backdrop, backdrop.key == backdropKey, flashes?.carryOver(backdrop.flashKeys) ?? true {
            grid = backdrop.frame
            shown = backdrop.shown
            kept = (backdrop.key, backdrop.shown, backdrop.flashKeys)
        } else {
            var drawn = Grid(cols: size.cols, rows: size.rows, style: theme[.background])
            let draw = {
                shown = self.drawBackdrop(layout: layout, model: model, state: state, view: view, painter: painter, grid: &drawn)
            }
            let recorded = flashes?.recording(draw) ?? { draw(); return ([], false) }()
            grid = drawn
            // Kept as the whole frame, once drawn: keeping `drawn` now would make the positions pane's writes
            // copy every row it draws on.
            kept = backdropKey.flatMap { key in recorded.flashed ? nil : (key, shown, recorded.keys) }
        }
        if onMain {
            let positions = PositionsPane(model: model, state: state, view: view, rows: rows, now: now)
            if let rect = layout.panes[.positions] {
                positions.draw(in: rect, focused: focusedPane(layout, view) == .positions, painter: painter, grid: &grid)
                shown.append(positions.freshness)
            }
        } else {
            drawDetail(in: layout.body, state: state, view: view, painter: painter, grid: &grid)
        }
        if view.showHelp { HelpOverlay.draw(in: layout.body, keymap: keymap, painter: painter, grid: &grid) }
        StatusLine(state: state, view: view, worst: shown.compactMap { $0 }.max(), notice: notice).draw(
            in: layout.status, painter: painter, grid: &grid)
        backdrop = kept.map { ($0.key, grid, $0.shown, $0.flashKeys) }
        return grid
    }

    private func focusedPane(_ layout: ScreenLayout, _ view: ViewState) -> PaneID {
        layout.panes[view.focus] == nil && view.focus != .accounts ? PaneID.positions : view.focus
    }

    /// The account bar, the summary strip and, on the main screen, the panes that fit but the positions; returns
    /// the freshness of what they show.
    private func drawBackdrop(
        layout: ScreenLayout, model: DashboardModel, state: DashboardState, view: ViewState, painter: Painter,
        grid: inout Grid
    ) -> [Freshness?] {
        let onMain = view.screen == .main
        AccountBar(state: state, view: view).draw(
            in: layout.accountBar, focused: onMain && view.focus == .accounts, painter: painter, grid: &grid)
        let summary = SummaryStrip(model: model, state: state, view: view)
        summary.draw(in: layout.summary, painter: painter, grid: &grid)
        guard onMain else { return [summary.freshness] }
        return [summary.freshness]
            + drawPanes(layout: layout, model: model, state: state, view: view, painter: painter, grid: &grid)
    }

    /// Draws the panes that fit, but the positions, and returns the freshness of what they show.
    private func drawPanes(
        layout: ScreenLayout, model: DashboardModel, state: DashboardState, view: ViewState, painter: Painter,
        grid: inout Grid
    ) -> [Freshness?] {
        let focus = focusedPane(layout, view)
        var shown: [Freshness?] = []
        for (pane, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let focused = pane == focus
            switch pane {
            case .orders:
                let orders = OrdersPane(model: model, state: state, view: view)
                orders.draw(in: rect, focused: focused, painter: painter, grid: &grid)
                shown.append(orders.freshness)
            case .pnl:
                let pnl = PnLPane(model: model, state: state, view: view, series: NAVSeries(model: model, state: state))
                pnl.draw(in: rect, focused: false, painter: painter, grid: &grid)
                shown.append(pnl.freshness)
            case .alerts:
                AlertsPane(model: model, view: view).draw(in: rect, focused: focused, painter: painter, grid: &grid)
            case .accounts, .positions:
                continue
            }
        }
        return shown
    }

    private func drawDetail(in body: Rect, state: DashboardState, view: ViewState, painter: Painter, grid: inout Grid) {
        let title = [Span(Breadcrumb.text(view: view, state: state), .title)]
        let inside = PaneFrame.draw(body, title: title, focused: true, painter: painter, in: &grid)
        guard inside.width > 0, inside.height > 0 else { return }
        let lines = DetailPage(screen: view.screen, state: state, view: view, painter: painter).lines(width: inside.width)
        let top = min(view.detailScroll, max(0, lines.count - inside.height))
        for (offset, line) in lines.dropFirst(top).prefix(inside.height).enumerated() {
            painter.draw(line, in: &grid, x: inside.x, y: inside.y + offset, width: inside.width)
        }
        if lines.count > inside.height {
            let marker = "\(top + 1)–\(min(lines.count, top + inside.height))/\(lines.count)"
            let width = TextWidth.of(marker) + 2
            painter.put(Span(" " + marker + " ", .muted), in: &grid, x: body.maxX - width - 1, y: body.maxY - 1, width: width)
        }
    }
}
