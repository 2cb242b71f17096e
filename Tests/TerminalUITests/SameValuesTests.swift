import Foundation
import Portfolio
import Testing

@testable import TerminalUI

/// The fast comparison of a row's inputs must agree with `==` on every field, and list every field.
@Suite struct SameValuesTests {
    private let position = SampleDashboard.state().accounts[0].positions.value?.first { $0.contract.assetClass == .option }
        ?? SampleDashboard.state().accounts[0].positions.value?.first

    @Test func everyStoredFieldIsCompared() {
        // A new field must be added to `hasSameValues`/`haveSameValues` too, and these counts with it.
        #expect(Mirror(reflecting: Position(account: "U1", contract: Contract(conid: 1, symbol: "A", assetClass: .stock, currency: .usd), quantity: 1)).children.count == 10)
        #expect(Mirror(reflecting: Contract(conid: 1, symbol: "A", assetClass: .stock, currency: .usd)).children.count == 13)
        #expect(Mirror(reflecting: MarketQuote(conid: 1)).children.count == 8)
    }

    @Test func aChangeInAnyFieldIsSeenAndEqualValuesInOtherStorageAreTheSame() throws {
        let original = try #require(position)
        let changes: [(String, (inout Position) -> Void)] = [
            ("account", { $0.account = "U9999999" }), ("quantity", { $0.quantity += 1 }),
            ("marketPrice", { $0.marketPrice = ($0.marketPrice ?? 0) + Decimal(string: "0.01")! }),
            ("marketValue", { $0.marketValue = nil }), ("averageCost", { $0.averageCost = 1 }),
            ("averagePrice", { $0.averagePrice = 2 }), ("unrealizedPnl", { $0.unrealizedPnl = -3 }),
            ("realizedPnl", { $0.realizedPnl = 4 }), ("contractFromCache", { $0.contractFromCache.toggle() }),
            ("conid", { $0.contract.conid += 1 }), ("symbol", { $0.contract.symbol += "X" }),
            ("description", { $0.contract.description += " " }), ("name", { $0.contract.name = "Other" }),
            ("assetClass", { $0.contract.assetClass = $0.contract.assetClass == .stock ? .bond : .stock }),
            ("currency", { $0.contract.currency = $0.contract.currency == .usd ? .eur : .usd }),
            ("multiplier", { $0.contract.multiplier += 1 }), ("expiry", { $0.contract.expiry = "20991231" }),
            ("strike", { $0.contract.strike = 12_345 }), ("right", { $0.contract.right = $0.contract.right == .call ? .put : .call }),
            ("listingExchange", { $0.contract.listingExchange = "XETRA" }),
            ("underlyingSymbol", { $0.contract.underlyingSymbol = "ZZZ" }), ("sector", { $0.contract.sector = "Energy" }),
        ]
        for (field, change) in changes {
            var changed = original
            change(&changed)
            #expect(changed != original, "\(field)")
            #expect(!changed.hasSameValues(as: original) && !original.hasSameValues(as: changed), "\(field)")
        }
        // The same numbers parsed again, the same text in new storage: the same values.
        var reparsed = original
        reparsed.marketPrice = original.marketPrice.flatMap { Decimal(string: "\($0)") }
        reparsed.contract.description = String(decoding: Array(original.contract.description.utf8), as: UTF8.self)
        #expect(reparsed == original && reparsed.hasSameValues(as: original))
    }

    @Test func quotesCompareEveryField() {
        let quote = MarketQuote(
            conid: 7, last: 10, priorClose: 9, availability: "R", updated: Date(timeIntervalSince1970: 1_700_000_000))
        let changes: [(inout MarketQuote) -> Void] = [
            { $0.conid = 8 }, { $0.last = 11 }, { $0.lastIsPriorClose.toggle() }, { $0.priorClose = nil },
            { $0.change = 5 }, { $0.changePercent = 1 }, { $0.availability = "D" }, { $0.updated = nil },
        ]
        #expect(MarketQuote.haveSameValues(quote, quote) && MarketQuote.haveSameValues(nil, nil))
        #expect(!MarketQuote.haveSameValues(quote, nil) && !MarketQuote.haveSameValues(nil, quote))
        for change in changes {
            var changed = quote
            change(&changed)
            #expect(changed != quote && !MarketQuote.haveSameValues(changed, quote))
        }
    }
}
