/// The kinds of data the engine keeps for each account, each with its own cadence and freshness.
public enum Dataset: String, CaseIterable, Hashable, Sendable, Comparable {
    case summary, ledger, positions, pnl, orders, trades, quotes, history

    /// Needs the brokerage (`/iserver`) session; the others work on a read-only SSO session.
    public var needsBrokerageSession: Bool {
        switch self {
        case .pnl, .orders, .trades, .quotes: true
        case .summary, .ledger, .positions, .history: false
        }
    }

    public var title: String {
        switch self {
        case .summary: "summary"
        case .ledger: "ledger"
        case .positions: "positions"
        case .pnl: "P&L"
        case .orders: "orders"
        case .trades: "trades"
        case .quotes: "quotes"
        case .history: "history"
        }
    }

    public static func < (lhs: Dataset, rhs: Dataset) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
