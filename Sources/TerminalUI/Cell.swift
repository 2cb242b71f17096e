/// One column of one row of the screen.
public struct Cell: Hashable, Sendable {
    /// One character and up to four combining marks after it (what an ncurses cell holds);
    /// empty for the right half of a wide character.
    public internal(set) var text: String
    public internal(set) var style: Style
    /// True for a character two columns wide; the cell to its right is its continuation.
    public internal(set) var isWide: Bool
    /// For a box-drawing cell, where its lines leave it, so that a line drawn over it joins it exactly.
    var lines: BoxStyle.Directions

    init(text: String, style: Style, isWide: Bool = false, lines: BoxStyle.Directions = []) {
        self.text = text
        self.style = style
        self.isWide = isWide
        self.lines = lines
    }

    public static func blank(_ style: Style) -> Cell { Cell(text: " ", style: style) }

    static func continuation(_ style: Style) -> Cell { Cell(text: "", style: style) }

    public var isContinuation: Bool { text.isEmpty }

    /// ncurses keeps at most CCHARW_MAX (5) code points in a cell.
    static let maxScalars = 5
}
