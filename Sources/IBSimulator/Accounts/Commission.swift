import Foundation

/// IBKR-like fixed-rate commissions, in the instrument's currency.
enum Commission {
    static func charge(for instrument: Instrument, quantity: Decimal, price: Decimal) -> Decimal {
        let size = abs(quantity)
        switch instrument.kind {
        case .stock where instrument.currency == "USD":
            return max(1, size * Decimal(5) / 1_000).rounded(2)
        case .stock:
            return max(3, size * price * Decimal(5) / 10_000).rounded(2)
        case .option:
            return max(1, size * Decimal(65) / 100).rounded(2)
        case .future:
            return (size * Decimal(85) / 100).rounded(2)
        }
    }
}
