import Foundation

/// The screen as a value: `cols × rows` cells that panes draw into and the terminal backend copies out.
/// Widths are display columns as ncurses counts them: a wide character takes its cell and a continuation
/// cell to its right, and overwriting either half blanks the other, so the grid always matches the screen.
///
/// Each row keeps its own cells, shared between copies until one of them changes it, and a write of what is
/// already there changes nothing: a frame drawn over the last one shares every row it did not change, and
/// comparing it with the last one costs a pointer per unchanged row.
public struct Grid: Hashable, Sendable {
    public let cols: Int
    public let rows: Int
    private var cells: [[Cell]]

    public init(cols: Int, rows: Int, style: Style = .plain) {
        self.cols = max(0, cols)
        self.rows = max(0, rows)
        cells = Array(repeating: Array(repeating: .blank(style), count: self.cols), count: self.rows)
    }

    /// A blank cell for anything outside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        contains(x: x, y: y) ? cells[y][x] : .blank(.plain)
    }

    public func contains(x: Int, y: Int) -> Bool { x >= 0 && x < cols && y >= 0 && y < rows }

    public var bounds: Rect { Rect(x: 0, y: 0, width: cols, height: rows) }

    // MARK: Text

    /// Writes `text` from column `x` of row `y`, clipped to the grid and to `limit` columns if given, and
    /// returns the column after it (as if nothing were clipped), so that writes can be chained.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, limit: Int? = nil) -> Int {
        let right = min(cols, limit.map { x + max(0, $0) } ?? cols)
        let visible = y >= 0 && y < rows
        var column = x
        // The column the last character of this text went to: combining marks join it there.
        var lastCell: Int?
        for scalar in text.unicodeScalars {
            guard let (glyph, width) = TextWidth.glyph(for: scalar) else { continue }
            if width == 0 {
                if let index = lastCell {
                    var cell = cells[y][index]
                    if cell.appendMark(glyph) { set(cell, x: index, y: y) }
                }
                continue
            }
            defer { column += width }
            lastCell = nil
            guard visible, column < right, column + width > 0 else { continue }
            if column < 0 || column + width > right {
                // A wide character cut by the left or right edge: only a space of it shows.
                place(" ", width: 1, at: max(column, 0), y: y, style: style)
            } else {
                place(glyph, width: width, at: column, y: y, style: style)
                lastCell = column
            }
        }
        return column
    }

    /// Fills `width` columns exactly: `text` aligned in them, cut with `…` if too long, padded with blanks.
    public mutating func put(
        _ text: String, x: Int, y: Int, width: Int, style: Style, alignment: Alignment = .left
    ) {
        guard width > 0 else { return }
        let shown = TextWidth.truncate(text, to: width)
        let spare = width - TextWidth.of(shown)
        fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        let offset = switch alignment {
        case .left: 0
        case .center: spare / 2
        case .right: spare
        }
        put(shown, x: x + offset, y: y, style: style, limit: width - offset)
    }

    /// Blanks every cell of `rect` (clipped to the grid) in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let blank = Cell.blank(style)
        for y in area.y..<area.maxY {
            let blanked = cells[y].withUnsafeBufferPointer { row in !row[area.x..<area.maxX].contains { $0 != blank } }
            if blanked { continue }
            // Only the edges can cut a wide character in two; the cells between are simply replaced.
            release(x: area.x, y: y)
            release(x: area.maxX - 1, y: y)
            cells[y].withUnsafeMutableBufferPointer { row in
                UnsafeMutableBufferPointer(rebasing: row[area.x..<area.maxX]).update(repeating: blank)
            }
        }
    }

    /// Calls `body` with the cells of row `y` (which must be in the grid) in place.
    func withRow<Result>(_ y: Int, _ body: (UnsafeBufferPointer<Cell>) -> Result) -> Result {
        cells[y].withUnsafeBufferPointer(body)
    }

    /// The cells of row `y` from column `x`, `width` of them (fewer where the grid ends): a strip to `paste` later.
    public func strip(x: Int, y: Int, width: Int) -> [Cell] {
        let area = Rect(x: x, y: y, width: width, height: 1).intersection(bounds)
        guard !area.isEmpty else { return [] }
        return Array(cells[y][area.x..<area.maxX])
    }

    /// Puts back a strip taken by `strip` at column `x` of row `y`, clipped to the grid. A wide character cut by
    /// the strip's ends is blanked, on either side.
    public mutating func paste(_ strip: [Cell], x: Int, y: Int) {
        let area = Rect(x: x, y: y, width: strip.count, height: 1).intersection(bounds)
        guard !area.isEmpty else { return }
        strip.withUnsafeBufferPointer { source in
            replace(x: area.x, y: y, with: UnsafeBufferPointer(rebasing: source[(area.x - x)..<(area.maxX - x)]))
        }
    }

    /// Overwrites cells from `start` along row `y` with `source`, releasing the wide characters cut at both ends.
    private mutating func replace(x start: Int, y: Int, with source: UnsafeBufferPointer<Cell>) {
        guard let first = source.first, let last = source.last else { return }
        let end = start + source.count - 1
        // The same cells already there, whole characters at both ends: nothing would change.
        if !first.isContinuation && !last.isWide
            && cells[y].withUnsafeBufferPointer({ Self.equal(UnsafeBufferPointer(rebasing: $0[start...end]), source) })
        {
            return
        }
        release(x: start, y: y)
        release(x: end, y: y)
        cells[y].withUnsafeMutableBufferPointer { target in
            _ = UnsafeMutableBufferPointer(rebasing: target[start...end]).update(fromContentsOf: source)
        }
        if cells[y][start].isContinuation { cells[y][start] = .blank(cells[y][start].style) }
        if cells[y][end].isWide { cells[y][end] = .blank(cells[y][end].style) }
    }

    /// Gives every cell of `rect` a new style and keeps its text: a selection bar, a flash.
    public mutating func restyle(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                var cell = cells[y][x]
                cell.style = style
                set(cell, x: x, y: y)
            }
        }
    }

    // MARK: Lines and boxes

    public mutating func drawBox(_ rect: Rect, style: Style, box: BoxStyle = .square) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        drawHorizontalLine(x: rect.x, y: rect.y, length: rect.width, style: style, box: box)
        drawHorizontalLine(x: rect.x, y: rect.maxY - 1, length: rect.width, style: style, box: box)
        drawVerticalLine(x: rect.x, y: rect.y, length: rect.height, style: style, box: box)
        drawVerticalLine(x: rect.maxX - 1, y: rect.y, length: rect.height, style: style, box: box)
    }

    /// A line from (x, y) to the right; where it meets lines already drawn, they join (`┬`, `┼`, `┤`).
    public mutating func drawHorizontalLine(x: Int, y: Int, length: Int, style: Style, box: BoxStyle = .square) {
        drawLine(x: x, y: y, length: length, vertical: false, style: style, box: box)
    }

    /// A line from (x, y) downwards, joining the lines it meets.
    public mutating func drawVerticalLine(x: Int, y: Int, length: Int, style: Style, box: BoxStyle = .square) {
        drawLine(x: x, y: y, length: length, vertical: true, style: style, box: box)
    }

    private mutating func drawLine(x: Int, y: Int, length: Int, vertical: Bool, style: Style, box: BoxStyle) {
        let (backward, forward): (BoxStyle.Directions, BoxStyle.Directions) = vertical ? (.up, .down) : (.left, .right)
        for step in 0..<max(0, length) {
            var directions: BoxStyle.Directions = []
            if step > 0 { directions.insert(backward) }
            if step < length - 1 { directions.insert(forward) }
            if directions.isEmpty { directions = [backward, forward] }
            addLine(directions, x: vertical ? x : x + step, y: vertical ? y + step : y, style: style, box: box)
        }
    }

    private mutating func addLine(_ directions: BoxStyle.Directions, x: Int, y: Int, style: Style, box: BoxStyle) {
        guard contains(x: x, y: y) else { return }
        let joined = directions.union(self[x, y].lines)
        place(box.glyph(joined), width: 1, at: x, y: y, style: style, lines: joined)
    }

    // MARK: Reading back

    /// True when row `y` is the same in both grids, cell for cell: the backend skips rows that did not change.
    public func rowEquals(_ other: Grid, row y: Int) -> Bool {
        guard cols == other.cols, y >= 0, y < rows, y < other.rows else { return false }
        return cells[y].withUnsafeBufferPointer { left in
            other.cells[y].withUnsafeBufferPointer { right in Self.equal(left, right) }
        }
    }

    public static func == (lhs: Grid, rhs: Grid) -> Bool {
        lhs.cols == rhs.cols && lhs.rows == rhs.rows && (0..<lhs.rows).allSatisfy { lhs.rowEquals(rhs, row: $0) }
    }

    /// A cell is plain integers without padding (`Cell`), so the same bytes are the same cells and one `memcmp`
    /// decides; a row shared by two grids is the same memory, and is not read at all.
    private static func equal(_ lhs: UnsafeBufferPointer<Cell>, _ rhs: UnsafeBufferPointer<Cell>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard let left = lhs.baseAddress, let right = rhs.baseAddress, left != right else { return true }
        return memcmp(left, right, lhs.count * MemoryLayout<Cell>.stride) == 0
    }

    /// The characters of row `y`, continuation cells left out: exactly `cols` display columns.
    public func text(ofRow y: Int) -> String {
        guard y >= 0 && y < rows else { return "" }
        return cells[y].map(\.text).joined()
    }

    public var lines: [String] { (0..<rows).map(text(ofRow:)) }

    // MARK: The one place cells change

    /// Writes one character, blanking the other half of any wide character it overwrites.
    private mutating func place(
        _ scalar: Unicode.Scalar, width: Int, at x: Int, y: Int, style: Style, lines: BoxStyle.Directions = []
    ) {
        let cell = Cell(scalar: scalar, style: style, isWide: width == 2, lines: lines)
        if width == 2 {
            if cells[y][x] == cell && cells[y][x + 1] == .continuation(style) { return }
            release(x: x, y: y)
            release(x: x + 1, y: y)
            set(.continuation(style), x: x + 1, y: y)
        } else {
            release(x: x, y: y)
        }
        set(cell, x: x, y: y)
    }

    /// Before a cell is overwritten: the half of a wide character that stays behind becomes a blank.
    private mutating func release(x: Int, y: Int) {
        if cells[y][x].isContinuation, x > 0 {
            set(.blank(cells[y][x - 1].style), x: x - 1, y: y)
        } else if cells[y][x].isWide, x + 1 < cols {
            set(.blank(cells[y][x + 1].style), x: x + 1, y: y)
        }
    }

    /// Every single cell is written here: a cell that is already so is left alone, and its row stays shared.
    private mutating func set(_ cell: Cell, x: Int, y: Int) {
        if cells[y][x] != cell { cells[y][x] = cell }
    }
}
