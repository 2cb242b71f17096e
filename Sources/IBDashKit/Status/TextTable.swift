import TerminalUI

/// Rows of text in aligned columns, two spaces apart, measured in terminal columns so that wide characters
/// (CJK names) keep the columns straight.
struct TextTable {
    enum Alignment {
        case left, right
    }

    var columns: [(title: String, alignment: Alignment)]
    var rows: [[String]] = []

    init(_ columns: [(title: String, alignment: Alignment)]) {
        self.columns = columns
    }

    /// The title line and the rows, each after `indent`, without trailing blanks.
    func lines(indent: String) -> [String] {
        let all = [columns.map(\.title)] + rows
        let widths = columns.indices.map { column in all.map { TextWidth.of($0[column]) }.max() ?? 0 }
        return all.map { cells in
            let padded = columns.indices.map { column in
                let cell = cells[column]
                let padding = String(repeating: " ", count: widths[column] - TextWidth.of(cell))
                return columns[column].alignment == .left ? cell + padding : padding + cell
            }
            var line = indent + padded.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
