import Foundation
import Portfolio

/// One account: who it is, its headline numbers, its positions and orders, and how old each part is.
public struct SnapshotAccount: Codable, Hashable, Sendable {
    @Sanitized public var id: String
    @Sanitized public var name: String
    @Sanitized public var baseCurrency: String
    /// IBKR's account type, e.g. `INDIVIDUAL`.
    @Sanitized public var type: String
    public var paper: Bool
    public var summary: SnapshotTotals
    public var datasets: SnapshotDatasets
    /// Empty until the positions have been fetched: `datasets.positions` says which.
    public var positions: [SnapshotPosition]
    /// Working and recent orders; empty until fetched.
    public var orders: [SnapshotOrder]

    public init(_ state: AccountState, at now: Date) {
        id = state.account.id.rawValue
        name = state.account.displayName
        baseCurrency = state.account.baseCurrency.code
        type = state.account.type
        paper = state.account.isPaper
        summary = SnapshotTotals(state.totals)
        datasets = SnapshotDatasets(state, at: now)
        positions = state.valuedPositions.map(SnapshotPosition.init)
        orders = (state.orders.value ?? []).map(SnapshotOrder.init)
    }
}
