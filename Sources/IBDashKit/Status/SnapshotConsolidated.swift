import Portfolio

/// All accounts converted into one currency at the rates their ledgers imply.
public struct SnapshotConsolidated: Codable, Hashable, Sendable {
    public var summary: SnapshotTotals
    /// The accounts summed up.
    @Sanitized public var accounts: [String]
    /// Currencies without a known rate: the accounts in them are left out of `summary`.
    @Sanitized public var missingRates: [String]

    public init(_ consolidated: ConsolidatedTotals) {
        summary = SnapshotTotals(consolidated.totals)
        accounts = consolidated.includedAccounts.map(\.rawValue)
        missingRates = consolidated.missingRates.sorted().map(\.code)
    }
}
