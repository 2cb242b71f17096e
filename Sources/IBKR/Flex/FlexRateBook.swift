import Foundation

/// A statement's ConversionRates, by currency and day, without IBKR's `-1` "no rate" rows.
struct FlexRateBook {
    private var rates: [String: [(day: FlexDate, rate: Decimal)]] = [:]

    init(_ rows: [FlexConversionRate]) {
        for row in rows {
            guard let currency = row.fromCurrency, let day = row.reportDate, let rate = row.usableRate else { continue }
            rates[currency.uppercased(), default: []].append((day, rate.decimal))
        }
        for currency in rates.keys { rates[currency]?.sort { $0.day < $1.day } }
    }

    /// The rate of `day`, or of the last day before it that has one.
    func rate(for currency: String, on day: FlexDate) -> Decimal? {
        guard let days = rates[currency.uppercased()] else { return nil }
        var low = 0, high = days.count
        while low < high {
            let middle = (low + high) / 2
            if days[middle].day <= day { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? days[low - 1].rate : nil
    }
}
