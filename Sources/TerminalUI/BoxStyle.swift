/// The line set boxes are drawn with. Lines that meet are joined (`├`, `┬`, `┼`) whatever the style.
public enum BoxStyle: String, Hashable, Sendable, CaseIterable {
    case square
    case rounded
    /// `+`, `-`, `|`, for a terminal whose locale is not UTF-8.
    case ascii

    struct Directions: OptionSet, Hashable {
        let rawValue: UInt8
        static let up = Directions(rawValue: 1)
        static let down = Directions(rawValue: 2)
        static let left = Directions(rawValue: 4)
        static let right = Directions(rawValue: 8)
        static let horizontal: Directions = [.left, .right]
        static let vertical: Directions = [.up, .down]
    }

    private static let lines: [Directions: Unicode.Scalar] = [
        .horizontal: "─", .vertical: "│", .left: "─", .right: "─", .up: "│", .down: "│",
        [.down, .right]: "┌", [.down, .left]: "┐", [.up, .right]: "└", [.up, .left]: "┘",
        [.vertical, .right]: "├", [.vertical, .left]: "┤", [.horizontal, .down]: "┬", [.horizontal, .up]: "┴",
        [.vertical, .horizontal]: "┼",
    ]

    private static let roundedCorners: [Directions: Unicode.Scalar] = [
        [.down, .right]: "╭", [.down, .left]: "╮", [.up, .right]: "╰", [.up, .left]: "╯",
    ]

    /// The glyph for lines leaving a cell in `directions`.
    func glyph(_ directions: Directions) -> Unicode.Scalar {
        let index = Int(directions.rawValue & 15)
        return switch self {
        case .square: Self.squareGlyphs[index]
        case .rounded: Self.roundedGlyphs[index]
        case .ascii: Self.asciiGlyphs[index]
        }
    }

    /// Every glyph of each style by `Directions.rawValue` (0–15): a box is hundreds of cells a frame, and an array
    /// read is what each of them can afford.
    private static let squareGlyphs = BoxStyle.square.glyphTable
    private static let roundedGlyphs = BoxStyle.rounded.glyphTable
    private static let asciiGlyphs = BoxStyle.ascii.glyphTable

    private var glyphTable: [Unicode.Scalar] { (0..<16).map { lookUp(Directions(rawValue: UInt8($0))) } }

    private func lookUp(_ directions: Directions) -> Unicode.Scalar {
        switch self {
        case .ascii:
            if directions.isSubset(of: .horizontal) { return "-" }
            return directions.isSubset(of: .vertical) ? "|" : "+"
        case .rounded:
            return Self.roundedCorners[directions] ?? Self.lines[directions] ?? " "
        case .square:
            return Self.lines[directions] ?? " "
        }
    }
}
