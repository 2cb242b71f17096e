import Foundation

/// A rough option mark from the underlying: intrinsic value plus a time value that shrinks with distance from
/// the money and with time. Good enough for a dashboard to watch; not a model to trade on.
enum OptionPricing {
    static let volatility = 0.25

    static func mark(underlying: Double, strike: Double, isCall: Bool, years: Double) -> Double {
        let intrinsic = max(0, isCall ? underlying - strike : strike - underlying)
        let time = max(years, 1.0 / 365)
        let logMoneyness = log(underlying / strike)
        let spread = volatility * volatility * time
        let timeValue = 0.4 * volatility * underlying * time.squareRoot() * exp(-logMoneyness * logMoneyness / (2 * spread))
        return max(0.05, intrinsic + timeValue)
    }
}
