import Foundation
import Portfolio

/// A working or recently finished order.
public struct SnapshotOrder: Codable, Hashable, Sendable {
    public var id: Int
    public var conid: Int
    @Sanitized public var symbol: String
    @Sanitized public var description: String
    /// `BUY`, `SELL`, or IBKR's code for anything else.
    @Sanitized public var side: String
    /// IBKR's order type, e.g. `Limit`.
    @Sanitized public var type: String
    @DecimalText public var quantity: Decimal?
    @DecimalText public var filled: Decimal?
    @DecimalText public var remaining: Decimal?
    @DecimalText public var limitPrice: Decimal?
    @DecimalText public var stopPrice: Decimal?
    @DecimalText public var averagePrice: Decimal?
    /// IBKR's words: `Submitted`, `PreSubmitted`, `Filled`, `Cancelled`, …
    @Sanitized public var status: String
    /// Still able to fill.
    public var working: Bool
    @Sanitized public var timeInForce: String
    @Nullable public var lastUpdate: Date?
    /// Why the system cancelled or rejected it, when it says.
    @Sanitized public var reason: String?

    public init(_ order: Order) {
        id = order.id
        conid = order.conid
        symbol = order.symbol
        description = order.description
        side = order.side.word
        type = order.orderType
        quantity = order.quantity
        filled = order.filled
        remaining = order.remaining
        limitPrice = order.limitPrice
        stopPrice = order.stopPrice
        averagePrice = order.averagePrice
        status = order.status.word
        working = order.status.isWorking
        timeInForce = order.timeInForce
        lastUpdate = order.lastUpdate
        reason = order.reason
    }
}
