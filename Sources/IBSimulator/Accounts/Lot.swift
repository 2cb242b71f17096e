import Foundation

/// An open tax lot: what remains of one opening fill. FIFO closes the oldest first.
struct Lot: Sendable {
    /// Signed: negative for a short lot.
    var quantity: Decimal
    /// What the lot cost in the instrument's currency, multiplier included; commission included except for
    /// futures, whose notional never changes hands. Negative for a short lot (money received).
    var basis: Decimal
    let openedAt: Date
    let tradeID: String
}
