import Foundation
import IBSimulator
import Portfolio
import Testing

@testable import IBKR

/// Session states of reference §1.4 as the simulator plays them: nobody logged in, read-only, competing, gateway
/// down and back. Portfolio data keeps coming whenever an SSO session exists, `/iserver` data stops without a
/// brokerage session, and the prerequisites run again after the session was lost.
@Suite(.timeLimit(.minutes(3))) struct ClientSessionTests {
    @Test(arguments: ["unauthorized", "errorBody"])
    func nobodyLoggedInIsNotLoggedInAndALoginRunsThePrerequisitesAgain(tickle: String) async throws {
        try await SimulatedGateway.withSession { gateway, source, accounts in
            let account = try #require(accounts.first)
            _ = try await source.summary(for: account)
            try await gateway.control(#"{"command":"settings","noSessionTickle":"\#(tickle)"}"#)
            try await gateway.control(#"{"command":"session","state":"noSession"}"#)

            let status = try await source.checkSession()
            #expect(status.state == .notLoggedIn)
            #expect(status.message?.contains("log in at https://127.0.0.1:") == true, "\(status.message ?? "")")
            let before = try await gateway.statistics()
            let refused = await sourceError { try await source.summary(for: account) }
            #expect(refused?.kind == .notLoggedIn)
            #expect(refused?.endpoint == "/portfolio/\(account)/summary")
            // Refused without asking: a logged-out gateway is not polled with calls that cannot work.
            #expect(try await gateway.statistics().since(before).totalRequests == 0)

            try await gateway.control(#"{"command":"session","state":"brokerage"}"#)
            #expect(try await source.checkSession().state == .authenticated)
            #expect(try await source.summary(for: account).netLiquidation != nil)
            _ = try await source.pnl(for: account)
            let seen = try await gateway.statistics()
            #expect(seen.requests("GET /portfolio/accounts") == 2)
            #expect(seen.requests("GET /iserver/accounts") == 1)
            #expect(seen.totalPacingViolations == 0)
        }
    }

    @Test(arguments: ["unauthorized", "noBridge"])
    func readOnlyKeepsPortfolioDataAndStopsBrokerageData(refusal: String) async throws {
        try await SimulatedGateway.withSession { gateway, source, accounts in
            try await gateway.control(#"{"command":"settings","brokerageRefusal":"\#(refusal)"}"#)
            let account = try #require(accounts.first)
            _ = try await source.pnl(for: account)

            // The brokerage session ends while the client still believes in it: the next /iserver call is
            // refused, and that says the brokerage session is gone, not that nobody is logged in.
            try await gateway.control(#"{"command":"session","state":"readOnly"}"#)
            let refused = await sourceError { try await source.orders(for: account) }
            #expect(refused?.kind == .brokerageUnavailable, "\(refused?.description ?? "no error")")
            #expect(await source.monitor.state == .readOnly)
            #expect(try await source.summary(for: account).netLiquidation != nil)

            let status = try await source.checkSession()
            #expect(status.state == .readOnly)
            #expect(try await source.ledger(for: account).base != nil)
            #expect(try await !source.positions(for: account).isEmpty)
            let before = try await gateway.statistics()
            let stopped = await sourceError { try await source.pnl(for: account) }
            #expect(stopped?.kind == .brokerageUnavailable)
            #expect(try await gateway.statistics().since(before).totalRequests == 0)

            try await gateway.control(#"{"command":"session","state":"brokerage"}"#)
            #expect(try await source.checkSession().state == .authenticated)
            #expect(try await source.pnl(for: account).netLiquidation != nil)
            let seen = try await gateway.statistics()
            // A new brokerage session: /iserver/accounts again before its calls.
            #expect(seen.requests("GET /iserver/accounts") == 2)
            #expect(seen.requests("GET /portfolio/accounts") == 1)
            #expect(seen.totalPacingViolations == 0)
        }
    }

    @Test func aReadOnlySessionGetsItsBrokerageSessionBackWithoutTakingOneFromAnotherPlatform() async throws {
        try await SimulatedGateway.withSession { gateway, source, accounts in
            let account = try #require(accounts.first)
            try await gateway.control(#"{"command":"session","state":"readOnly"}"#)
            let readOnly = try await source.checkSession()
            #expect(readOnly.state == .readOnly && readOnly.message?.contains("asked the gateway to reopen") == true)
            // The simulator reopens it after its reauthentication delay (3 s).
            try await Task.sleep(for: .seconds(4))
            #expect(try await source.checkSession().state == .authenticated)
            #expect(try await source.pnl(for: account).netLiquidation != nil)

            try await gateway.control(#"{"command":"session","state":"competing"}"#)
            #expect(try await source.checkSession().state == .competing)
            let seen = try await gateway.statistics()
            #expect(seen.requests("POST /iserver/reauthenticate") == 1)
            #expect(seen.requests("POST /iserver/auth/ssodh/init") == 0)
            #expect(seen.totalPacingViolations == 0)
        }
    }

    @Test(arguments: ["emptyObject", "refused"])
    func aCompetingSessionKeepsPortfolioDataAndStopsBrokerageData(accounts: String) async throws {
        try await SimulatedGateway.withSession(configuring: { $0.initialSession = .competing }) { gateway, source, ids in
            try await gateway.control(#"{"command":"settings","competingAccounts":"\#(accounts)"}"#)
            #expect(await source.monitor.state == .competing)
            let account = try #require(ids.first)
            #expect(try await source.summary(for: account).netLiquidation != nil)
            #expect(try await !source.positions(for: account).isEmpty)
            let stopped = await sourceError { try await source.orders(for: account) }
            #expect(stopped?.kind == .brokerageUnavailable)
            #expect(stopped?.fix?.contains("TWS") == true)
            #expect(try await gateway.statistics().requests("GET /iserver/account/orders") == 0)

            try await gateway.control(#"{"command":"session","state":"brokerage"}"#)
            #expect(try await source.checkSession().state == .authenticated)
            #expect(try await source.orders(for: account).count == 2)
            #expect(try await gateway.statistics().totalPacingViolations == 0)
        }
    }

    @Test func aGatewayThatGoesDownIsUnreachableAndWhenItComesBackThePrerequisitesRunAgain() async throws {
        try await SimulatedGateway.withSession { gateway, source, accounts in
            let account = try #require(accounts.first)
            _ = try await source.pnl(for: account)

            try await gateway.control(#"{"command":"gatewayDown"}"#)
            let down = try await source.checkSession()
            #expect(down.state == .unreachable)
            #expect(down.message?.contains("refused the connection") == true, "\(down.message ?? "")")
            let refused = await sourceError { try await source.ledger(for: account) }
            #expect(refused?.kind == .unreachable)

            try await gateway.control(#"{"command":"gatewayUp"}"#)
            #expect(try await source.checkSession().state == .authenticated)
            #expect(try await source.ledger(for: account).base != nil)
            #expect(try await source.pnl(for: account).netLiquidation != nil)
            let seen = try await gateway.statistics()
            #expect(seen.requests("GET /portfolio/accounts") == 2)
            #expect(seen.requests("GET /iserver/accounts") == 2)
            #expect(seen.totalPacingViolations == 0)
        }
    }
}

/// The `SourceError` `body` throws, or `nil` when it succeeds.
func sourceError<T>(_ body: () async throws -> T) async -> SourceError? {
    do {
        _ = try await body()
        return nil
    } catch let error as SourceError {
        return error
    } catch {
        return SourceError(.server(status: 0), endpoint: "test", message: "unexpected \(error)")
    }
}
