import Foundation

/// Converts amounts between currencies with the rates the accounts' ledgers imply: a direct rate, the inverse of
/// one, or a path through a common currency. Where no ledger links two currencies there is no rate, and callers
/// must leave the amount out rather than sum it wrongly.
public struct CurrencyConverter: Hashable, Sendable {
    /// `amount × multiplier ÷ divisor`: inverse rates divide, so no precision is lost to a rounded reciprocal.
    public struct Rate: Hashable, Sendable {
        public var multiplier: Decimal
        public var divisor: Decimal

        public init(multiplier: Decimal, divisor: Decimal = 1) {
            self.multiplier = multiplier
            self.divisor = divisor
        }

        public static let one = Rate(multiplier: 1)

        /// A direct rate only multiplies and an inverse one only divides; dividing by one is skipped, as it gives
        /// the same value.
        public func convert(_ amount: Decimal) -> Decimal {
            let scaled = amount.multiplied(by: multiplier)
            return divisor == 1 ? scaled : scaled.divided(by: divisor)
        }

        func then(_ next: Rate) -> Rate {
            Rate(multiplier: multiplier * next.multiplier, divisor: divisor * next.divisor)
        }
    }

    /// One table per ledger, in account order: the first ledger that knows a rate wins.
    public var tables: [FXRates]

    public init(tables: [FXRates]) {
        self.tables = tables
    }

    public init(ledgers: [Ledger]) {
        self.init(tables: ledgers.map(\.fxRates))
    }

    public func rate(from source: Currency, to target: Currency) -> Rate? {
        if source == target { return .one }
        if let rate = directOrInverse(from: source, to: target) { return rate }
        for common in intermediates where common != source && common != target {
            if let first = directOrInverse(from: source, to: common),
                let second = directOrInverse(from: common, to: target)
            {
                return first.then(second)
            }
        }
        return nil
    }

    public func convert(_ amount: Decimal, from source: Currency, to target: Currency) -> Decimal? {
        rate(from: source, to: target)?.convert(amount)
    }

    private func directOrInverse(from source: Currency, to target: Currency) -> Rate? {
        for table in tables where table.base == target {
            if let rate = table.rates[source], rate > 0 { return Rate(multiplier: rate) }
        }
        for table in tables where table.base == source {
            if let rate = table.rates[target], rate > 0 { return Rate(multiplier: 1, divisor: rate) }
        }
        return nil
    }

    /// Candidate common currencies: the ledgers' base currencies first, then every other currency, in a fixed order.
    private var intermediates: [Currency] {
        var seen = Set<Currency>()
        var ordered: [Currency] = []
        for table in tables where seen.insert(table.base).inserted { ordered.append(table.base) }
        let others = Set(tables.flatMap(\.rates.keys)).subtracting(seen).sorted()
        return ordered + others
    }
}
