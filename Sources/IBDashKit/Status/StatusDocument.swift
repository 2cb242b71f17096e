import Foundation
import Portfolio

/// The few numbers `ibdash status-line` shows, as the dashboard's socket answers `status` (version 1): small, so
/// that a status bar asking every few seconds costs next to nothing. Same conventions as `SnapshotDocument`.
public struct StatusDocument: Codable, Hashable, Sendable {
    public var version: Int
    public var generatedAt: Date
    public var session: SessionCode
    /// The consolidated currency; `null` before any account is known.
    @Sanitized public var currency: String?
    @DecimalText public var netLiquidation: Decimal?
    @DecimalText public var dailyPnl: Decimal?
    /// Of the prior close's net liquidation, in percent.
    @DecimalText public var dailyPnlPercent: Decimal?
    /// The worst freshness of the data behind these numbers (every account's summary, ledger and P&L).
    public var freshness: FreshnessWord
    /// The age of the oldest of that data, in whole seconds.
    @Nullable public var ageSeconds: Int?
    public var accounts: Int
    /// Currencies without a known rate: the accounts in them are left out of the totals.
    @Sanitized public var missingRates: [String]

    public init(
        generatedAt: Date, session: SessionCode, currency: String?, netLiquidation: Decimal?, dailyPnl: Decimal?,
        dailyPnlPercent: Decimal?, freshness: FreshnessWord, ageSeconds: Int?, accounts: Int, missingRates: [String]
    ) {
        version = SnapshotDocument.currentVersion
        self.generatedAt = generatedAt
        self.session = session
        self.currency = currency
        self.netLiquidation = netLiquidation
        self.dailyPnl = dailyPnl
        self.dailyPnlPercent = dailyPnlPercent
        self.freshness = freshness
        self.ageSeconds = ageSeconds
        self.accounts = accounts
        self.missingRates = missingRates
    }

    public init(state: DashboardState, at now: Date) {
        let totals = state.consolidated.map { SnapshotTotals($0.totals) }
        // Net liquidation and the day's P&L come from the summary, the ledger and the P&L datasets.
        let freshness = state.accounts.flatMap { account in
            [Dataset.summary, .ledger, .pnl].compactMap { account.freshness(of: $0, at: now) }
        }
        self.init(
            generatedAt: now, session: SessionCode(state.connection.session), currency: totals?.currency,
            netLiquidation: totals?.netLiquidation, dailyPnl: totals?.dailyPnl,
            dailyPnlPercent: totals?.dailyPnlPercent, freshness: freshness.map(\.level).max().map(FreshnessWord.init) ?? .missing,
            ageSeconds: freshness.compactMap(\.age).max()?.wholeSeconds, accounts: state.accounts.count,
            missingRates: state.consolidated?.missingRates.sorted().map(\.code) ?? [])
    }
}
