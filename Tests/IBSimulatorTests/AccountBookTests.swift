import Foundation
import Testing

@testable import IBSimulator

/// FIFO booking of fills: cash, lots and realized P&L.
@Suite struct AccountBookTests {
    private func instrument(_ kind: AssetKind, multiplier: Int = 1) -> Instrument {
        Instrument(
            conid: 1, symbol: "TEST", name: "TEST CO", kind: kind, currency: "USD", exchange: "NYSE",
            multiplier: multiplier, expiry: nil, expiryDate: nil, strike: nil, right: nil, underlying: nil, sector: nil, group: nil,
            countryCode: "US", tick: Decimal(1) / 100, quarterlyDividend: 0, futureMargin: 1_000)
    }

    private func fill(_ quantity: Decimal, at price: Decimal, commission: Decimal = 1) -> Fill {
        Fill(
            conid: 1, quantity: quantity, price: price, commission: commission, time: Date(), orderID: 1,
            tradeID: "t", transactionID: "x", executionID: "e", exchange: "NYSE", orderRef: "")
    }

    @Test func stockRoundTripRealizesFIFO() {
        var account = SimulatedAccount(id: "U1", title: "t", baseCurrency: "USD", isPaper: false, openedAt: Date())
        let stock = instrument(.stock)
        account.execute(fill(10, at: 100), instrument: stock)
        account.execute(fill(10, at: 120), instrument: stock)
        #expect(account.cash["USD"] == -2_202)
        #expect(account.basis(1) == 2_202)
        let sale = account.execute(fill(-15, at: 130), instrument: stock)
        // Closes the first lot (1 001) and half of the second (600.50): 1 950 − 1 − 1 601.50.
        #expect(sale.realizedPnl == Decimal(string: "347.5"))
        #expect(account.quantity(1) == 5)
        #expect(account.basis(1) == Decimal(string: "600.5"))
        let cashAfterSale: Decimal = -2_202 + 1_950 - 1
        #expect(account.cash["USD"] == cashAfterSale)
    }

    @Test func shortOptionBuyBack() {
        var account = SimulatedAccount(id: "U1", title: "t", baseCurrency: "USD", isPaper: false, openedAt: Date())
        let option = instrument(.option, multiplier: 100)
        account.execute(fill(-2, at: 3, commission: 2), instrument: option)
        #expect(account.basis(1) == -598)
        let cover = account.execute(fill(2, at: 1, commission: 2), instrument: option)
        #expect(cover.realizedPnl == 396)
        #expect(account.quantity(1) == 0)
        #expect(account.cash["USD"] == 396)
    }

    @Test func futuresMoveOnlyCommissionAndRealizedPnl() {
        var account = SimulatedAccount(id: "U1", title: "t", baseCurrency: "USD", isPaper: false, openedAt: Date())
        let future = instrument(.future, multiplier: 5)
        account.execute(fill(2, at: 5_000, commission: Decimal(17) / 10), instrument: future)
        #expect(account.cash["USD"] == Decimal(-17) / 10)
        let close = account.execute(fill(-2, at: 5_010, commission: Decimal(17) / 10), instrument: future)
        #expect(close.realizedPnl == Decimal(983) / 10)
        #expect(account.cash["USD"] == Decimal(966) / 10)
    }
}
