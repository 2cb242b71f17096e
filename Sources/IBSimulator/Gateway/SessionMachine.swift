import Foundation

/// The gateway session: login state, idle expiry, the daily reset and asynchronous re-authentication.
/// Time-driven changes are applied when the machine is next evaluated, so no timer runs in the background.
struct SessionMachine: Sendable {
    private(set) var state: SimulatedSession
    /// 32 hex digits, new with every login.
    private(set) var sessionID: String
    private(set) var userID: Int
    private(set) var loggedInAt: Date
    private(set) var lastActivity: Date
    private(set) var reauthenticationDue: Date?
    private(set) var nextReset: Date?
    var flags = SessionFlags()
    private var random: SeededRandom

    init(state: SimulatedSession, now: Date, reset: DailyReset?, random: SeededRandom) {
        self.random = random
        self.state = state
        sessionID = ""
        userID = 0
        loggedInAt = now
        lastActivity = now
        nextReset = reset?.next(after: now)
        sessionID = newSessionID()
        userID = 10_000_000 + Int(self.random.next() % 89_999_999)
    }

    var hasSSO: Bool { state != .noSession }

    /// Applies whatever time has done since the last request: expiry, reset, re-authentication.
    mutating func evaluate(at now: Date, idleTimeout: Duration, reset: DailyReset?) {
        if let due = nextReset, now >= due {
            state = .noSession
            reauthenticationDue = nil
            nextReset = reset?.next(after: now)
        }
        if hasSSO, now.timeIntervalSince(lastActivity) >= idleTimeout.seconds {
            state = .noSession
            reauthenticationDue = nil
        }
        if let due = reauthenticationDue, now >= due {
            reauthenticationDue = nil
            if state == .readOnly { enterBrokerage() }
        }
    }

    /// Any request made with a live session keeps it alive.
    mutating func touch(at now: Date) {
        if hasSSO { lastActivity = now }
    }

    /// Milliseconds left before the session expires for idleness.
    func ssoRemaining(at now: Date, idleTimeout: Duration) -> Int {
        max(0, Int(((idleTimeout.seconds - now.timeIntervalSince(lastActivity)) * 1000).rounded(.down)))
    }

    /// Moves to `newState`; coming from no session it is a new login.
    mutating func set(_ newState: SimulatedSession, at now: Date) {
        let wasLoggedIn = hasSSO
        let hadBrokerage = state == .brokerage
        state = newState
        reauthenticationDue = nil
        if !wasLoggedIn && newState != .noSession {
            sessionID = newSessionID()
            loggedInAt = now
            lastActivity = now
            flags = SessionFlags()
        }
        if newState == .brokerage && !hadBrokerage { flags.resetBrokerage() }
    }

    mutating func scheduleReauthentication(at due: Date) { reauthenticationDue = due }

    /// Ends the session now, as the daily reset does.
    mutating func reset(at now: Date, next reset: DailyReset?) {
        state = .noSession
        reauthenticationDue = nil
        nextReset = reset?.next(after: now)
    }

    private mutating func enterBrokerage() {
        state = .brokerage
        flags.resetBrokerage()
    }

    private mutating func newSessionID() -> String {
        String(format: "%016llx%016llx", random.next(), random.next())
    }
}

extension Duration {
    /// Seconds as a floating-point number.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
