import Foundation

/// How much IBKR's rate limiting has stretched the cadences: a 429 on a dataset doubles that dataset's cadence, the
/// penalty box doubles everything's. Each factor halves again after a quiet spell, one step at a time.
struct Backoff: Hashable, Sendable {
    private(set) var factors: [Dataset: Int] = [:]
    private(set) var global = 1
    private var lastRaised: [Dataset?: Date] = [:]
    private var lastDoubled: [Dataset: Date] = [:]

    static let maximum = 16
    /// A factor relaxes one step when this long has passed since it last rose (or relaxed) and a fetch succeeds.
    static let quietSpell: Duration = .seconds(600)

    func factor(for dataset: Dataset) -> Int { (factors[dataset] ?? 1) * global }

    /// `dataset` nil: everything.
    mutating func raise(_ dataset: Dataset?, at time: Date) {
        if let dataset {
            factors[dataset] = min(Self.maximum, (factors[dataset] ?? 1) * 2)
        } else {
            global = min(Self.maximum, global * 2)
        }
        lastRaised[dataset] = time
    }

    /// Doubles `dataset`'s factor unless it doubled less than `window` ago (about its cadence): the fetches of
    /// several accounts that meet one 429 episode, IBKR's answer or the budget refusing while it lasts, slow the
    /// dataset down once, while 429s that go on double it again at every run. Returns true when it changed.
    mutating func raise(_ dataset: Dataset, at time: Date, unlessDoubledWithin window: Duration) -> Bool {
        if let last = lastDoubled[dataset], time.since(last) < window { return false }
        lastDoubled[dataset] = time
        raise(dataset, at: time)
        return true
    }

    /// Returns true when a factor changed.
    mutating func succeeded(_ dataset: Dataset?, at time: Date) -> Bool {
        var changed = false
        if let dataset, let factor = factors[dataset], factor > 1, quiet(dataset, at: time) {
            factors[dataset] = factor / 2 == 1 ? nil : factor / 2
            lastRaised[dataset] = time
            changed = true
        }
        if global > 1, quiet(nil, at: time) {
            global /= 2
            lastRaised[nil] = time
            changed = true
        }
        return changed
    }

    private func quiet(_ dataset: Dataset?, at time: Date) -> Bool {
        guard let raised = lastRaised[dataset] else { return true }
        return time.since(raised) >= Self.quietSpell
    }
}
