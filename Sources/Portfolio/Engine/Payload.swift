/// What one run of a job brought back, before it goes into the cache.
enum Payload: Sendable {
    case session(SessionStatus)
    case accounts([Account])
    case summary(AccountSummary)
    case ledger(Ledger)
    case positions([Position])
    case pnl(AccountPnL)
    case orders([Order])
    case executions([Execution])
    case quotes([Int: MarketQuote])
    case history(HistorySnapshot)

    /// The account dataset this is a value of; `nil` for what is not one account's.
    var dataset: Dataset? {
        switch self {
        case .summary: .summary
        case .ledger: .ledger
        case .positions: .positions
        case .pnl: .pnl
        case .orders: .orders
        case .executions: .trades
        case .quotes: .quotes
        case .session, .accounts, .history: nil
        }
    }
}
