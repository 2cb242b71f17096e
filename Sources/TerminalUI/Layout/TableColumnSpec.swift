/// A column as a table asks for it: its width, how much it matters when space runs out (1 matters most), and
/// whether it takes the width left over.
public struct TableColumnSpec: Hashable, Sendable {
    public var column: Column
    public var width: Int
    public var priority: Int
    public var alignment: Alignment
    public var flexible: Bool

    public init(_ column: Column, width: Int, priority: Int, alignment: Alignment = .right, flexible: Bool = false) {
        self.column = column
        self.width = width
        self.priority = priority
        self.alignment = alignment
        self.flexible = flexible
    }
}
