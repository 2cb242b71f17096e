/// Draws a table into a pane's inside: column headings, then only the rows on screen, the selected one
/// highlighted when the pane has the keyboard. Rows are formatted only when shown.
public struct TableRenderer {
    public var layout: TableLayout
    public var sort: SortOrder

    public init(layout: TableLayout, sort: SortOrder) {
        self.layout = layout
        self.sort = sort
    }

    public func drawHeadings(painter: Painter, in grid: inout Grid, at origin: (x: Int, y: Int)) {
        for placed in layout.columns {
            var heading = placed.spec.column.heading
            if sort.column == placed.spec.column { heading += sort.descending ? "↓" : "↑" }
            painter.put(
                Span(heading, .header), in: &grid, x: origin.x + placed.x, y: origin.y, width: placed.width,
                alignment: placed.spec.alignment)
        }
    }

    /// One row: `cell` gives the span of each column shown.
    public func drawRow(
        painter: Painter, in grid: inout Grid, at origin: (x: Int, y: Int), width: Int, selected: Bool,
        cell: (Column) -> Span
    ) {
        for placed in layout.columns {
            painter.put(
                cell(placed.spec.column), in: &grid, x: origin.x + placed.x, y: origin.y, width: placed.width,
                alignment: placed.spec.alignment)
        }
        if selected {
            grid.restyle(Rect(x: origin.x, y: origin.y, width: width, height: 1), style: painter.style(.selection))
        }
    }

    /// Headings, then the rows on screen around the selection (`cell` gets the row's index), or `empty` when there
    /// are no rows.
    public func drawList(
        in inside: Rect, keys: [String], cursor: ListCursor, focused: Bool, empty: String, painter: Painter,
        grid: inout Grid, cell: (Int, Column) -> Span
    ) {
        drawRows(in: inside, keys: keys, cursor: cursor, focused: focused, empty: empty, painter: painter, grid: &grid) {
            index, y, selected, grid in
            drawRow(painter: painter, in: &grid, at: (inside.x, y), width: inside.width, selected: selected) { column in
                cell(index, column)
            }
        }
    }

    /// As `drawList`, with `row` drawing each row on screen whole: its index, its line and whether it is selected.
    func drawRows<Keys: RandomAccessCollection<String>>(
        in inside: Rect, keys: Keys, cursor: ListCursor, focused: Bool, empty: String, painter: Painter,
        grid: inout Grid, row: (Int, Int, Bool, inout Grid) -> Void
    ) where Keys.Index == Int {
        guard inside.height > 0, inside.width > 0 else { return }
        // Every line of the inside is written, so the table can be drawn over the last frame's (the positions
        // pane is): the headings and the lines below the rows are blanked first, and `row` fills its line.
        let background = painter.style(.background)
        grid.fill(Rect(x: inside.x, y: inside.y, width: inside.width, height: 1), style: background)
        drawHeadings(painter: painter, in: &grid, at: (inside.x, inside.y))
        let rows = inside.height - 1
        guard rows > 0 else { return }
        guard !keys.isEmpty else {
            painter.put(Span(empty, .muted), in: &grid, x: inside.x, y: inside.y + 1, width: inside.width)
            grid.fill(Rect(x: inside.x, y: inside.y + 2, width: inside.width, height: rows - 1), style: background)
            return
        }
        let selected = cursor.resolvedIndex(in: keys)
        let top = cursor.visibleTop(selected: selected, count: keys.count, height: rows)
        let shown = top..<min(keys.count, top + rows)
        for (offset, index) in shown.enumerated() {
            row(index, inside.y + 1 + offset, focused && index == selected, &grid)
        }
        grid.fill(
            Rect(x: inside.x, y: inside.y + 1 + shown.count, width: inside.width, height: rows - shown.count),
            style: background)
    }
}
