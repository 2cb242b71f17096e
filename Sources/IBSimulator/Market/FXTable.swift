import Foundation

/// Exchange rates into an account's base currency. Held constant: price moves make the day's P&L.
struct FXTable: Sendable {
    /// Dollars per euro.
    let eurInUSD: Decimal
    /// Euros per dollar, with five decimals as IBKR quotes it.
    let usdInEUR: Decimal

    init(eurInUSD: Decimal) {
        self.eurInUSD = eurInUSD
        usdInEUR = (1 / eurInUSD).rounded(5)
    }

    /// Value of one unit of `currency` in `base`.
    func rate(_ currency: String, base: String) -> Decimal {
        if currency == base || currency == "BASE" { return 1 }
        if currency == "EUR" && base == "USD" { return eurInUSD }
        if currency == "USD" && base == "EUR" { return usdInEUR }
        return 1
    }
}
