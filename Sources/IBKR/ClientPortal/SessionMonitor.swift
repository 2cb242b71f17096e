import Foundation
import Portfolio

/// The gateway session as ibdash knows it, and the calls IBKR wants made once per session before others:
/// `/portfolio/accounts` before any `/portfolio/{id}/…`, `/iserver/accounts` before orders, P&L and snapshots.
///
/// Losing the session (not logged in, unreachable, a new session id after a re-login) makes both prerequisites
/// due again; losing only the brokerage session (read-only, competing) makes the `/iserver` one due again.
public actor SessionMonitor {
    public private(set) var status = SessionStatus(state: .connecting)
    private var sessionID: String?
    /// Bumped whenever what the prerequisites were called for is gone.
    private var portfolioEpoch = 0
    private var brokerageEpoch = 0
    private var portfolioReadyEpoch: Int?
    private var brokerage: (epoch: Int, accounts: BrokerageAccounts)?
    private var ordersPrimedEpoch: Int?

    public init() {}

    public var state: SessionState { status.state }

    // MARK: Interpreting what the gateway says

    /// What a tickle says: a missing brokerage part means an SSO session only (read-only).
    public static func interpret(_ tickle: TickleAnswer) -> SessionStatus {
        let expiresIn = tickle.ssoExpiresMilliseconds.map { Duration.milliseconds($0) }
        guard let auth = tickle.authStatus else {
            return SessionStatus(state: .readOnly, message: "no brokerage session", expiresIn: expiresIn)
        }
        var status = interpret(auth)
        status.expiresIn = expiresIn
        return status
    }

    /// What `/iserver/auth/status` (or the tickle's copy of it) says about the brokerage session.
    public static func interpret(_ auth: AuthStatus) -> SessionStatus {
        let said = [auth.fail, auth.message].compactMap { $0 }.first { !$0.isEmpty }
        if auth.competing == true {
            return SessionStatus(
                state: .competing, message: said ?? "another platform (TWS, IBKR Mobile) holds the brokerage session")
        }
        if auth.authenticated == true {
            if auth.connected == false {
                return SessionStatus(state: .readOnly, message: said ?? "the gateway is not connected to IBKR")
            }
            return SessionStatus(state: .authenticated, message: said)
        }
        return SessionStatus(state: .readOnly, message: said ?? "no brokerage session")
    }

    /// The session state a failed call implies, when it implies one (401, `no session`, unreachable, timeout).
    public static func interpret(_ failure: SourceError) -> SessionStatus? {
        let text = failure.fix.map { "\(failure.message) — \($0)" } ?? failure.message
        switch failure.kind {
        case .notLoggedIn: return SessionStatus(state: .notLoggedIn, message: text)
        case .unreachable, .timeout: return SessionStatus(state: .unreachable, message: text)
        default: return nil
        }
    }

    // MARK: Recording

    /// Takes in a new status (and the gateway's session id, when the tickle gave one) and drops the
    /// prerequisites the change invalidates.
    @discardableResult
    public func record(_ new: SessionStatus, sessionID newID: String? = nil) -> SessionStatus {
        let old = status.state
        if let newID, let sessionID, newID != sessionID {
            dropPortfolio()
        }
        if let newID { sessionID = newID }
        switch new.state {
        case .notLoggedIn, .unreachable, .connecting:
            dropPortfolio()
            sessionID = nil
        case .readOnly, .competing:
            if old == .authenticated { dropBrokerage() }
        case .authenticated:
            if old != .authenticated && old != .connecting { dropBrokerage() }
        }
        status = new
        return new
    }

    /// A call failed: a 401 or a missing brokerage session there says as much as a tickle would.
    public func noteFailure(_ error: SourceError) {
        if let implied = Self.interpret(error), implied.state == .notLoggedIn {
            record(implied)
        } else if error.kind == .brokerageUnavailable, status.state == .authenticated {
            record(SessionStatus(state: .readOnly, message: error.message))
        }
    }

    private func dropPortfolio() {
        portfolioEpoch += 1
        dropBrokerage()
    }

    private func dropBrokerage() {
        brokerageEpoch += 1
        brokerage = nil
    }

    // MARK: Prerequisites

    /// The epoch a prerequisite call is made in; marking it done for an older epoch has no effect.
    public var currentPortfolioEpoch: Int { portfolioEpoch }
    public var currentBrokerageEpoch: Int { brokerageEpoch }

    public var portfolioReady: Bool { portfolioReadyEpoch == portfolioEpoch }

    public func markPortfolioReady(epoch: Int) {
        if epoch == portfolioEpoch { portfolioReadyEpoch = epoch }
    }

    /// The `/iserver/accounts` answer of this brokerage session, with the selection kept current.
    public var brokerageAccounts: BrokerageAccounts? {
        guard let brokerage, brokerage.epoch == brokerageEpoch else { return nil }
        return brokerage.accounts
    }

    public func storeBrokerageAccounts(_ accounts: BrokerageAccounts, epoch: Int) {
        if epoch == brokerageEpoch { brokerage = (epoch, accounts) }
    }

    public func noteSelected(_ account: AccountID) {
        brokerage?.accounts.selectedAccount = account
    }

    /// True for the first orders call of a brokerage session, which IBKR answers empty or partial.
    public var ordersNeedPreflight: Bool { ordersPrimedEpoch != brokerageEpoch }

    public func markOrdersPrimed(epoch: Int) {
        if epoch == brokerageEpoch { ordersPrimedEpoch = epoch }
    }
}
