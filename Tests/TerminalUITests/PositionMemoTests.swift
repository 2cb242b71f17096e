import Foundation
import Portfolio
import Testing

@testable import TerminalUI

/// A memo-backed positions list values again only what changed, and what it keeps is what a fresh list computes.
@Suite struct PositionMemoTests {
    private let view = ViewState(size: TerminalSize(cols: 160, rows: 45))

    private func model(_ state: DashboardState, _ memo: PositionMemo?, view: ViewState? = nil) -> DashboardModel {
        DashboardModel(state: state, view: view ?? self.view, memo: memo)
    }

    /// Each row's values, in screen order.
    private func rows(_ model: DashboardModel) -> [PositionLine] { Array(model.positions) }

    @Test func aOnePriceUpdateRevaluesOnlyThatPositionAndKeepsTheOthers() throws {
        let memo = PositionMemo()
        var state = SampleDashboard.state()
        let before = model(state, memo)
        let moved = try #require(state.accounts[0].positions.value?.firstIndex { $0.contract == SampleDashboard.msft })
        state.accounts[0].positions.value?[moved].marketPrice = Decimal(string: "388.57")
        state.accounts[0].positions.value?[moved].marketValue = Decimal(string: "19428.50")
        state.accounts[0].positions.value?[moved].unrealizedPnl = Decimal(string: "-676.50")
        state.accounts[0].positions.fetchedAt = SampleDashboard.now
        let after = model(state, memo)

        #expect(rows(after) == rows(model(state, nil)))
        let changed = Set(rows(after).map(\.key)).subtracting(rows(before).map(\.key))
        #expect(changed.isEmpty)
        let movedKey = PositionLine.key(of: try #require(state.accounts[0].positions.value?[moved]))
        for (index, entry) in after.positions.entries.enumerated() {
            let old = try #require(before.positions.entries.first { $0.key == entry.key })
            #expect((entry === old) == (entry.key != movedKey), "row \(index) \(entry.key)")
        }
        let line = try #require(after.positions.first { $0.key == movedKey })
        #expect(line.marketValue == Money(Decimal(string: "19428.50")!, .usd))
        #expect(line.unrealized == Money(Decimal(string: "-676.50")!, .usd))
    }

    @Test func aPriceThatChangesTheRankMovesTheRowAsAFreshSortWould() throws {
        let memo = PositionMemo()
        var state = SampleDashboard.state()
        var sorted = view
        sorted.sorts[.positions] = SortOrder(column: .marketValue, descending: true)
        let before = model(state, memo, view: sorted)
        let index = try #require(state.accounts[0].positions.value?.firstIndex { $0.contract == SampleDashboard.aapl })
        let key = PositionLine.key(of: try #require(state.accounts[0].positions.value?[index]))
        state.accounts[0].positions.value?[index].marketValue = 1
        state.accounts[0].positions.fetchedAt = SampleDashboard.now
        let after = model(state, memo, view: sorted)
        #expect(after.positions.keys == model(state, nil, view: sorted).positions.keys)
        #expect(after.positions.keys.firstIndex(of: key) != before.positions.keys.firstIndex(of: key))
    }

    @Test func aNewNetLiquidationChangesEveryWeight() throws {
        let memo = PositionMemo()
        var state = SampleDashboard.state()
        let single = view.showing(SampleDashboard.main)
        let before = model(state, memo, view: single)
        let liquidation = try #require(state.accounts[0].totals.netLiquidation)
        state.accounts[0].totals.netLiquidation = liquidation * 2
        let after = model(state, memo, view: single)
        #expect(rows(after) == rows(model(state, nil, view: single)))
        for (old, new) in zip(rows(before), rows(after)) where old.weightPercent != nil && old.weightPercent != 0 {
            #expect(new.weightPercent != old.weightPercent, "\(new.key)")
        }
    }

    @Test func aNewExchangeRateRevaluesThePositionsInThatCurrency() throws {
        let memo = PositionMemo()
        var state = SampleDashboard.state()
        var base = view.showing(SampleDashboard.main)
        base.currency = .base
        let before = model(state, memo, view: base)
        state.accounts[0].ledger.value?.entries["JPY"]?.exchangeRate = Decimal(70) / 10_000
        state.accounts[0].ledger.fetchedAt = SampleDashboard.now
        let after = model(state, memo, view: base)
        #expect(rows(after) == rows(model(state, nil, view: base)))
        let toyota = try #require(after.positions.first { $0.position.contract == SampleDashboard.toyota })
        let old = try #require(before.positions.first { $0.position.contract == SampleDashboard.toyota })
        #expect(toyota.marketValue != old.marketValue)
        #expect(toyota.weightPercent != old.weightPercent)
    }

    @Test(arguments: ["0", "1", "-1", "0.01", "227.48", "-98765.4321", "123456789012345678901234.5", "0.000000123", "1e40"])
    func theApproximateDoubleOfADecimalIsNSDecimalNumbers(_ text: String) throws {
        let value = try #require(Decimal(string: text))
        let expected = NSDecimalNumber(decimal: value).doubleValue
        #expect(abs(value.approximateDouble - expected) <= abs(expected) * 1e-15)
    }

    @Test func anAccountWhoseInputsAreTheSameValuesGivesBackItsLastEntries() throws {
        let memo = PositionMemo()
        var state = SampleDashboard.state()
        let before = model(state, memo)
        // A new fetch of the second account only: the first account's arrays are the very same storage.
        state.accounts[1].positions.value = state.accounts[1].positions.value.map { Array($0.reversed()) }
        state.accounts[1].positions.fetchedAt = SampleDashboard.now
        let after = model(state, memo)
        #expect(rows(after) == rows(model(state, nil)))
        let first = SampleDashboard.state().accounts[0].id
        for entry in after.positions.entries {
            let old = try #require(before.positions.entries.first { $0.key == entry.key })
            // Unchanged positions keep their entries whether their account was walked or not, reordered or not.
            #expect(entry === old, "\(entry.key) in \(entry.position.account == first ? "the same" : "a reordered") account")
        }
    }

    @Test func aClosedPositionAndANewOneAreSeenWhereverTheyAre() throws {
        let memo = PositionMemo()
        var state = SampleDashboard.state()
        _ = model(state, memo)
        var positions = try #require(state.accounts[0].positions.value)
        let closed = positions.removeFirst()
        var added = closed
        added.contract.conid = 99_999_001
        positions.insert(added, at: 1)
        state.accounts[0].positions.value = positions
        state.accounts[0].positions.fetchedAt = SampleDashboard.now
        let after = model(state, memo)
        #expect(rows(after) == rows(model(state, nil)))
        #expect(after.positions.contains { $0.position.contract.conid == 99_999_001 })
        #expect(!after.positions.contains { $0.position.id == closed.id })
    }

    @Test func bitwiseSameMeansTheSameValueAndDifferentBitsAreLeftToEquality() {
        let text = String(repeating: "long enough to live on the heap ", count: 2)
        let copy = String(decoding: Array(text.utf8), as: UTF8.self)
        #expect(Bitwise.same(text, text))
        // Equal strings in two storages: not the same bits, still equal.
        #expect(!Bitwise.same(text, copy) && text == copy)
        let array = [1, 2, 3]
        var changed = array
        #expect(Bitwise.same(array, changed))
        changed[0] = 1
        // A write makes a copy of shared storage, even of the same value.
        #expect(!Bitwise.same(array, changed) && array == changed)
        #expect(!Bitwise.same(Decimal(1), Decimal(2)))
    }
}

/// With the engine's word on what a fetch changed (`ContractChanges`), a price update walks no account, and the
/// list is still what a fresh one would be.
@Suite struct PositionMemoChangesTests {
    private let view = ViewState(size: TerminalSize(cols: 160, rows: 45))

    private func model(_ state: DashboardState, _ memo: PositionMemo?) -> DashboardModel {
        DashboardModel(state: state, view: view, memo: memo)
    }

    /// `state` after the first account's positions were fetched again with `change` made to them, as the engine's
    /// store records it.
    private func fetched(
        _ state: DashboardState, at time: Date, changing change: (inout [Position]) -> Void
    ) -> DashboardState {
        var state = state
        let before = state.accounts[0].positions
        var positions = before.value ?? []
        change(&positions)
        state.accounts[0].positions.store(positions, at: time)
        state.accounts[0].positionChanges = .between(
            before.value, fetchedAt: before.fetchedAt, and: positions, fetchedAt: time)
        return state
    }

    private func index(of contract: Contract, in state: DashboardState) throws -> Int {
        try #require(state.accounts[0].positions.value?.firstIndex { $0.contract == contract })
    }

    @Test func aPriceUpdateRedoesTheNamedPositionWithoutAWalk() throws {
        let memo = PositionMemo()
        let state = SampleDashboard.state()
        let before = model(state, memo)
        let walks = memo.accountWalks
        let moved = try index(of: SampleDashboard.msft, in: state)
        let after = fetched(state, at: SampleDashboard.now.addingTimeInterval(5)) { positions in
            positions[moved].marketPrice = Decimal(string: "388.57")
            positions[moved].marketValue = Decimal(string: "19428.50")
        }
        #expect(after.accounts[0].positionChanges.conids == [SampleDashboard.msft.conid])
        let patched = model(after, memo)
        #expect(memo.accountWalks == walks)
        #expect(Array(patched.positions) == Array(model(after, nil).positions))
        let movedKey = PositionLine.key(of: try #require(after.accounts[0].positions.value?[moved]))
        for entry in patched.positions.entries {
            let old = try #require(before.positions.entries.first { $0.key == entry.key })
            #expect((entry === old) == (entry.key != movedKey), "\(entry.key)")
        }
    }

    @Test func entriesPointIntoOneFetchPerAccountAfterAWalkAndIntoAFewAfterPatches() throws {
        let memo = PositionMemo()
        var state = SampleDashboard.state()
        let account = state.accounts[0].id
        _ = model(state, memo)
        #expect(memo.booksHeld(by: account) == 1)
        let moved = try index(of: SampleDashboard.msft, in: state)
        let walks = memo.accountWalks
        // Each price update patches one entry, made in the update's own array: the others stay where they were.
        for step in 1...8 {
            state = fetched(state, at: SampleDashboard.now.addingTimeInterval(Double(step))) { positions in
                positions[moved].marketValue = (positions[moved].marketValue ?? 0) + 1
            }
            _ = model(state, memo)
            #expect(memo.accountWalks == walks)
        }
        #expect(memo.booksHeld(by: account) == 2)
        // Past the limit of patches, the next change walks the account, which moves every entry it keeps into
        // the newest array; what the list shows is what a fresh one shows.
        state = fetched(state, at: SampleDashboard.now.addingTimeInterval(9)) { positions in
            positions[moved].marketValue = (positions[moved].marketValue ?? 0) + 1
        }
        let walked = model(state, memo)
        #expect(memo.accountWalks == walks + 1)
        #expect(memo.booksHeld(by: account) == 1)
        #expect(Array(walked.positions) == Array(model(state, nil).positions))
    }

    @Test func aSortedListIsPatchedWhileTheRowKeepsItsRankAndSortedAgainWhenItMoves() throws {
        let memo = PositionMemo()
        var sorted = view
        sorted.sorts[.positions] = SortOrder(column: .marketValue, descending: true)
        let state = SampleDashboard.state()
        let model = { (state: DashboardState, memo: PositionMemo?) in DashboardModel(state: state, view: sorted, memo: memo) }
        let before = model(state, memo)
        let sorts = memo.listSorts
        let moved = try index(of: SampleDashboard.msft, in: state)
        let nudged = fetched(state, at: SampleDashboard.now.addingTimeInterval(5)) { positions in
            positions[moved].marketValue = (positions[moved].marketValue ?? 0) + Decimal(string: "0.01")!
        }
        let patched = model(nudged, memo)
        #expect(memo.listSorts == sorts)
        #expect(patched.positions.keys == before.positions.keys)
        #expect(Array(patched.positions) == Array(model(nudged, nil).positions))

        let fallen = fetched(nudged, at: SampleDashboard.now.addingTimeInterval(10)) { $0[moved].marketValue = 1 }
        let resorted = model(fallen, memo)
        #expect(memo.listSorts == sorts + 1)
        #expect(resorted.positions.keys == model(fallen, nil).positions.keys)
        #expect(resorted.positions.keys != before.positions.keys)
        #expect(Array(resorted.positions) == Array(model(fallen, nil).positions))
    }

    @Test func aQuoteUpdateRedoesThePositionsOfThatContract() throws {
        let memo = PositionMemo()
        var state = SampleDashboard.state()
        _ = model(state, memo)
        let walks = memo.accountWalks
        let conid = SampleDashboard.msft.conid
        let before = state.accounts[0].quotes
        var quotes = before.value ?? [:]
        quotes[conid] = MarketQuote(conid: conid, last: 390, priorClose: 380)
        let time = SampleDashboard.now.addingTimeInterval(5)
        state.accounts[0].quotes.store(quotes, at: time)
        state.accounts[0].quoteChanges = .between(before.value, fetchedAt: before.fetchedAt, and: quotes, fetchedAt: time)
        let patched = model(state, memo)
        #expect(memo.accountWalks == walks)
        #expect(Array(patched.positions) == Array(model(state, nil).positions))
        #expect(patched.positions.first { $0.position.contract.conid == conid }?.dayChange != nil)
    }

    @Test func changesFromAnotherFetchThanTheDrawnOneAreNotTrusted() throws {
        let memo = PositionMemo()
        let state = SampleDashboard.state()
        _ = model(state, memo)
        let walks = memo.accountWalks
        let moved = try index(of: SampleDashboard.msft, in: state)
        var after = fetched(state, at: SampleDashboard.now.addingTimeInterval(5)) { $0[moved].marketPrice = 1 }
        // As if a frame had been skipped: these changes lead from a fetch this memo never drew.
        after.accounts[0].positionChanges.since = SampleDashboard.now.addingTimeInterval(-60)
        after.accounts[0].positionChanges.conids = []
        let walked = model(after, memo)
        #expect(memo.accountWalks == walks + 1)
        #expect(Array(walked.positions) == Array(model(after, nil).positions))
    }

    @Test func aPositionClosedOrOpenedByTheFetchChangesTheListAsAFreshOneWould() throws {
        let memo = PositionMemo()
        let state = SampleDashboard.state()
        let before = model(state, memo)
        let closed = try index(of: SampleDashboard.msft, in: state)
        let after = fetched(state, at: SampleDashboard.now.addingTimeInterval(5)) { $0[closed].quantity = 0 }
        let shrunk = model(after, memo)
        #expect(shrunk.positions.count == before.positions.count - 1)
        #expect(Array(shrunk.positions) == Array(model(after, nil).positions))
        let reopened = fetched(after, at: SampleDashboard.now.addingTimeInterval(10)) { $0[closed].quantity = 7 }
        #expect(Array(model(reopened, memo).positions) == Array(model(reopened, nil).positions))
    }
}
