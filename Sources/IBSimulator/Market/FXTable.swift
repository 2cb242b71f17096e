import Foundation

/// Exchange rates into an account's base currency. Held constant: price moves make the day's P&L.
struct FXTable: Sendable {
    /// Dollars per euro.
    let eurInUSD: Decimal

    /// Value of one unit of `currency` in `base`, with five decimals as IBKR quotes it.
    func rate(_ currency: String, base: String) -> Decimal {
        if currency == base || currency == "BASE" { return 1 }
        if currency == "EUR" && base == "USD" { return eurInUSD }
        if currency == "USD" && base == "EUR" { return (1 / eurInUSD).rounded(5) }
        return 1
    }
}
