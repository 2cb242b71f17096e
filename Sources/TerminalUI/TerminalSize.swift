/// The screen in character cells.
public struct TerminalSize: Hashable, Sendable, CustomStringConvertible {
    public var cols: Int
    public var rows: Int

    public init(cols: Int, rows: Int) {
        self.cols = cols
        self.rows = rows
    }

    public var description: String { "\(cols)×\(rows)" }
}
