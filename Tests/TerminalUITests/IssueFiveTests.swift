import Foundation
import Portfolio
import Testing

@testable import TerminalUI

/// What a user saw wrong in the demo (issue 5), each checked on what is drawn.
@Suite struct IssueFiveTests {
    func painter() throws -> Painter {
        Painter(theme: try ThemeFixtures.theme("default"), privacy: false, clock: .utc, flashes: nil)
    }

    @Test func aChangeThatRoundsToZeroIsNeitherGainNorLoss() throws {
        let painter = try painter()
        let compact = painter.change(Decimal(string: "0.3"), compact: true)
        #expect(compact.text == "0")
        #expect(compact.role == .neutral)
        #expect(painter.change(Decimal(string: "-0.004")).role == .neutral)
        #expect(painter.change(Decimal(string: "0.01")).role == .gain)
        #expect(painter.change(Decimal(string: "-2")).role == .loss)
    }
}

extension IssueFiveTests {
    @Test func aTradeShowsItsSideAndAnUnsignedQuantity() throws {
        let sell = Trade(
            id: "1", account: "U1", conid: 1, symbol: "XOM", assetClass: .stock, currency: .usd, time: nil, side: .sell,
            quantity: -98, price: 110)
        let lines = TradeTable.lines([sell], showAccount: false, painter: try painter(), width: 120)
        let row = lines.last.map { $0.spans.map(\.text).joined() } ?? ""
        #expect(row.contains("SELL"))
        #expect(row.contains("98"))
        #expect(!row.contains("-98"))
    }
}
