/// What the UI needs of a terminal. Everything else draws into a `Grid` and never talks to curses:
/// the ncurses backend is one implementation, `MemoryTerminal` the one tests drive.
@MainActor
public protocol Terminal: AnyObject {
    var size: TerminalSize { get }
    /// Colours the terminal can show: 0 (monochrome), 8, 256; what theme selection goes by.
    var colorCount: Int { get }
    /// Shows `grid`; only what changed since the last frame reaches the terminal.
    func present(_ grid: Grid)
    /// Every key waiting, oldest first, without blocking.
    func readKeys() -> [Key]
    /// After SIGWINCH or a `.resize` key: reads the size again and returns it.
    func refreshSize() -> TerminalSize
    /// The next `present` repaints everything, for Ctrl-L after something else wrote to the screen.
    func invalidate()
    /// Gives the terminal back as it was. Safe to call more than once.
    func shutdown()
}
