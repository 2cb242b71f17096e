/// Every column a table of the dashboard can show; each table picks its own.
public enum Column: String, Hashable, Sendable, CaseIterable {
    case account, symbol, description, quantity, price, marketValue, averageCost, unrealized, unrealizedPercent
    case dayChange, weight, currency
    case time, side, orderType, limitStop, filledRemaining, status, timeInForce
    case severity, text

    public var heading: String {
        switch self {
        case .account: "Acct"
        case .symbol: "Symbol"
        case .description: "Description"
        case .quantity: "Qty"
        case .price: "Price"
        case .marketValue: "Mkt value"
        case .averageCost: "Avg cost"
        case .unrealized: "Unrl P&L"
        case .unrealizedPercent: "Unrl %"
        case .dayChange: "Day chg"
        case .weight: "Wt %"
        case .currency: "Ccy"
        case .time: "Time"
        case .side: "Side"
        case .orderType: "Type"
        case .limitStop: "Lmt/Stp"
        case .filledRemaining: "Fill/Rem"
        case .status: "Status"
        case .timeInForce: "TIF"
        case .severity: ""
        case .text: "Alert"
        }
    }
}
