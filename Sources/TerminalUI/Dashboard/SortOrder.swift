/// How a list is sorted: by one of its columns, or as the data came (newest alert first, IBKR's order).
public struct SortOrder: Hashable, Sendable {
    public var column: Column?
    public var descending: Bool

    public init(column: Column? = nil, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    public static let natural = SortOrder()
}
