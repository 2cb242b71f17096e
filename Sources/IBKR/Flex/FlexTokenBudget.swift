import Foundation
import Portfolio
import Synchronization

/// The pacing budget of one Flex token: IBKR allows 1 request a second and 10 a minute per token, SendRequest and
/// GetStatement counted together. Every Flex request of the process waits here for its slot, whichever query,
/// history source or command sends it, so the limit holds by construction.
///
/// A 1018 ("too many requests") pauses the token for everyone; a 1025 lockout refuses every request for hours.
public actor FlexTokenBudget {
    /// IBKR's limits, plus a margin for the clocks of both ends.
    public static let policy = PacingPolicy(
        overall: PacingRule(10, per: .seconds(60)), endpoints: [pacingKey: PacingRule(1, per: .seconds(1))],
        margin: .milliseconds(250))

    /// How long a 1025 lockout keeps every request of the token back: IBKR speaks of hours, and each further
    /// request is said to extend it.
    public static let lockoutDuration: Duration = .seconds(6 * 3600)

    private static let pacingKey = "Flex"
    private static let registry = Mutex<[Secret: FlexTokenBudget]>([:])

    public nonisolated let time: any TimeSource
    private let requests: RequestBudget
    private var pausedUntil: Date?
    private var lockout: (until: Date, error: SourceError)?

    public init(time: any TimeSource) {
        self.time = time
        requests = RequestBudget(time: time, policy: Self.policy)
    }

    /// The process's one budget for `token`; the first caller's clock is the budget's clock.
    public static func shared(for token: Secret, time: any TimeSource) -> FlexTokenBudget {
        registry.withLock { budgets in
            if let budget = budgets[token] { return budget }
            let budget = FlexTokenBudget(time: time)
            budgets[token] = budget
            return budget
        }
    }

    /// Waits until a request may be sent: after any pause, in a free slot of both limits, first come first served.
    /// - Parameter endpoint: what the request is for, for the error message.
    /// - Throws: the lockout's error while the token is locked out; `CancellationError`.
    public func acquire(for endpoint: String) async throws {
        while true {
            if let lockout, lockout.until > time.now { throw lockout.error }
            if let pausedUntil, pausedUntil > time.now {
                try await time.sleep(until: pausedUntil)
                continue
            }
            _ = try await requests.acquire(Self.pacingKey, path: endpoint)
            // A pause that began while this caller waited for its slot holds it back too; the slot stays spent.
            if let pausedUntil, pausedUntil > time.now { continue }
            return
        }
    }

    /// Holds every request of the token back until `until` (after IBKR's 1018).
    public func pause(until: Date) {
        pausedUntil = max(pausedUntil ?? until, until)
    }

    /// Refuses every request of the token with `error` for `lockoutDuration` (after IBKR's 1025).
    public func lockOut(with error: SourceError) {
        lockout = (time.now.adding(Self.lockoutDuration), error)
    }
}
