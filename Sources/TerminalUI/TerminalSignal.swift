import Glibc

/// The signals the UI handles itself, rather than let them kill it with the terminal left in curses mode.
public enum TerminalSignal: Hashable, Sendable, CaseIterable {
    /// Ctrl-C.
    case interrupt
    case terminate
    /// The pane or window closed; ncurses leaves this one at its default, which kills without `endwin`.
    case hangUp
    case windowChanged

    public var number: Int32 {
        switch self {
        case .interrupt: SIGINT
        case .terminate: SIGTERM
        case .hangUp: SIGHUP
        case .windowChanged: SIGWINCH
        }
    }

    /// What a shell expects from a process that ended on this signal: 130 after Ctrl-C.
    public var exitStatus: Int32 { 128 + number }
}
