import Portfolio

/// The formatted cells of each position row, kept while the row's values and look stay the same: a frame where
/// one price moved formats one row, and a clock tick formats none.
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

    private var rows: [String: (inputs: Inputs, cells: [Span])] = [:]

    public init() {}

    /// The row's cells in `inputs.columns` order, formatted by `format` only when something changed.
    func cells(_ inputs: Inputs, format: () -> [Span]) -> [Span] {
        if let row = rows[inputs.entry.key], row.inputs == inputs { return row.cells }
        if rows.count > 4096 { rows.removeAll(keepingCapacity: true) }
        let cells = format()
        rows[inputs.entry.key] = (inputs, cells)
        return cells
    }
}
