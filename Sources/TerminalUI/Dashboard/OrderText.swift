import Portfolio

/// The words orders are shown with.
public enum OrderText {
    public static func side(_ side: OrderSide) -> String {
        switch side {
        case .buy: "BUY"
        case .sell: "SELL"
        case .other(let code): code.sanitized
        }
    }

    public static func status(_ status: OrderStatus) -> String {
        switch status {
        case .inactive: "Inactive"
        case .pendingSubmit: "PendSubmit"
        case .preSubmitted: "PreSubmit"
        case .submitted: "Submitted"
        case .filled: "Filled"
        case .pendingCancel: "PendCancel"
        case .cancelled: "Cancelled"
        case .warnState: "Warning"
        case .other(let wire): wire.sanitized
        }
    }
}
