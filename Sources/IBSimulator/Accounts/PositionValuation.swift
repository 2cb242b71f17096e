import Foundation

/// One open position valued at the current price, in the instrument's currency.
struct PositionValuation: Sendable {
    let instrument: Instrument
    let quantity: Decimal
    let price: Decimal
    /// quantity × price × max(multiplier, 1).
    let marketValue: Decimal
    /// Per unit, without the multiplier.
    let averagePrice: Decimal
    /// Per unit, with the multiplier: averagePrice × multiplier.
    let averageCost: Decimal
    /// marketValue − quantity × averageCost.
    let unrealizedPnl: Decimal
    /// Realized today.
    let realizedPnl: Decimal
}
