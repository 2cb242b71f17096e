/// Where everything goes, as a pure function of the terminal's size: side by side when wide, stacked when narrow
/// and tall (a tmux split), positions alone under a compact summary when short, and a message below 40×10.
public struct ScreenLayout: Hashable, Sendable {
    public enum Mode: Hashable, Sendable {
        case tooSmall, compact, stacked, wide
    }

    public static let minimum = TerminalSize(cols: 40, rows: 10)

    public let size: TerminalSize
    public let mode: Mode
    public let accountBar: Rect
    public let summary: Rect
    /// Between the summary strip and the status line: the panes, or a detail screen.
    public let body: Rect
    public let status: Rect
    /// The panes of the main screen that fit, with their boxes.
    public let panes: [PaneID: Rect]

    /// - Parameter alerts: how many alerts there are; an alerts pane with few of them gives its spare rows to the
    ///   lists above it. `nil` lays it out at its full height.
    public init(size: TerminalSize, alerts: Int? = nil) {
        self.size = size
        let cols = max(0, size.cols), rows = max(0, size.rows)
        guard cols >= Self.minimum.cols, rows >= Self.minimum.rows else {
            mode = .tooSmall
            accountBar = Rect(x: 0, y: 0, width: 0, height: 0)
            summary = accountBar
            body = Rect(x: 0, y: 0, width: cols, height: rows)
            status = accountBar
            panes = [:]
            return
        }
        accountBar = Rect(x: 0, y: 0, width: cols, height: 1)
        summary = Rect(x: 0, y: 1, width: cols, height: 1)
        status = Rect(x: 0, y: rows - 1, width: cols, height: 1)
        body = Rect(x: 0, y: 2, width: cols, height: rows - 3)
        if rows < 16 {
            mode = .compact
            panes = [.positions: body]
        } else if cols >= 110 {
            mode = .wide
            panes = Self.wide(body, alerts: alerts)
        } else {
            mode = .stacked
            panes = Self.stacked(body, alerts: alerts)
        }
    }

    /// Positions on the left; P&L, orders and alerts above one another on the right.
    private static func wide(_ body: Rect, alerts: Int?) -> [PaneID: Rect] {
        let leftWidth = body.width - max(40, body.width * 32 / 100)
        let right = Rect(x: body.x + leftWidth, y: body.y, width: body.width - leftWidth, height: body.height)
        let pnlHeight = body.height >= 24 ? 8 : 6
        let rest = body.height - pnlHeight
        let ordersHeight = rest / 2 + spare(alertsHeight: rest - rest / 2, alerts: alerts)
        return [
            .positions: Rect(x: body.x, y: body.y, width: leftWidth, height: body.height),
            .pnl: Rect(x: right.x, y: right.y, width: right.width, height: pnlHeight),
            .orders: Rect(x: right.x, y: right.y + pnlHeight, width: right.width, height: ordersHeight),
            .alerts: Rect(
                x: right.x, y: right.y + pnlHeight + ordersHeight, width: right.width, height: rest - ordersHeight),
        ]
    }

    /// Everything in one column; the P&L pane only where there is room, as the summary strip has its numbers.
    private static func stacked(_ body: Rect, alerts: Int?) -> [PaneID: Rect] {
        var y = body.y
        var panes: [PaneID: Rect] = [:]
        func take(_ pane: PaneID, _ height: Int) {
            panes[pane] = Rect(x: body.x, y: y, width: body.width, height: height)
            y += height
        }
        let pnlHeight = body.height >= 27 ? 6 : 0
        let rest = body.height - pnlHeight
        let positionsHeight = rest * 9 / 20
        // Working orders need rows more than an alert log that is usually short.
        let ordersHeight = (rest - positionsHeight) * 3 / 5
        let alertsHeight = rest - positionsHeight - ordersHeight
        take(.positions, positionsHeight + spare(alertsHeight: alertsHeight, alerts: alerts))
        if pnlHeight > 0 { take(.pnl, pnlHeight) }
        take(.orders, ordersHeight)
        take(.alerts, body.maxY - y)
        return panes
    }

    /// Rows an alerts pane of `alertsHeight` does not need for `alerts` alerts: it keeps its box and at least one line
    /// ("No alerts"), and grows back as alerts come.
    private static func spare(alertsHeight: Int, alerts: Int?) -> Int {
        guard let alerts else { return 0 }
        return max(0, alertsHeight - (2 + max(1, alerts)))
    }

    /// The panes Tab visits: the account bar and the lists on screen.
    public var focusable: [PaneID] {
        PaneID.focusOrder.filter { $0 == .accounts || panes[$0] != nil }
    }

    /// Rows of data a list pane shows: its box less the borders and the column headings.
    public func listRows(_ pane: PaneID) -> Int {
        guard let rect = panes[pane] else { return 0 }
        return max(1, rect.height - (pane == .alerts ? 2 : 3))
    }

    /// Lines a detail screen shows: the body less its box.
    public var detailRows: Int { max(1, body.height - 2) }
}
