import Foundation
import Portfolio

/// Everything `ibdash snapshot` reports, as the dashboard's socket serves it and `--json` prints it (version 1).
///
/// The shape is stable: every key is always present, `null` when its value is unknown. Amounts are exact decimal
/// strings (`"-1234.5"`), times ISO 8601 in UTC, ages whole seconds. New keys may be added within version 1; a
/// change to an existing key raises the version.
public struct SnapshotDocument: Codable, Hashable, Sendable {
    public static let currentVersion = 1

    /// Where the numbers came from.
    public enum Source: String, Codable, Hashable, Sendable {
        /// The running dashboard's cache: no request was sent for this snapshot.
        case dashboard
        /// Fetched once from the gateway because no dashboard was running.
        case gateway
    }

    public var version: Int
    public var source: Source
    /// When the ages below were measured.
    public var generatedAt: Date
    public var connection: SnapshotConnection
    /// All accounts in one currency; `null` with `--account`, or before any account is known.
    @Nullable public var consolidated: SnapshotConsolidated?
    /// In the dashboard's account-bar order.
    public var accounts: [SnapshotAccount]

    public init(
        source: Source, generatedAt: Date, connection: SnapshotConnection, consolidated: SnapshotConsolidated?,
        accounts: [SnapshotAccount]
    ) {
        version = Self.currentVersion
        self.source = source
        self.generatedAt = generatedAt
        self.connection = connection
        self.consolidated = consolidated
        self.accounts = accounts
    }

    /// The dashboard's state with every age measured at `now` (not when the state was published).
    public init(state: DashboardState, at now: Date, source: Source) {
        self.init(
            source: source, generatedAt: now, connection: SnapshotConnection(state.connection),
            consolidated: state.consolidated.map(SnapshotConsolidated.init),
            accounts: state.accounts.map { SnapshotAccount($0, at: now) })
    }

    /// Only `account`, without the consolidated totals; `nil` when there is no such account.
    public func only(_ account: AccountID) -> SnapshotDocument? {
        guard let match = accounts.first(where: { $0.id == account.rawValue }) else { return nil }
        var document = self
        document.consolidated = nil
        document.accounts = [match]
        return document
    }
}
