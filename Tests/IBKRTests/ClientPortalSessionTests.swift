import Foundation
import Portfolio
import Testing

@testable import IBKR

@Suite struct ClientPortalSessionTests {
    private let account: AccountID = "U7654321"

    private func tickle(_ text: String) throws -> SessionStatus {
        SessionMonitor.interpret(try TickleAnswer.decode(Fixture.json(text: text)))
    }

    @Test func aTickleWithAnOpenBrokerageSessionIsAuthenticated() throws {
        let status = SessionMonitor.interpret(try TickleAnswer.decode(Fixture.json("tickle")))
        #expect(status.state == .authenticated && status.expiresIn == .milliseconds(512_340))
        #expect(SessionMonitor.interpret(try AuthStatus.decode(Fixture.json("auth-status"))).state == .authenticated)
    }

    @Test func competingReadOnlyAndDisconnected() throws {
        let competing = try tickle(#"{"session": "s", "iserver": {"authStatus": {"authenticated": false, "competing": true, "connected": true}}}"#)
        #expect(competing.state == .competing && competing.message?.contains("another platform") == true)
        let readOnly = try tickle(#"{"session": "s", "iserver": {"authStatus": {"authenticated": false, "competing": false, "connected": true, "fail": "timed out"}}}"#)
        #expect(readOnly == SessionStatus(state: .readOnly, message: "timed out"))
        #expect(try tickle(#"{"session": "s", "ssoExpires": 1000}"#).state == .readOnly)
        #expect(try tickle(#"{"session": "s", "iserver": {}}"#).state == .readOnly)
        let cut = try tickle(#"{"iserver": {"authStatus": {"authenticated": true, "connected": false}}}"#)
        #expect(cut.state == .readOnly)
    }

    @Test func aTickleWithoutTheBrokeragePartAsksAuthStatus() async throws {
        let gateway = try ScriptedGateway([
            "/tickle": ScriptedGateway.answer(#"{"session": "s", "ssoExpires": 60000}"#),
            "/iserver/auth/status": try ScriptedGateway.fixture("auth-status"),
        ])
        let status = try await gateway.run { try await $0.checkSession() }
        #expect(status.state == .authenticated && status.expiresIn == .seconds(60))
        let sent = try #require(gateway.transport.sent.last)
        #expect(sent.request.path == "/iserver/auth/status" && sent.request.method == .post)

        let silent = try ScriptedGateway([
            "/tickle": ScriptedGateway.answer(#"{"session": "s"}"#),
            "/iserver/auth/status": { _, _ in GatewayResponse(status: 401, text: "") },
        ])
        #expect(try await silent.run { try await $0.checkSession() }.state == .readOnly)
    }

    @Test func aReadOnlySessionIsAskedToReopenItsBrokerageSessionAtMostOnceAMinute() async throws {
        let gateway = try ScriptedGateway([
            "/tickle": ScriptedGateway.answer(
                #"{"session": "s", "iserver": {"authStatus": {"authenticated": false, "competing": false, "connected": true}}}"#),
            "/iserver/reauthenticate": ScriptedGateway.answer(#"{"message": "triggered"}"#),
        ])
        let first = try await gateway.run { try await $0.checkSession() }
        #expect(first.state == .readOnly)
        #expect(first.message == "no brokerage session; asked the gateway to reopen the brokerage session")
        let again = try await gateway.run { try await $0.checkSession() }
        #expect(again.message == "no brokerage session")
        #expect(gateway.transport.count("/iserver/reauthenticate") == 1)
        await gateway.clock.advance(by: .seconds(60))
        _ = try await gateway.run { try await $0.checkSession() }
        let sent = gateway.transport.sent.filter { $0.request.path == "/iserver/reauthenticate" }
        #expect(sent.count == 2 && sent.allSatisfy { $0.request.method == .post })
    }

    @Test func aCompetingSessionIsNotAskedToReopen() async throws {
        let gateway = try ScriptedGateway([
            "/tickle": ScriptedGateway.answer(
                #"{"session": "s", "iserver": {"authStatus": {"authenticated": false, "competing": true, "connected": true}}}"#)
        ])
        #expect(try await gateway.run { try await $0.checkSession() }.state == .competing)
        #expect(gateway.transport.paths() == ["/tickle"])
    }

    @Test func aFailedReopeningIsSaidInTheSessionMessage() async throws {
        let gateway = try ScriptedGateway([
            "/tickle": ScriptedGateway.answer(#"{"session": "s", "iserver": {"authStatus": {"authenticated": false}}}"#),
            "/iserver/reauthenticate": { _, _ in GatewayResponse(status: 500, text: #"{"error":"unknown"}"#) },
        ])
        let status = try await gateway.run { try await $0.checkSession() }
        #expect(status.state == .readOnly)
        #expect(status.message?.hasSuffix("reopen the brokerage session failed: HTTP 500: IBKR says \"unknown\"") == true)
    }

    @Test func a401MeansNotLoggedInWithTheFix() async throws {
        let gateway = try ScriptedGateway(["/tickle": { _, _ in GatewayResponse(status: 401, text: "") }])
        let status = try await gateway.run { try await $0.checkSession() }
        #expect(status.state == .notLoggedIn)
        #expect(status.message == "not logged in to the gateway — log in at https://localhost:5000")
    }

    @Test func aNoSessionErrorIn200MeansNotLoggedIn() async throws {
        let gateway = try ScriptedGateway(["/tickle": ScriptedGateway.answer(#"{"error": "no session"}"#)])
        #expect(try await gateway.run { try await $0.checkSession() }.state == .notLoggedIn)
    }

    @Test func aGatewayThatIsDownIsUnreachable() async throws {
        let gateway = try ScriptedGateway([
            "/tickle": { request, _ in
                throw SourceError(.unreachable, endpoint: request.path, message: "localhost:5000 refused the connection")
            }
        ])
        let status = try await gateway.run { try await $0.checkSession() }
        #expect(status.state == .unreachable && status.message == "localhost:5000 refused the connection")
    }

    @Test func aRateLimitedTickleIsAnErrorNotAState() async throws {
        let gateway = try ScriptedGateway(["/tickle": { _, _ in GatewayResponse(status: 429, text: "") }])
        let error = await gateway.failure { try await $0.checkSession() }
        #expect(error?.kind == .rateLimited)
    }

    @Test func portfolioAccountsComeFirstOncePerSessionAndAgainAfterALogin() async throws {
        let sessionID = Locked("first")
        let gateway = try ScriptedGateway([
            "/tickle": { _, _ in .ok(#"{"session": "\#(sessionID.value)", "iserver": {"authStatus": {"authenticated": true, "competing": false, "connected": true}}}"#) },
            "/portfolio/U7654321/summary": try ScriptedGateway.fixture("summary"),
        ])
        _ = try await gateway.run { try await $0.checkSession() }
        _ = try await gateway.run { [account] in try await $0.summary(for: account) }
        _ = try await gateway.run { [account] in try await $0.summary(for: account) }
        #expect(gateway.transport.paths() == ["/tickle", "/portfolio/accounts", "/portfolio/U7654321/summary", "/portfolio/U7654321/summary"])

        // A re-login shows as a new session id: the prerequisite is due again.
        sessionID.withLock { $0 = "second" }
        _ = try await gateway.run { try await $0.checkSession() }
        _ = try await gateway.run { [account] in try await $0.summary(for: account) }
        #expect(gateway.transport.paths().suffix(3) == ["/tickle", "/portfolio/accounts", "/portfolio/U7654321/summary"])
    }

    @Test func afterNotLoggedInCallsFailFastUntilTheSessionIsBack() async throws {
        let loggedIn = Locked(false)
        let gateway = try ScriptedGateway([
            "/portfolio/accounts": { _, _ in
                loggedIn.value ? .ok(try Fixture.text("portfolio-accounts")) : GatewayResponse(status: 401, text: "")
            },
            "/tickle": { _, _ in
                loggedIn.value ? .ok(try Fixture.text("tickle")) : GatewayResponse(status: 401, text: "")
            },
            "/portfolio/U7654321/ledger": try ScriptedGateway.fixture("ledger"),
        ])
        let first = await gateway.failure { [account] in try await $0.ledger(for: account) }
        #expect(first?.kind == .notLoggedIn && first?.fix == "log in at https://localhost:5000")
        let second = await gateway.failure { [account] in try await $0.ledger(for: account) }
        #expect(second?.kind == .notLoggedIn)
        #expect(gateway.transport.paths() == ["/portfolio/accounts"])

        loggedIn.withLock { $0 = true }
        #expect(try await gateway.run { try await $0.checkSession() }.state == .authenticated)
        let ledger = try await gateway.run { [account] in try await $0.ledger(for: account) }
        #expect(ledger.baseCurrency == .usd)
        #expect(gateway.transport.paths().suffix(3) == ["/tickle", "/portfolio/accounts", "/portfolio/U7654321/ledger"])
    }

    @Test func aReadOnlySessionKeepsPortfolioAndRefusesBrokerageWithoutAsking() async throws {
        let gateway = try ScriptedGateway([
            "/tickle": ScriptedGateway.answer(#"{"session": "s", "iserver": {"authStatus": {"authenticated": false, "competing": false, "connected": true}}}"#),
            "/portfolio/U7654321/summary": try ScriptedGateway.fixture("summary"),
        ])
        #expect(try await gateway.run { try await $0.checkSession() }.state == .readOnly)
        let error = await gateway.failure { [account] in try await $0.pnl(for: account) }
        #expect(error?.kind == .brokerageUnavailable && error?.endpoint == "/iserver/account/pnl/partitioned")
        let summary = try await gateway.run { [account] in try await $0.summary(for: account) }
        #expect(summary.netLiquidation == Decimal(string: "81803.62"))
        // The session check asks for the brokerage session back; the P&L itself is not asked for.
        #expect(gateway.transport.paths().filter { $0.hasPrefix("/iserver") } == ["/iserver/reauthenticate"])
    }

    @Test func aCompetingSessionSaysWhatToDo() async throws {
        let gateway = try ScriptedGateway([
            "/tickle": ScriptedGateway.answer(#"{"iserver": {"authStatus": {"authenticated": false, "competing": true}}}"#)
        ])
        _ = try await gateway.run { try await $0.checkSession() }
        let error = await gateway.failure { [account] in try await $0.orders(for: account) }
        #expect(error?.kind == .brokerageUnavailable && error?.fix?.contains("TWS") == true)
    }

    @Test func iserverAccountsComeFirstAndAgainAfterTheBrokerageSessionReturns() async throws {
        let competing = Locked(false)
        let gateway = try ScriptedGateway([
            "/tickle": { _, _ in
                .ok(#"{"session": "s", "iserver": {"authStatus": {"authenticated": true, "competing": \#(competing.value), "connected": true}}}"#)
            },
            "/iserver/account/pnl/partitioned": try ScriptedGateway.fixture("pnl-partitioned"),
        ])
        _ = try await gateway.run { try await $0.checkSession() }
        _ = try await gateway.run { [account] in try await $0.pnl(for: account) }
        _ = try await gateway.run { [account] in try await $0.pnl(for: account) }
        #expect(gateway.transport.count("/iserver/accounts") == 1)
        #expect(gateway.transport.paths() == ["/tickle", "/iserver/accounts", "/iserver/account/pnl/partitioned", "/iserver/account/pnl/partitioned"])

        competing.withLock { $0 = true }
        #expect(try await gateway.run { try await $0.checkSession() }.state == .competing)
        competing.withLock { $0 = false }
        #expect(try await gateway.run { try await $0.checkSession() }.state == .authenticated)
        _ = try await gateway.run { [account] in try await $0.pnl(for: account) }
        #expect(gateway.transport.count("/iserver/accounts") == 2)
        // The SSO session lived on: /portfolio/accounts was never needed again.
        #expect(gateway.transport.count("/portfolio/accounts") == 0)
    }

    @Test func anEmptyBrokerageAccountListMeansTheSessionIsNotUsable() async throws {
        let gateway = try ScriptedGateway(["/iserver/accounts": ScriptedGateway.answer("{}")])
        let error = await gateway.failure { [account] in try await $0.orders(for: account) }
        #expect(error?.kind == .brokerageUnavailable && error?.message.contains("lists no accounts") == true)
    }
}
