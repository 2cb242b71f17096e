import Foundation
import Portfolio

extension HistorySnapshot {
    /// The history of several Flex queries as one: accounts side by side, and an account that two queries cover
    /// merged without counting anything twice. The snapshot is as old as its oldest part.
    static func merging(_ parts: [HistorySnapshot]) -> HistorySnapshot? {
        guard var result = parts.first else { return nil }
        for part in parts.dropFirst() {
            for (id, history) in part.accounts {
                result.accounts[id] = result.accounts[id].map { $0.merged(with: history) } ?? history
            }
            result.generatedAt = min(result.generatedAt, part.generatedAt)
        }
        return result
    }
}

extension AccountHistory {
    /// Both statements' rows: NAV by date (`other` wins a date both have), trades by id, cash transactions
    /// once each; open lots and the realized P&L from whichever statement reaches later.
    func merged(with other: AccountHistory) -> AccountHistory {
        let otherIsLater = (other.toDate ?? .distantPast) >= (toDate ?? .distantPast)
        let (earlier, later) = otherIsLater ? (self, other) : (other, self)
        var nav: [Date: NAVPoint] = [:]
        for point in self.nav + other.nav { nav[point.date] = point }
        var tradeIDs = Set<String>()
        let trades = (self.trades + other.trades).filter { tradeIDs.insert($0.id).inserted }
        var seenCash = Set<CashTransaction>()
        let cash = (cashTransactions + other.cashTransactions).filter { seenCash.insert($0).inserted }
        return AccountHistory(
            account: account, baseCurrency: baseCurrency.code.isEmpty ? other.baseCurrency : baseCurrency,
            fromDate: [fromDate, other.fromDate].compactMap { $0 }.min(),
            toDate: [toDate, other.toDate].compactMap { $0 }.max(),
            nav: nav.values.sorted { $0.date < $1.date },
            trades: trades.sorted { ($0.time ?? .distantPast) < ($1.time ?? .distantPast) },
            cashTransactions: cash.sorted { ($0.date ?? .distantPast) < ($1.date ?? .distantPast) },
            openLots: later.openLots.isEmpty ? earlier.openLots : later.openLots,
            realizedYearToDate: later.realizedYearToDate ?? earlier.realizedYearToDate)
    }
}
