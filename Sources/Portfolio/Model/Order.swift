import Foundation

/// A working or recently finished order from `/iserver/account/orders`.
public struct Order: Hashable, Sendable, Identifiable {
    public var id: Int
    public var account: AccountID
    public var conid: Int
    public var symbol: String
    /// Derivative details or company name, for display.
    public var description: String
    public var side: OrderSide
    public var orderType: String
    public var limitPrice: Decimal?
    public var stopPrice: Decimal?
    public var averagePrice: Decimal?
    public var quantity: Decimal
    public var filled: Decimal
    public var remaining: Decimal
    public var status: OrderStatus
    public var timeInForce: String
    public var lastUpdate: Date?
    /// Why the system cancelled or rejected the order, when it says.
    public var reason: String?

    public init(
        id: Int, account: AccountID, conid: Int, symbol: String, description: String = "", side: OrderSide,
        orderType: String, limitPrice: Decimal? = nil, stopPrice: Decimal? = nil, averagePrice: Decimal? = nil,
        quantity: Decimal, filled: Decimal, remaining: Decimal, status: OrderStatus, timeInForce: String,
        lastUpdate: Date? = nil, reason: String? = nil
    ) {
        self.id = id
        self.account = account
        self.conid = conid
        self.symbol = symbol
        self.description = description
        self.side = side
        self.orderType = orderType
        self.limitPrice = limitPrice
        self.stopPrice = stopPrice
        self.averagePrice = averagePrice
        self.quantity = quantity
        self.filled = filled
        self.remaining = remaining
        self.status = status
        self.timeInForce = timeInForce
        self.lastUpdate = lastUpdate
        self.reason = reason
    }
}

public enum OrderSide: Hashable, Sendable {
    case buy, sell
    case other(String)

    public init(code: String) {
        switch code.uppercased() {
        case "BUY", "B", "BOT": self = .buy
        case "SELL", "S", "SLD": self = .sell
        default: self = .other(code)
        }
    }
}

/// IBKR's order states, open for states we do not know yet.
public enum OrderStatus: Hashable, Sendable {
    case inactive, pendingSubmit, preSubmitted, submitted, filled, pendingCancel, cancelled, warnState
    case other(String)

    public init(wire: String) {
        switch wire.lowercased().replacingOccurrences(of: "_", with: "") {
        case "inactive": self = .inactive
        case "pendingsubmit": self = .pendingSubmit
        case "presubmitted": self = .preSubmitted
        case "submitted": self = .submitted
        case "filled": self = .filled
        case "pendingcancel": self = .pendingCancel
        case "cancelled", "canceled": self = .cancelled
        case "warnstate": self = .warnState
        default: self = .other(wire)
        }
    }

    /// Still able to fill.
    public var isWorking: Bool {
        switch self {
        case .pendingSubmit, .preSubmitted, .submitted, .pendingCancel, .warnState: true
        case .inactive, .filled, .cancelled, .other: false
        }
    }
}
