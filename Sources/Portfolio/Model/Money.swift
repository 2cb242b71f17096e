import Foundation

/// An amount in one currency. Arithmetic is `Decimal`, so totals are exact to the cent.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    public var amount: Decimal
    public var currency: Currency

    public init(_ amount: Decimal, _ currency: Currency) {
        self.amount = amount
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money { Money(0, currency) }

    public var description: String { "\(amount) \(currency)" }

    /// Rounded to cents the way accountants round: half away from zero.
    public var roundedToCents: Money { Money(amount.rounded(scale: 2), currency) }
}

extension Decimal {
    /// Half-away-from-zero rounding to `scale` decimal places.
    public func rounded(scale: Int) -> Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, scale, .plain)
        return result
    }
}
