import Foundation

/// Conversion into one base currency: `rates[c]` is the value of one unit of `c` in `base`.
public struct FXRates: Hashable, Sendable {
    public var base: Currency
    public var rates: [Currency: Decimal]

    public init(base: Currency, rates: [Currency: Decimal]) {
        self.base = base
        var rates = rates
        rates[base] = 1
        self.rates = rates
    }

    /// `nil` when no rate is known: a missing rate must show as missing, never as a wrong total.
    public func toBase(_ amount: Decimal, from currency: Currency) -> Decimal? {
        guard let rate = rates[currency] else { return nil }
        return amount.multiplied(by: rate)
    }

    public func toBase(_ money: Money) -> Money? {
        toBase(money.amount, from: money.currency).map { Money($0, base) }
    }
}
