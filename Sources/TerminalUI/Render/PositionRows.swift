import Portfolio

/// The formatted cells of each position row, kept while the row's values and look stay the same: a frame where
/// one price moved formats one row, and a clock tick formats none.
public final class PositionRows {
    struct Inputs: Hashable {
        var line: PositionLine
        /// How the account column names the account, in the all-accounts view.
        var account: String?
        var quotesStale: Bool
        var privacy: Bool
        var glyphs: ThemeGlyphs
        var columns: [Column]
    }

    private var rows: [String: (inputs: Inputs, cells: [Span])] = [:]

    public init() {}

    /// The row's cells in `inputs.columns` order, formatted by `format` only when something changed.
    func cells(_ inputs: Inputs, format: () -> [Span]) -> [Span] {
        if let row = rows[inputs.line.key], row.inputs == inputs { return row.cells }
        if rows.count > 4096 { rows.removeAll(keepingCapacity: true) }
        let cells = format()
        rows[inputs.line.key] = (inputs, cells)
        return cells
    }
}
