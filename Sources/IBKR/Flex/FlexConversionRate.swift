/// A row of ConversionRates: base currency units per unit of `fromCurrency` on `reportDate`.
/// IBKR writes `-1` when it has no rate; the value is kept as written and `usableRate` leaves it out.
public struct FlexConversionRate: Sendable, Hashable, Encodable, FlexRow {
    public var reportDate: FlexDate?
    public var fromCurrency: String?
    public var toCurrency: String?
    public var rate: FlexDecimal?

    public init() {}

    /// The rate when it is one: nil for IBKR's `-1` (no rate) and any other value that is not positive.
    public var usableRate: FlexDecimal? {
        guard let rate, rate.significand > 0 else { return nil }
        return rate
    }

    static let schema = FlexRowSchema<FlexConversionRate> { row in
        row.field("reportDate") { $0.reportDate = $2.date($1) }
        row.field("fromCurrency") { $0.fromCurrency = $2.interned($1) }
        row.field("toCurrency") { $0.toCurrency = $2.interned($1) }
        row.field("rate") { $0.rate = $2.decimal($1) }
    }
}
