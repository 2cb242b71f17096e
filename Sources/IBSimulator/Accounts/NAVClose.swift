import Foundation

/// An account's net liquidation value at one day's close, in its base currency, by component.
struct NAVClose: Sendable {
    let day: Date
    let cash: Decimal
    let stock: Decimal
    let options: Decimal
    /// Open futures P&L (futures are not a NAV component at notional).
    let futures: Decimal
    var total: Decimal { cash + stock + options + futures }
}
