/// Where the selection of one list is: by the row's key, so that it stays on the same position when the list
/// re-sorts as prices move, and by index for when that row is gone.
public struct ListCursor: Hashable, Sendable {
    public var index: Int
    public var key: String?
    /// The first row shown; kept between frames so the list does not jump while the selection moves.
    public var top: Int

    public init(index: Int = 0, key: String? = nil, top: Int = 0) {
        self.index = index
        self.key = key
        self.top = top
    }

    /// The selected row among `keys`: the row with the key if it is still there, else the nearest index.
    public func resolvedIndex<Keys: RandomAccessCollection<String>>(in keys: Keys) -> Int where Keys.Index == Int {
        guard !keys.isEmpty else { return 0 }
        if let key, let found = keys.firstIndex(of: key) { return found }
        return min(max(0, index), keys.count - 1)
    }

    /// The first row to show in `height` rows so that `selected` is on screen, moving as little as possible.
    public func visibleTop(selected: Int, count: Int, height: Int) -> Int {
        guard height > 0, count > height else { return 0 }
        var first = min(max(0, top), count - height)
        if selected < first { first = selected }
        if selected >= first + height { first = selected - height + 1 }
        return first
    }
}
