import Portfolio

/// The position rows of earlier frames: each row's formatted cells, kept while its values and look stay the
/// same, and the row as drawn, pasted back while it would be drawn the same. A frame where one price moved draws
/// one row, and a clock tick draws none.
///
/// The rows flash their own changed values: a row knows its values changed when its position entry is a new one,
/// and which cells changed by comparing their text, so an unchanged row costs one lookup, not one per value (a
/// thousand-position table would otherwise ask the frame-wide `FlashTracker` about every cell of every frame).
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
            lhs.entry === rhs.entry && lhs.hasSameLook(as: rhs)
        }

        /// Everything but the values: a change here redraws the row without flashing it.
        func hasSameLook(as other: Inputs) -> Bool {
            account == other.account && quotesStale == other.quotesStale && privacy == other.privacy
                && glyphs == other.glyphs && columns == other.columns
        }
    }

    private struct Row {
        var inputs: Inputs
        /// In `inputs.columns` order.
        var cells: [Span]
        /// The cells whose value changed while on screen, by index, and when each stops flashing.
        var flashes: [Int: ContinuousClock.Instant]
        /// The frame the row was last drawn in.
        var frame: Int
        var drawn: Drawn?
    }

    /// Where and how a row was drawn: it can be pasted back while all of these are the same.
    private struct Drawn {
        var layout: TableLayout
        var selected: Bool
        var flashing: Set<Int>
        var strip: [Cell]
    }

    /// How long a changed value flashes; nil when nothing flashes (NO_COLOR, mono).
    let flashDuration: Duration?
    private var rows: [String: Row] = [:]
    private var frame = 0
    /// Rows with a flash still to end, and when their last flash ends.
    private var flashing: [String: ContinuousClock.Instant] = [:]

    public init(flashDuration: Duration? = nil) {
        self.flashDuration = flashDuration
    }

    /// Starts a frame: rows not drawn in it or the one before no longer flash when they come back changed.
    func beginFrame() { frame += 1 }

    /// Forgets every row: the theme changed, and with it every style drawn.
    func removeAll() {
        rows.removeAll()
        flashing.removeAll()
    }

    /// When the next row flash ends, after `now`; nil when none is under way.
    func nextDeadline(after now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        flashing = flashing.filter { $0.value > now }
        return flashing.values.min()
    }

    /// Draws the row of `inputs`, `width` columns from (`x`, `y`) at `now`: pasted as drawn before when it can be,
    /// else by `draw` from its cells (changed values in the flash role), formatted by `format` only when its
    /// values changed.
    func draw(
        _ inputs: Inputs, layout: TableLayout, selected: Bool, x: Int, y: Int, width: Int,
        now: ContinuousClock.Instant, grid: inout Grid, format: () -> [Span], draw: ([Span], inout Grid) -> Void
    ) {
        let key = inputs.entry.key
        let last = rows[key]
        var row = last.flatMap { $0.inputs == inputs ? $0 : nil } ?? changed(from: last, to: inputs, now: now, format: format)
        row.frame = frame
        let flashing = Set(row.flashes.compactMap { $0.value > now ? $0.key : nil })
        if let drawn = row.drawn, drawn.selected == selected, drawn.flashing == flashing, drawn.strip.count == width,
            drawn.layout == layout
        {
            grid.paste(drawn.strip, x: x, y: y)
        } else {
            draw(row.cells.enumerated().map { flashing.contains($0.offset) ? Span($0.element.text, .flash) : $0.element }, &grid)
            row.drawn = Drawn(layout: layout, selected: selected, flashing: flashing, strip: grid.strip(x: x, y: y, width: width))
        }
        if let end = row.flashes.values.max(), end > now { self.flashing[key] = end }
        if rows.count > 4096 { rows.removeAll(keepingCapacity: true) }
        rows[key] = row
    }

    /// The row for new inputs: its cells formatted, and those that can flash (`Span.flashKey`) flashing where
    /// their text changed since the last frame (flashes under way go on).
    private func changed(
        from last: Row?, to inputs: Inputs, now: ContinuousClock.Instant, format: () -> [Span]
    ) -> Row {
        let cells = format()
        var flashes: [Int: ContinuousClock.Instant] = [:]
        if let flashDuration, let last, last.frame >= frame - 1, last.inputs.hasSameLook(as: inputs),
            last.cells.count == cells.count
        {
            flashes = last.flashes.filter { $0.value > now }
            for index in cells.indices where cells[index].flashKey != nil && cells[index].text != last.cells[index].text {
                flashes[index] = now + flashDuration
            }
        }
        return Row(inputs: inputs, cells: cells, flashes: flashes, frame: frame, drawn: nil)
    }
}
