import Foundation
import Portfolio

/// Each position's valuation and sort key, kept while the position, its quote and its account's rates stay the
/// same: when one price moves, one position is valued again, not a thousand.
public final class PositionMemo {
    /// What every position of one account is valued with.
    public struct Context: Hashable, Sendable {
        var rates: FXRates
        var netLiquidation: Decimal?
        var mode: CurrencyMode
        var consolidation: PositionLine.Consolidation?
    }

    /// A reference, so that the lists and the memo share one copy of each (large) line.
    final class Entry {
        let position: Position
        let quote: MarketQuote?
        let line: PositionLine
        private var sortKey: (column: Column, key: SortKey?)?
        fileprivate var pass: Int

        init(position: Position, quote: MarketQuote?, line: PositionLine, pass: Int) {
            self.position = position
            self.quote = quote
            self.line = line
            self.pass = pass
        }

        /// The line's sort key for `column`, computed once per valuation.
        func sortKey(_ column: Column) -> SortKey? {
            if let sortKey, sortKey.column == column { return sortKey.key }
            let key = DashboardModel.positionSortKey(line, column)
            sortKey = (column, key)
            return key
        }
    }

    private var contexts: [AccountID: Context] = [:]
    private var entries: [PositionID: Entry] = [:]
    private var pass = 0

    public init() {}

    /// Before the positions of one account: a new context (rates, net liquidation, currency) values them all again.
    func begin(_ account: AccountID, context: Context) {
        guard contexts[account] != context else { return }
        contexts[account] = context
        entries = entries.filter { $0.key.account != account }
    }

    func entry(for position: Position, quote: MarketQuote?, context: Context) -> Entry {
        if let entry = entries[position.id], entry.position == position, entry.quote == quote {
            entry.pass = pass
            return entry
        }
        let valued = ValuedPosition(
            position: position, rates: context.rates, netLiquidation: context.netLiquidation, quote: quote)
        let line = PositionLine(valued: valued, rates: context.rates, mode: context.mode, consolidation: context.consolidation)
        let entry = Entry(position: position, quote: quote, line: line, pass: pass)
        entries[position.id] = entry
        return entry
    }

    /// Forgets the positions the last pass over the lists did not see (closed, or another account's).
    func finishPass() {
        if entries.count > 64 { entries = entries.filter { $0.value.pass == pass } }
        pass += 1
    }
}
