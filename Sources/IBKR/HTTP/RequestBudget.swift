import Foundation
import Portfolio

/// The one budget every request to the gateway goes through, so no caller can exceed IBKR's pacing limits.
///
/// Callers wait for a slot rather than fail; a later caller never delays an earlier one. After a 429 the
/// endpoint backs off (15 s, doubling, capped) and calls to it fail fast with `.rateLimited`; repeated episodes
/// within a minute mean IBKR's penalty box, and then every call fails fast with `.penaltyBox` for 15 minutes.
public actor RequestBudget {
    /// Proof that a request was let through, and when: a 429 for a request sent before the current backoff
    /// began belongs to that backoff and does not start another.
    public struct Grant: Hashable, Sendable {
        public let endpoint: String
        public let time: Date
    }

    public nonisolated let policy: PacingPolicy
    /// The clock the budget paces by, for callers that keep their own spacing.
    public nonisolated let time: any TimeSource
    private var calendar = SlotCalendar()
    private var penaltyBox: BackoffState.Episode?
    private var endpointBackoff: [String: BackoffState.Episode] = [:]
    private var strikes: [String: Int] = [:]
    private var recentEpisodeStarts: [Date] = []
    private var lastEpisodeID = 0

    public init(time: any TimeSource, policy: PacingPolicy = .clientPortal) {
        self.time = time
        self.policy = policy
    }

    /// Waits for a slot for a request to `endpoint` (its path template), first come first served.
    /// - Parameter path: the concrete path, for the error message.
    /// - Throws: `SourceError` `.rateLimited` or `.penaltyBox` at once while in backoff; `CancellationError`.
    public func acquire(_ endpoint: String, path: String) async throws -> Grant {
        try refuseDuringBackoff(endpoint, path: path)
        let now = time.now
        let rules = policy.rules(for: endpoint)
        calendar.forget(before: now.adding(.zero - longestWindow))
        var slot = calendar.earliestSlot(from: now, rules: rules, margin: policy.margin)
        calendar.book(slot, rules: rules.keys)
        while slot > time.now {
            do {
                try await time.sleep(until: slot)
                // A backoff may have begun while this caller waited: it must not be the next 429.
                try refuseDuringBackoff(endpoint, path: path)
            } catch {
                calendar.release(slot, rules: rules.keys)
                throw error
            }
            // An answer that came while this caller waited may have moved an earlier booking closer to this one.
            calendar.release(slot, rules: rules.keys)
            slot = calendar.earliestSlot(from: slot, rules: rules, margin: policy.margin)
            calendar.book(slot, rules: rules.keys)
        }
        return Grant(endpoint: endpoint, time: slot)
    }

    /// Records that the request of `grant` had its answer (or failed) at `time`. It reached the gateway somewhere
    /// between its grant and then, and IBKR counts it when it arrives: the booking moves to `time`, so that a
    /// request slowed on its way (a new TLS connection on a busy machine) cannot bring the next one closer to it
    /// than IBKR's window.
    public func answered(_ grant: Grant, at time: Date) {
        guard time > grant.time else { return }
        let rules = policy.rules(for: grant.endpoint).keys
        calendar.release(grant.time, rules: rules)
        calendar.book(time, rules: rules)
    }

    /// What an answer to a granted request needs, in one visit to the budget: `answered`, then
    /// `recordTooManyRequests` for a 429 (its error returned) or `recordSuccess`.
    public func settle(_ grant: Grant, status: Int, at time: Date, path: String) -> SourceError? {
        answered(grant, at: time)
        if status == 429 { return recordTooManyRequests(grant, path: path) }
        recordSuccess(grant)
        return nil
    }

    /// Records IBKR's 429 for a granted request and returns the error to report for it.
    public func recordTooManyRequests(_ grant: Grant, path: String) -> SourceError {
        let now = time.now
        if let box = penaltyBox, box.until > now { return penaltyError(box, path: path) }
        if let current = endpointBackoff[grant.endpoint], grant.time < current.started || current.until > now {
            return rateLimitedError(current, path: path)
        }
        let strike = strikes[grant.endpoint, default: 0] + 1
        strikes[grant.endpoint] = strike
        let length = min(policy.backoffCap, policy.backoffStart * (1 << min(strike - 1, 16)))
        let episode = newEpisode(endpoint: grant.endpoint, started: now, length: length, strike: strike)
        endpointBackoff[grant.endpoint] = episode

        recentEpisodeStarts.append(now)
        recentEpisodeStarts.removeAll { now.since($0) > policy.penaltyWindow }
        if recentEpisodeStarts.count >= policy.penaltyStrikes {
            recentEpisodeStarts.removeAll()
            let box = newEpisode(endpoint: nil, started: now, length: policy.penaltyDuration, strike: 1)
            penaltyBox = box
            return penaltyError(box, path: path)
        }
        return rateLimitedError(episode, path: path)
    }

    /// Records an answer that was not a 429: the endpoint's backoff no longer grows from here.
    public func recordSuccess(_ grant: Grant) {
        if let current = endpointBackoff[grant.endpoint], grant.time < current.until { return }
        strikes[grant.endpoint] = nil
        endpointBackoff[grant.endpoint] = nil
    }

    /// The backoffs in force now.
    public var backoff: BackoffState {
        let now = time.now
        return BackoffState(
            penaltyBox: penaltyBox.flatMap { $0.until > now ? $0 : nil },
            endpoints: endpointBackoff.filter { $0.value.until > now })
    }

    private func refuseDuringBackoff(_ endpoint: String, path: String) throws(SourceError) {
        let now = time.now
        if let box = penaltyBox, box.until > now { throw penaltyError(box, path: path) }
        if let episode = endpointBackoff[endpoint], episode.until > now { throw rateLimitedError(episode, path: path) }
    }

    private func newEpisode(endpoint: String?, started: Date, length: Duration, strike: Int) -> BackoffState.Episode {
        lastEpisodeID += 1
        return BackoffState.Episode(
            id: lastEpisodeID, endpoint: endpoint, started: started, until: started.adding(length), strike: strike)
    }

    private var longestWindow: Duration {
        policy.endpoints.values.map(\.window).reduce(policy.overall.window, max) + policy.margin
    }

    // The messages depend only on the episode, so every refusal within one episode reads the same.
    private func rateLimitedError(_ episode: BackoffState.Episode, path: String) -> SourceError {
        SourceError(
            .rateLimited, endpoint: path,
            message: "IBKR answered 429 (too many requests); this endpoint pauses for \(words(episode.duration))")
    }

    private func penaltyError(_ episode: BackoffState.Episode, path: String) -> SourceError {
        SourceError(
            .penaltyBox, endpoint: path,
            message: "IBKR's pacing penalty after repeated 429 answers: every request pauses for "
                + words(episode.duration),
            fix: "wait; requests resume by themselves, and restarting does not shorten the penalty")
    }

    private func words(_ duration: Duration) -> String {
        let seconds = Int(duration.timeInterval.rounded())
        return seconds >= 60 && seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds) s"
    }
}
