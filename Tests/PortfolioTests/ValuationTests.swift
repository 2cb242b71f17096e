import Foundation
import Testing

@testable import Portfolio

@Suite struct ValuationTests {
    let d = Fixtures.decimal
    let usdAccount = Fixtures.account("U1", .usd)
    let eurAccount = Fixtures.account("U2", .eur)

    /// A ledger in `base` that also holds `other` at `rate` (one unit of `other` in `base`).
    func ledger(_ base: Currency, holding other: Currency, at rate: String, cash: String, realized: String) -> Ledger {
        Ledger(
            baseCurrency: base,
            entries: [
                base: LedgerEntry(currency: base, exchangeRate: 1),
                other: LedgerEntry(currency: other, exchangeRate: d(rate)),
            ],
            base: LedgerEntry(currency: base, cashBalance: d(cash), realizedPnl: d(realized)))
    }

    var usdLedger: Ledger { ledger(.usd, holding: .eur, at: "1.0875", cash: "25000.10", realized: "120.40") }
    var eurLedger: Ledger { ledger(.eur, holding: .usd, at: "0.9195", cash: "8000.00", realized: "-33.33") }

    @Test func accountTotalsComeFromTheDatasetsThatComputeThem() {
        let history = AccountHistory(account: "U1", baseCurrency: .usd, realizedYearToDate: d("4321.09"))
        let state = Fixtures.accountState(
            usdAccount,
            summary: AccountSummary(
                currency: .usd, netLiquidation: d("100000.00"), totalCash: d("25000.10"),
                grossPositionValue: d("75000.00"), excessLiquidity: d("60000.00"), cushion: d("0.6")),
            ledger: usdLedger, pnl: AccountPnL(daily: d("-512.34"), unrealized: d("3788.22")), history: history)
        let totals = state.totals
        #expect(totals.currency == .usd)
        #expect(totals.netLiquidation == d("100000.00"))
        #expect(totals.cash == d("25000.10"))
        #expect(totals.excessLiquidity == d("60000.00"))
        #expect(totals.cushion == d("0.6"))
        #expect(totals.grossPositionValue == d("75000.00"))
        #expect(totals.dailyPnl == d("-512.34"))
        #expect(totals.unrealizedPnl == d("3788.22"))
        #expect(totals.realizedToday == d("120.40"))
        #expect(totals.realizedYearToDate == d("4321.09"))
    }

    @Test func unknownNumbersStayUnknown() {
        let totals = Fixtures.accountState(usdAccount).totals
        #expect(totals.netLiquidation == nil)
        #expect(totals.dailyPnl == nil)
        #expect(totals.cushion == nil)
        // Without a summary, the cushion is derived from the P&L row.
        let fromPnl = Fixtures.accountState(
            usdAccount, pnl: AccountPnL(netLiquidation: 50_000, excessLiquidity: 10_000)).totals
        #expect(fromPnl.cushion == d("0.2"))
    }

    @Test func positionsAreValuedInNativeAndBaseCurrencyWithWeightAndDayChange() throws {
        let sap = Position(
            account: "U1", contract: Fixtures.stock(14_204, "SAP", .eur), quantity: 40, marketPrice: d("180.50"),
            marketValue: d("7220.00"))
        let option = Position(
            account: "U1",
            contract: Contract(conid: 9, symbol: "SPY", assetClass: .option, currency: .usd, multiplier: 100),
            quantity: -2, marketPrice: d("3.15"))
        let state = Fixtures.accountState(
            usdAccount, summary: AccountSummary(currency: .usd, netLiquidation: d("100000.00")), ledger: usdLedger,
            positions: [sap, option],
            quotes: [
                14_204: MarketQuote(conid: 14_204, last: d("180.50"), priorClose: d("178.00"), change: d("2.50")),
                9: MarketQuote(conid: 9, last: d("3.15"), priorClose: d("3.00")),
            ])
        let valued = state.valuedPositions
        let sapValue = try #require(valued.first)
        #expect(sapValue.marketValue == Money(d("7220.00"), .eur))
        #expect(sapValue.baseMarketValue == Money(d("7851.75"), .usd))
        #expect(sapValue.weightPercent == d("7.85175"))
        #expect(sapValue.dayChange == Money(d("100.00"), .eur))
        #expect(sapValue.baseDayChange == Money(d("108.75"), .usd))
        let spy = try #require(valued.last)
        #expect(spy.marketValue == Money(d("-630.00"), .usd))
        #expect(spy.weightPercent == d("-0.63"))
        #expect(spy.dayChange == Money(d("-30.00"), .usd))
        #expect(spy.dayChangePercent == d("5"))
    }

