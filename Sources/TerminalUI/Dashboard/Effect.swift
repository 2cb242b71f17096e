import Portfolio

/// What a key asks of the world outside the view state; the app loop carries it out.
public enum Effect: Hashable, Sendable {
    case quit
    /// Fetch this account's data now, or every account's.
    case refresh(AccountID?)
    /// Fetch the Flex statement now.
    case refreshHistory
    case useTheme(String)
    /// Repaint the whole terminal (something else wrote on it).
    case repaint
}
