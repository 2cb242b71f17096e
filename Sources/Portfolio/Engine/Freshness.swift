import Foundation

/// How much a value on screen can be trusted, by its age against its dataset's cadence (docs/design.md).
public struct Freshness: Hashable, Sendable, Comparable {
    /// Ordered from best to worst, so `max` gives the worst state of a pane.
    public enum Level: Int, Hashable, Sendable, Comparable {
        /// age ≤ cadence + grace
        case live
        /// between live and stale
        case aging
        /// nothing fetched yet and nothing failed yet
        case missing
        /// age ≥ 3 × cadence, or the last try failed while an older value is kept
        case stale
        /// the last try failed and there is no value to show
        case error

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var level: Level
    /// Age of the value shown; `nil` when there is none.
    public var age: Duration?

    public init(level: Level, age: Duration?) {
        self.level = level
        self.age = age
    }

    /// Slack on top of the cadence before a value stops counting as live: requests queue behind the pacing budget.
    public static let grace: Duration = .seconds(5)

    public static func of(
        fetchedAt: Date?, lastErrorAt: Date?, cadence: Duration, now: Date, grace: Duration = Freshness.grace
    ) -> Freshness {
        guard let fetchedAt else {
            return Freshness(level: lastErrorAt == nil ? .missing : .error, age: nil)
        }
        let age = max(.zero, now.since(fetchedAt))
        if let lastErrorAt, lastErrorAt > fetchedAt { return Freshness(level: .stale, age: age) }
        if age >= cadence * 3 { return Freshness(level: .stale, age: age) }
        if age <= cadence + grace { return Freshness(level: .live, age: age) }
        return Freshness(level: .aging, age: age)
    }

    public static func < (lhs: Freshness, rhs: Freshness) -> Bool {
        if lhs.level != rhs.level { return lhs.level < rhs.level }
        return (lhs.age ?? .zero) < (rhs.age ?? .zero)
    }
}
