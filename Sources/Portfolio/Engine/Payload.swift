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
}
