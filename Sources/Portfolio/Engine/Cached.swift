import Foundation

/// The last good value of one dataset, with when it was fetched and the last error beside it (never in place of it).
public struct Cached<Value: Sendable>: Sendable {
    public var value: Value?
    public var fetchedAt: Date?
    public var lastError: SourceError?
    public var lastErrorAt: Date?
    /// The cadence this dataset is refreshed at now (after stretching for pacing).
    public var cadence: Duration

    public init(
        value: Value? = nil, fetchedAt: Date? = nil, lastError: SourceError? = nil, lastErrorAt: Date? = nil,
        cadence: Duration
    ) {
        self.value = value
        self.fetchedAt = fetchedAt
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.cadence = cadence
    }

    public func freshness(at now: Date) -> Freshness {
        Freshness.of(fetchedAt: fetchedAt, lastErrorAt: lastErrorAt, cadence: cadence, now: now)
    }

    /// Stores a good value; the error stays on record but no longer marks the value stale.
    public mutating func store(_ value: Value, at time: Date) {
        self.value = value
        fetchedAt = time
    }

    /// Records a failure and keeps the last good value.
    public mutating func fail(_ error: SourceError, at time: Date) {
        lastError = error
        lastErrorAt = time
    }
}

extension Cached: Equatable where Value: Equatable {}
