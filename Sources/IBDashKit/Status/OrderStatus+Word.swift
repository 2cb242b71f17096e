import Portfolio

extension OrderStatus {
    /// IBKR's own word for the state, as TWS and the Client Portal show it.
    var word: String {
        switch self {
        case .inactive: "Inactive"
        case .pendingSubmit: "PendingSubmit"
        case .preSubmitted: "PreSubmitted"
        case .submitted: "Submitted"
        case .filled: "Filled"
        case .pendingCancel: "PendingCancel"
        case .cancelled: "Cancelled"
        case .warnState: "WarnState"
        case .other(let wire): wire
        }
    }
}
