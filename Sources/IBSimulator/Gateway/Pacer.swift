import Foundation

/// Enforces the pacing limits with the generic cell rate algorithm (a token bucket in time form): a request
/// conforms when it comes no earlier than its theoretical arrival time less the burst allowance and `tolerance`.
/// The tolerance absorbs clock jitter between a client's timer and the server's (tens of milliseconds) and is
/// never large enough to let a second request per interval through.
struct Pacer: Sendable {
    let tolerance: Duration
    private var theoreticalArrival: [String: Date] = [:]

    init(tolerance: Duration) { self.tolerance = tolerance }

    /// Admits the request against every limit in `limits` (keyed), or against none of them.
    mutating func admit(_ limits: [(key: String, limit: PacingLimit)], at now: Date) -> Bool {
        for (key, limit) in limits where !conforms(key: key, limit: limit, at: now) { return false }
        for (key, limit) in limits {
            let arrival = theoreticalArrival[key] ?? now
            theoreticalArrival[key] = max(arrival, now).addingTimeInterval(limit.interval.seconds)
        }
        return true
    }

    private func conforms(key: String, limit: PacingLimit, at now: Date) -> Bool {
        guard let arrival = theoreticalArrival[key] else { return true }
        let allowance = limit.interval.seconds * Double(limit.burst - 1) + tolerance.seconds
        return now >= arrival.addingTimeInterval(-allowance)
    }
}
