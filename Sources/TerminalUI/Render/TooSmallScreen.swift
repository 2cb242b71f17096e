/// What shows below the smallest usable size: a message, never a crash or a broken layout.
enum TooSmallScreen {
    static func draw(size: TerminalSize, painter: Painter, grid: inout Grid) {
        grid.fill(grid.bounds, style: painter.style(.background))
        let need = ScreenLayout.minimum
        let lines = ["terminal too small — need \(need.cols)×\(need.rows)", "now \(size.cols)×\(size.rows)"]
        let top = max(0, (size.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < size.rows {
            painter.put(
                Span(line, offset == 0 ? .warning : .muted), in: &grid, x: 0, y: top + offset, width: size.cols,
                alignment: .center)
        }
    }
}