    @Test func aRateIsDirectInverseOrThroughACommonCurrency() throws {
        let gbpTable = FXRates(base: "GBP", rates: [.usd: d("0.79")])
        let converter = CurrencyConverter(tables: [usdLedger.fxRates, gbpTable])
        #expect(converter.convert(100, from: .eur, to: .usd) == d("108.75"))
        #expect(converter.convert(d("108.75"), from: .usd, to: .eur) == 100)
        // EUR → USD → GBP: 1.0875 × 0.79.
        #expect(converter.convert(1000, from: .eur, to: "GBP") == d("859.125"))
        let back = try #require(converter.convert(d("859.125"), from: "GBP", to: .eur))
        #expect(back.rounded(scale: 10) == 1000)
        #expect(converter.convert(1, from: "JPY", to: .usd) == nil)
        // A zero rate from a broken ledger is no rate.
        #expect(CurrencyConverter(tables: [FXRates(base: .usd, rates: [.eur: 0])]).rate(from: .usd, to: .eur) == nil)
    }

    /// Two accounts in two currencies, consolidated into each, against numbers worked out by hand.
    @Test func consolidatedTotalsInTwoCurrenciesAreExactToTheCent() throws {
        let usd = Fixtures.accountState(
            usdAccount,
            summary: AccountSummary(
                currency: .usd, netLiquidation: d("100000.00"), totalCash: d("25000.10"),
                grossPositionValue: d("75000.00"), excessLiquidity: d("60000.00")),
            ledger: usdLedger, pnl: AccountPnL(daily: d("-512.34"), unrealized: d("3788.22")))
        let eur = Fixtures.accountState(
            eurAccount,
            summary: AccountSummary(
                currency: .eur, netLiquidation: d("50000.00"), totalCash: d("8000.00"),
                grossPositionValue: d("42000.00"), excessLiquidity: d("30000.00")),
            ledger: eurLedger, pnl: AccountPnL(daily: d("250.50"), unrealized: d("-1200.01")))
        let converter = CurrencyConverter(ledgers: [usdLedger, eurLedger])

        // In USD, EUR converts at the USD ledger's 1.0875.
        let inUSD = ConsolidatedTotals(accounts: [usd, eur], currency: .usd, converter: converter)
        #expect(inUSD.includedAccounts == ["U1", "U2"])
        #expect(inUSD.missingRates.isEmpty)
        let usdTotals = inUSD.totals
        #expect(usdTotals.netLiquidation?.rounded(scale: 2) == d("154375.00"))  // 100000 + 50000 × 1.0875
        #expect(usdTotals.cash?.rounded(scale: 2) == d("33700.10"))  // 25000.10 + 8700.00
        #expect(usdTotals.excessLiquidity?.rounded(scale: 2) == d("92625.00"))  // 60000 + 32625
        #expect(usdTotals.grossPositionValue?.rounded(scale: 2) == d("120675.00"))  // 75000 + 45675
        #expect(usdTotals.dailyPnl?.rounded(scale: 2) == d("-239.92"))  // −512.34 + 272.419 (272.42)
        #expect(usdTotals.unrealizedPnl?.rounded(scale: 2) == d("2483.21"))  // 3788.22 − 1305.010875
        #expect(usdTotals.realizedToday?.rounded(scale: 2) == d("84.15"))  // 120.40 − 36.246375
        #expect(usdTotals.cushion?.rounded(scale: 6) == d("0.6"))  // 92625 / 154375

        // In EUR, USD converts at the EUR ledger's 0.9195.
        let inEUR = ConsolidatedTotals(accounts: [usd, eur], currency: .eur, converter: converter).totals
        #expect(inEUR.netLiquidation?.rounded(scale: 2) == d("141950.00"))  // 91950 + 50000
        #expect(inEUR.cash?.rounded(scale: 2) == d("30987.59"))  // 22987.59195 + 8000
        #expect(inEUR.dailyPnl?.rounded(scale: 2) == d("-220.60"))  // −471.09663 + 250.50
        #expect(inEUR.unrealizedPnl?.rounded(scale: 2) == d("2283.26"))  // 3483.26829 − 1200.01
        #expect(inEUR.realizedToday?.rounded(scale: 2) == d("77.38"))  // 110.7078 − 33.33
    }

    @Test func anAccountWithoutARateIsLeftOutAndNamed() {
        let usd = Fixtures.accountState(
            usdAccount, summary: AccountSummary(currency: .usd, netLiquidation: 1000), ledger: usdLedger)
        let yen = Fixtures.accountState(
            Fixtures.account("U3", "JPY"), summary: AccountSummary(currency: "JPY", netLiquidation: 5_000_000),
            ledger: Ledger(baseCurrency: "JPY", entries: [:], base: nil))
        let converter = CurrencyConverter(ledgers: [usdLedger, Ledger(baseCurrency: "JPY", entries: [:], base: nil)])
        let totals = ConsolidatedTotals(accounts: [usd, yen], currency: .usd, converter: converter)
        #expect(totals.includedAccounts == ["U1"])
        #expect(totals.missingRates == ["JPY"])
        #expect(totals.totals.netLiquidation == 1000)
        // A number one included account lacks is unknown in the sum, not a partial sum.
        #expect(totals.totals.dailyPnl == nil)
    }
}
