import Foundation

/// Fires when a value crosses a threshold, then stays quiet until the value has come back past the threshold by
/// the hysteresis band: a value hovering at the line raises one alert, not one per poll.
struct ThresholdMonitor<Key: Hashable & Sendable>: Sendable {
    struct Threshold: Hashable, Sendable {
        enum Direction: Hashable, Sendable { case below, above }
        var direction: Direction
        var level: Decimal
        /// Where the rule arms again: on the safe side of `level`.
        var rearm: Decimal

        /// `band` is a fraction of the level's size, e.g. 0.1 re-arms a 10 % cushion rule at 11 %.
        init(_ direction: Direction, _ level: Decimal, band: Decimal) {
            self.direction = direction
            self.level = level
            let margin = abs(level) * band
            rearm = direction == .below ? level + margin : level - margin
        }

        func isBreached(by value: Decimal) -> Bool { direction == .below ? value < level : value > level }
        func isClear(_ value: Decimal) -> Bool { direction == .below ? value >= rearm : value <= rearm }
    }

    private var tripped: Set<Key> = []

    /// True when `value` has just crossed the threshold. An unknown value changes nothing.
    mutating func check(_ key: Key, value: Decimal?, against threshold: Threshold) -> Bool {
        guard let value else { return false }
        if tripped.contains(key) {
            if threshold.isClear(value) { tripped.remove(key) }
            return false
        }
        guard threshold.isBreached(by: value) else { return false }
        tripped.insert(key)
        return true
    }

    /// Forgets keys that no longer exist (a closed position), so they fire afresh if they come back.
    mutating func keep(only keys: (Key) -> Bool) {
        tripped = tripped.filter(keys)
    }
}
