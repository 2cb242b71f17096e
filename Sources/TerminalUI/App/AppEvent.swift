import Portfolio

/// Everything the app loop wakes up for, in one stream.
public enum AppEvent: Sendable {
    /// Keys are waiting: read them all, then re-arm the input watcher.
    case keysReady
    /// The terminal's input hung up.
    case inputClosed
    case signal(TerminalSignal)
    case state(DashboardState)
    /// A flash ended: draw again.
    case flashEnded
}
