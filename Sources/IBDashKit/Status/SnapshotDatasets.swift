import Foundation
import Portfolio

/// The age of each dataset an account's report is made of.
public struct SnapshotDatasets: Codable, Hashable, Sendable {
    public var summary: DatasetAge
    public var ledger: DatasetAge
    public var pnl: DatasetAge
    public var positions: DatasetAge
    public var orders: DatasetAge

    public init(summary: DatasetAge, ledger: DatasetAge, pnl: DatasetAge, positions: DatasetAge, orders: DatasetAge) {
        self.summary = summary
        self.ledger = ledger
        self.pnl = pnl
        self.positions = positions
        self.orders = orders
    }

    public init(_ account: AccountState, at now: Date) {
        self.init(
            summary: DatasetAge(account.summary, at: now), ledger: DatasetAge(account.ledger, at: now),
            pnl: DatasetAge(account.pnl, at: now), positions: DatasetAge(account.positions, at: now),
            orders: DatasetAge(account.orders, at: now))
    }

    /// In the order reports list them, with the names scripts use.
    public var all: [(name: String, age: DatasetAge)] {
        [("summary", summary), ("ledger", ledger), ("pnl", pnl), ("positions", positions), ("orders", orders)]
    }
}
