import Foundation
import Testing

@testable import Portfolio

/// The engine says which contracts a fetch changed, so a screen redoes only those: the changes must name every
/// changed contract, and say "everything" whenever places no longer name the same contracts.
@Suite struct ContractChangesTests {
    private let account = AccountID("U1234567")
    private let earlier = Date(timeIntervalSince1970: 1_790_000_000)
    private let later = Date(timeIntervalSince1970: 1_790_000_005)

    private func position(_ conid: Int, price: Decimal, quantity: Decimal = 10) -> Position {
        Position(
            account: account,
            contract: Contract(conid: conid, symbol: "S\(conid)", assetClass: .stock, currency: Currency("USD")),
            quantity: quantity, marketPrice: price, marketValue: price * quantity)
    }

    private var book: [Position] { [position(1, price: 10), position(2, price: 20), position(3, price: 30)] }

    @Test func aMovedPriceNamesThatContractAlone() {
        var moved = book
        moved[1] = position(2, price: Decimal(string: "20.01")!)
        let changes = ContractChanges.between(book, fetchedAt: earlier, and: moved, fetchedAt: later)
        #expect(changes == ContractChanges(since: earlier, until: later, conids: [2]))
        #expect(changes.lead(from: earlier, to: later))
        #expect(!changes.lead(from: later, to: later))
        #expect(!changes.lead(from: earlier, to: earlier))
    }

    @Test func theSameValuesNameNothingAndAQuantityIsAValue() {
        #expect(ContractChanges.between(book, fetchedAt: earlier, and: book, fetchedAt: later).conids.isEmpty)
        var sold = book
        sold[0] = position(1, price: 10, quantity: 0)
        #expect(ContractChanges.between(book, fetchedAt: earlier, and: sold, fetchedAt: later).conids == [1])
    }

    @Test func anotherOrderAnotherCountOrNoEarlierFetchIsEverything() {
        #expect(ContractChanges.between(book, fetchedAt: earlier, and: book.reversed(), fetchedAt: later) == .everything)
        #expect(ContractChanges.between(book, fetchedAt: earlier, and: Array(book.prefix(2)), fetchedAt: later) == .everything)
        #expect(ContractChanges.between(nil, fetchedAt: nil, and: book, fetchedAt: later) == .everything)
        #expect(ContractChanges.between(book, fetchedAt: nil, and: book, fetchedAt: later) == .everything)
        #expect(!ContractChanges.everything.lead(from: nil, to: nil))
    }

    @Test func quotesAreComparedByContract() {
        let quotes = [1: MarketQuote(conid: 1, last: 10), 2: MarketQuote(conid: 2, last: 20)]
        var moved = quotes
        moved[1] = MarketQuote(conid: 1, last: 11)
        #expect(
            ContractChanges.between(quotes, fetchedAt: earlier, and: moved, fetchedAt: later)
                == ContractChanges(since: earlier, until: later, conids: [1]))
        let other = [1: MarketQuote(conid: 1, last: 10), 3: MarketQuote(conid: 3, last: 20)]
        #expect(ContractChanges.between(quotes, fetchedAt: earlier, and: other, fetchedAt: later) == .everything)
    }

    @Test func theStoreRecordsWhatEachFetchChanged() {
        var store = DashboardStore(
            connection: ConnectionInfo(gateway: "https://localhost:5000"),
            cadences: EffectiveCadences(tickle: .seconds(60), datasets: [:], stretched: false))
        _ = store.setAccounts([
            Account(id: account, displayName: "Main", baseCurrency: Currency("USD"), type: "INDIVIDUAL", isPaper: false)
        ])
        store.store(.positions(book), for: account, at: earlier)
        #expect(store.account(account)?.positionChanges == .everything)
        var moved = book
        moved[2] = position(3, price: 31)
        store.store(.positions(moved), for: account, at: later)
        #expect(store.account(account)?.positionChanges == ContractChanges(since: earlier, until: later, conids: [3]))
        // A failed fetch keeps the last value and its changes.
        store.fail(.positions, of: account, with: SourceError(.timeout, endpoint: "portfolio/positions", message: "timed out"), at: later.addingTimeInterval(5))
        #expect(store.account(account)?.positionChanges.conids == [3])

        let quotes = [3: MarketQuote(conid: 3, last: 31)]
        store.store(.quotes(quotes), for: account, at: earlier)
        store.store(.quotes([3: MarketQuote(conid: 3, last: 32)]), for: account, at: later)
        #expect(store.account(account)?.quoteChanges == ContractChanges(since: earlier, until: later, conids: [3]))
    }
}
