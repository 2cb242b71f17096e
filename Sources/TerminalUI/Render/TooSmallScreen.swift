/// What shows below the smallest usable size: a message, never a crash or a broken layout.
enum TooSmallScreen {
    static func draw(size: TerminalSize, painter: Painter, grid: inout Grid) {
        let need = ScreenLayout.minimum
        let message = "terminal too small — need \(need.cols)×\(need.rows)"
        let now = "now \(size.cols)×\(size.rows)"
        let lines =
            TextWidth.of(message) <= size.cols
            ? [message, now] : ["terminal too small", "need \(need.cols)×\(need.rows)", now]
        let top = max(0, (size.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < size.rows {
            painter.put(
                Span(line, offset == 0 ? .warning : .muted), in: &grid, x: 0, y: top + offset, width: size.cols,
                alignment: .center)
        }
    }
}
