import Portfolio

/// The positions a frame lists, in screen order. Each line is valued when first read and kept by the memo, so a
/// frame values only the rows it shows (and the sort the keys it needs).
public struct PositionList: RandomAccessCollection, Sendable {
    let entries: [PositionMemo.Entry]
    /// The currencies the listed positions are in.
    public let currencies: Set<Currency>

    init(_ entries: [PositionMemo.Entry], currencies: Set<Currency>) {
        self.entries = entries
        self.currencies = currencies
    }

    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }
    public subscript(index: Int) -> PositionLine { entries[index].line }

    /// Each row's key (`PositionLine.key`), without valuing anything.
    public var keys: [String] { entries.map(\.key) }

    /// The keys read where they are, for a frame that looks up one of them.
    var lazyKeys: LazyMapCollection<[PositionMemo.Entry], String> { entries.lazy.map(\.key) }

    /// The position of each row, without valuing anything.
    public func position(at index: Int) -> Position { entries[index].position }

    /// The line of one position, the only one valued.
    public func line(of id: PositionID) -> PositionLine? { entries.first { $0.conid == id.conid && $0.account == id.account }?.line }
}
