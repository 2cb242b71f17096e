import Portfolio

/// What fills the space between the summary strip and the status line; the view state keeps a stack of them,
/// and the breadcrumb names each.
public enum Screen: Hashable, Sendable {
    /// Positions, P&L, orders and alerts.
    case main
    /// Every metric, the ledger by currency, margin and look-ahead of one account.
    case account(AccountID)
    /// Contract, lots, trades and dividends of one position.
    case position(PositionID)
    /// NAV chart, trades and cash transactions from the Flex statement.
    case history
}
