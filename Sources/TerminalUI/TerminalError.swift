import Portfolio

/// Why the terminal could not be taken over; each message says what to do about it.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    case notATerminal
    case noTerminalType
    case unknownTerminal(String)
    case cannotAddressCursor(String)
    case cannotOpen(String)

    public var description: String {
        switch self {
        case .notATerminal:
            "ibdash needs an interactive terminal: standard input and output must both be a TTY"
        case .noTerminalType:
            "TERM is not set; set it to your terminal's type, for example TERM=xterm-256color"
        case .unknownTerminal(let name):
            "no terminfo entry for TERM=\(TextSanitizer.clean(name)); try TERM=xterm-256color, "
                + "or install the entry (on Debian, many are in the ncurses-term package)"
        case .cannotAddressCursor(let name):
            "TERM=\(TextSanitizer.clean(name)) cannot move the cursor, which a full-screen dashboard needs; "
                + "run ibdash in a terminal such as xterm-256color or tmux-256color"
        case .cannotOpen(let what):
            "cannot open \(what)"
        }
    }
}
