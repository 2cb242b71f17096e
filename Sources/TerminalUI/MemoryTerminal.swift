/// A terminal in memory for tests: it keeps what was presented, hands out keys a test typed, and resizes
/// when told to, queueing a `.resize` key as ncurses does.
@MainActor
public final class MemoryTerminal: Terminal {
    public private(set) var size: TerminalSize
    public let colorCount: Int
    /// The last grid presented; nil before the first frame.
    public private(set) var screen: Grid?
    public private(set) var presentCount = 0
    public private(set) var fullRepaintRequested = false
    public private(set) var isShutDown = false
    private var pendingKeys: [Key] = []
    private var pendingSize: TerminalSize?

    public init(size: TerminalSize, colorCount: Int = 256) {
        self.size = size
        self.colorCount = colorCount
    }

    public func type(_ keys: Key...) { pendingKeys += keys }

    /// Types each character of `text`.
    public func type(_ text: String) { pendingKeys += text.map(Key.character) }

    /// The window changed: the next `refreshSize` sees it, and a `.resize` key is waiting.
    public func resize(to newSize: TerminalSize) {
        pendingSize = newSize
        pendingKeys.append(.resize)
    }

    public func present(_ grid: Grid) {
        screen = grid
        presentCount += 1
        fullRepaintRequested = false
    }

    public func readKeys() -> [Key] {
        defer { pendingKeys.removeAll() }
        return pendingKeys
    }

    public func refreshSize() -> TerminalSize {
        if let pendingSize { size = pendingSize }
        pendingSize = nil
        return size
    }

    public func invalidate() { fullRepaintRequested = true }

    public func shutdown() { isShutDown = true }
}
