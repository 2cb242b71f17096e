import Portfolio

/// How long and how often the Flex client waits and tries again (reference §5.4). Every delay but the pause
/// after 1018 gets ±`jitter`, so that several clients on one token drift apart.
public struct FlexRetryPolicy: Hashable, Sendable {
    /// The longest one query's fetch may take, from its SendRequest to its statement; generation of a large
    /// statement can take minutes (`--flex-max-wait`).
    public var maxWait: Duration
    /// From SendRequest's answer to the first GetStatement: polling at once draws 1020.
    public var firstPoll: Duration
    /// The delays between polls while the statement is generated; the last one repeats.
    public var pollDelays: [Duration]
    /// The delays before the 1st, 2nd, … retry after a passing failure; one retry per entry, then the fetch fails.
    public var transientDelays: [Duration]
    /// The pause of every request of the token after a 1018: the minute window must pass.
    public var rateLimitPause: Duration
    /// 1018 answers in a row before the fetch gives up.
    public var rateLimitAttempts: Int
    /// Before the one new SendRequest after 1017 or 1020.
    public var renewDelay: Duration
    /// The fraction by which delays vary at random, 0 to 1.
    public var jitter: Double

    public init(
        maxWait: Duration = .seconds(600), firstPoll: Duration = .seconds(5),
        pollDelays: [Duration] = [5, 5, 10, 10, 15, 15, 30].map { .seconds($0) },
        transientDelays: [Duration] = [30, 60, 120].map { .seconds($0) }, rateLimitPause: Duration = .seconds(60),
        rateLimitAttempts: Int = 3, renewDelay: Duration = .seconds(5), jitter: Double = 0.2
    ) {
        self.maxWait = maxWait
        self.firstPoll = firstPoll
        self.pollDelays = pollDelays.isEmpty ? [firstPoll] : pollDelays
        self.transientDelays = transientDelays
        self.rateLimitPause = rateLimitPause
        self.rateLimitAttempts = max(1, rateLimitAttempts)
        self.renewDelay = renewDelay
        self.jitter = min(1, max(0, jitter))
    }

    /// The delay after the `count`-th "not ready yet" answer in a row (1-based).
    func pollDelay(after count: Int) -> Duration {
        pollDelays[min(max(count, 1), pollDelays.count) - 1]
    }

    /// The delay before retry number `count` (1-based) after a passing failure; nil when the retries are spent.
    func transientDelay(before count: Int) -> Duration? {
        count >= 1 && count <= transientDelays.count ? transientDelays[count - 1] : nil
    }

    /// `delay` varied by up to ±`jitter`, never below zero.
    func jittered(_ delay: Duration, using generator: inout some RandomNumberGenerator) -> Duration {
        guard jitter > 0 else { return delay }
        let factor = 1 + Double.random(in: -jitter...jitter, using: &generator)
        return .seconds(max(0, delay.timeInterval * factor))
    }
}
