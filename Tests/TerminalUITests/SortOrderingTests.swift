import Foundation
import Testing

@testable import TerminalUI

/// Every way of sorting rows gives the one order `DashboardModel.precedes` defines: by key in the chosen
/// direction, rows without a key last, equal keys in their natural order.
@Suite struct SortOrderingTests {
    /// The order by `precedes` alone, comparison by comparison.
    private func reference(_ keys: [SortKey?], _ order: TerminalUI.SortOrder) -> [Int] {
        keys.indices.sorted { DashboardModel.precedes($0, $1, keys: keys, by: order) }
    }

    /// Keys from a seeded generator: few distinct numbers (many ties), negatives, zero of both signs, and no key.
    private func numbers(_ count: Int, seed: UInt64) -> [SortKey?] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let draw = Int(state >> 33) % 23
            switch draw {
            case 0, 1: return nil
            case 2: return .number(-0.0)
            default: return .number(Double(draw - 12) * 1.5)
            }
        }
    }

    @Test(arguments: [false, true])
    func numbersSortAsTheReferenceDoes(descending: Bool) {
        let order = TerminalUI.SortOrder(column: .marketValue, descending: descending)
        for seed in 1...20 as ClosedRange<UInt64> {
            let keys = numbers(300, seed: seed)
            #expect(DashboardModel.sortedIndices(keys, by: order, hint: nil) == reference(keys, order))
        }
        // Not a number: sorted by the reference rule, whatever it makes of it.
        var odd = numbers(100, seed: 3)
        odd[5] = .number(.nan)
        #expect(DashboardModel.sortedIndices(odd, by: order, hint: nil) == reference(odd, order))
    }

    @Test(arguments: [false, true])
    func textAndNumbersMixedSortAsTheReferenceDoes(descending: Bool) {
        let order = TerminalUI.SortOrder(column: .symbol, descending: descending)
        var keys = numbers(200, seed: 7)
        for index in stride(from: 0, to: keys.count, by: 3) { keys[index] = .word(["msft", "AAPL", "sap"][index % 3]) }
        #expect(DashboardModel.sortedIndices(keys, by: order, hint: nil) == reference(keys, order))
    }
}
