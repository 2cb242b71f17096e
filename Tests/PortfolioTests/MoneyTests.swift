import Foundation
import Testing

@testable import Portfolio

@Suite struct MoneyTests {
    @Test func roundsHalfAwayFromZeroToCents() {
        #expect(Money(Decimal(string: "1.005")!, .usd).roundedToCents.amount == Decimal(string: "1.01")!)
        #expect(Money(Decimal(string: "-1.005")!, .usd).roundedToCents.amount == Decimal(string: "-1.01")!)
    }

    @Test func convertsWithKnownRatesOnly() {
        let rates = FXRates(base: .usd, rates: [.eur: Decimal(string: "1.08")!])
        #expect(rates.toBase(Money(100, .eur)) == Money(108, .usd))
        #expect(rates.toBase(Money(5, .usd)) == Money(5, .usd))
        #expect(rates.toBase(Money(100, "GBP")) == nil)
    }

    @Test func ledgerImpliesRatesOfHeldCurrencies() {
        let ledger = Ledger(
            baseCurrency: .usd,
            entries: [
                .usd: LedgerEntry(currency: .usd, exchangeRate: 1),
                .eur: LedgerEntry(currency: .eur, exchangeRate: Decimal(string: "1.0875")!),
            ], base: nil)
        #expect(ledger.fxRates.rates[.eur] == Decimal(string: "1.0875")!)
    }
}
