import Foundation
import Portfolio

/// How old one dataset of an account is, and whether it can be trusted.
public struct DatasetAge: Codable, Hashable, Sendable {
    public var freshness: FreshnessWord
    /// Whole seconds since the value was fetched; `null` when there is none.
    @Nullable public var ageSeconds: Int?
    @Nullable public var fetchedAt: Date?
    /// How often the dataset is refreshed now.
    public var cadenceSeconds: Int
    /// The last failure, when the last try failed.
    @Sanitized public var error: String?

    public init(freshness: FreshnessWord, ageSeconds: Int?, fetchedAt: Date?, cadenceSeconds: Int, error: String?) {
        self.freshness = freshness
        self.ageSeconds = ageSeconds
        self.fetchedAt = fetchedAt
        self.cadenceSeconds = cadenceSeconds
        self.error = error
    }

    public init<Value>(_ cached: Cached<Value>, at now: Date) {
        let freshness = cached.freshness(at: now)
        let failedLast = cached.lastErrorAt.map { failed in cached.fetchedAt.map { failed > $0 } ?? true } ?? false
        self.init(
            freshness: FreshnessWord(freshness.level), ageSeconds: freshness.age?.wholeSeconds,
            fetchedAt: cached.fetchedAt, cadenceSeconds: cached.cadence.wholeSeconds,
            error: failedLast ? cached.lastError?.description : nil)
    }

    /// The age as the dashboard shows it: `4s`, `2m 5s`, `1h 10m`.
    public var ageText: String? { ageSeconds.map { Duration.seconds($0).shortText } }
}
