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
