import Foundation

/// The part of an open lot that one fill closed: what the statement's closed-lot rows and realized P&L by
/// holding period are made of.
struct ClosedLot: Sendable {
    /// Signed like the lot (positive when a long lot was sold).
    let quantity: Decimal
    /// The share of the lot's basis that went with it.
    let basis: Decimal
    let openedAt: Date
    /// The fill that opened the lot.
    let tradeID: String
}
