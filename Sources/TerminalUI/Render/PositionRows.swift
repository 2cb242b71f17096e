import Portfolio

/// The position rows of earlier frames: each row's formatted cells, kept while its values and look stay the
/// same, and the row as drawn, pasted back while it would be drawn the same. A frame where one price moved draws
/// one row, and a clock tick draws none.
public final class PositionRows {
    struct Inputs: Equatable {
        /// The row's position, quote and valuation context: the same entry means the same values, and comparing
        /// it is one pointer.
        var entry: PositionMemo.Entry
        /// How the account column names the account, in the all-accounts view.
        var account: String?
        var quotesStale: Bool
        var privacy: Bool
        var glyphs: ThemeGlyphs
        var columns: [Column]

        static func == (lhs: Inputs, rhs: Inputs) -> Bool {
            lhs.entry === rhs.entry && lhs.account == rhs.account && lhs.quotesStale == rhs.quotesStale
                && lhs.privacy == rhs.privacy && lhs.glyphs == rhs.glyphs && lhs.columns == rhs.columns
        }
    }

    /// Where and how a row was drawn, and what its flashing values were: it can be pasted back while these are
    /// the same and none of those values flashes.
    private struct Drawn {
        var layout: TableLayout
        var selected: Bool
        var strip: [Cell]
        var flashKeys: [String]
    }

    private var rows: [String: (inputs: Inputs, cells: [Span], drawn: Drawn?)] = [:]

    public init() {}

    /// Forgets every row: the theme changed, and with it every style drawn.
    func removeAll() { rows.removeAll() }

    /// Draws the row of `inputs`, `width` columns from (`x`, `y`): pasted as drawn before when it can be, else by
    /// `draw` from its cells, formatted by `format` only when its values changed.
    func draw(
        _ inputs: Inputs, layout: TableLayout, selected: Bool, x: Int, y: Int, width: Int, painter: Painter,
        grid: inout Grid, format: () -> [Span], draw: ([Span], inout Grid) -> Void
    ) {
        let key = inputs.entry.key
        let kept = rows[key].flatMap { $0.inputs == inputs ? $0 : nil }
        if let drawn = kept?.drawn, drawn.selected == selected, drawn.strip.count == width, drawn.layout == layout,
            painter.flashes?.carryOver(drawn.flashKeys) ?? true
        {
            grid.paste(drawn.strip, x: x, y: y)
            return
        }
        let cells = kept?.cells ?? format()
        var drawn: Drawn?
        if let flashes = painter.flashes {
            let recorded = flashes.recording { draw(cells, &grid) }
            // A row drawn while a value flashes must be drawn again when the flash ends.
            if !recorded.flashed { drawn = Drawn(layout: layout, selected: selected, strip: [], flashKeys: recorded.keys) }
        } else {
            draw(cells, &grid)
            drawn = Drawn(layout: layout, selected: selected, strip: [], flashKeys: [])
        }
        drawn?.strip = grid.strip(x: x, y: y, width: width)
        if rows.count > 4096 { rows.removeAll(keepingCapacity: true) }
        rows[key] = (inputs, cells, drawn)
    }
}
