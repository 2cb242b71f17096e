import Foundation
import Testing

@testable import IBSimulator

/// `/tickle`, auth status, SSO validation and logout in each session state (reference §1.4, §4.1–4.5).
@Suite struct SessionEndpointTests {
    @Test func tickleAnswersLikeTheGateway() async throws {
        try await SimulatorHarness.with { harness in
            let reply = try await harness.post("/tickle")
            #expect(reply.status == 200)
            let json = try reply.json()
            let session = try #require(json["session"]?.stringValue)
            #expect(session.count == 32 && session.allSatisfy(\.isHexDigit))
            let expires = try #require(json["ssoExpires"]?.int)
            #expect(expires > 0 && expires <= 360_000)
            #expect(json["collission"]?.boolValue == false)
            #expect(json["userId"]?.int != nil)
            #expect(json["hmds"]?["error"]?.stringValue == "no bridge")
            let status = try #require(json["iserver"]?["authStatus"])
            #expect(status["authenticated"]?.boolValue == true)
            #expect(status["competing"]?.boolValue == false)
            #expect(status["connected"]?.boolValue == true)
        }
    }

    @Test func ssoExpiresCountsDownBetweenRequests() async throws {
        try await SimulatorHarness.with { harness in
            _ = try await harness.post("/tickle")
            try await Task.sleep(for: .milliseconds(300))
            let later = try #require(try await harness.post("/tickle").json()["ssoExpires"]?.int)
            #expect(later <= 360_000 - 250)
        }
    }

    @Test func validateAndAuthStatus() async throws {
        try await SimulatorHarness.with { harness in
            let validate = try await harness.get("/sso/validate").json()
            #expect(validate["RESULT"]?.boolValue == true)
            #expect(validate["LOGIN_TYPE"]?.int == 1)
            #expect((validate["EXPIRES"]?.int ?? 0) > 0)
            #expect((validate["AUTH_TIME"]?.int ?? 0) > 1_000_000_000_000)
            let status = try await harness.post("/iserver/auth/status").json()
            #expect(status["authenticated"]?.boolValue == true)
            #expect(status["established"]?.boolValue == true)
            #expect(status["serverInfo"]?["serverName"]?.stringValue != nil)
        }
    }

    @Test func noSessionAnswers401OrTheErrorBody() async throws {
        try await SimulatorHarness.with(configuring: { $0.initialSession = .noSession }) { harness in
            #expect(try await harness.post("/tickle").status == 401)
            #expect(try await harness.get("/portfolio/accounts").status == 401)
            #expect(try await harness.post("/iserver/auth/status").status == 401)
            try await harness.control(#"{"command":"settings","noSessionTickle":"errorBody"}"#)
            let reply = try await harness.post("/tickle")
            #expect(reply.status == 200)
            #expect(try reply.json()["error"]?.stringValue == "no session")
        }
    }

    @Test func readOnlyServesPortfolioButNotIserver() async throws {
        try await SimulatorHarness.with(configuring: { $0.initialSession = .readOnly }) { harness in
            #expect(try await harness.get("/portfolio/accounts").status == 200)
            let id = try #require(await harness.accountIDs().first)
            #expect(try await harness.get("/portfolio/\(id)/summary").status == 200)
            #expect(try await harness.get("/iserver/accounts").status == 401)
            let tickle = try await harness.post("/tickle").json()
            #expect(tickle["iserver"]?["authStatus"]?["authenticated"]?.boolValue == false)
            #expect(tickle["iserver"]?["authStatus"]?["connected"]?.boolValue == true)
            try await harness.control(#"{"command":"settings","brokerageRefusal":"noBridge"}"#)
            let refused = try await harness.get("/iserver/account/orders")
            #expect(refused.status == 400)
            #expect(try refused.json()["error"]?.stringValue == "Bad Request: no bridge")
            #expect(try refused.json()["statusCode"]?.int == 400)
        }
    }

    @Test func competingEmptiesIserverAccounts() async throws {
        try await SimulatorHarness.with(configuring: { $0.initialSession = .competing }) { harness in
            let accounts = try await harness.get("/iserver/accounts")
            #expect(accounts.status == 200)
            #expect(accounts.body == "{}")
            #expect(try await harness.post("/tickle").json()["iserver"]?["authStatus"]?["competing"]?.boolValue == true)
            #expect(try await harness.get("/portfolio/accounts").status == 200)
            #expect(try await harness.get("/iserver/account/pnl/partitioned").status == 401)
            try await harness.control(#"{"command":"settings","competingAccounts":"refused"}"#)
            #expect(try await harness.get("/iserver/accounts").status == 401)
        }
    }

    @Test func gatewayDownRefusesConnectionsAndComesBackOnTheSamePort() async throws {
        try await SimulatorHarness.with { harness in
            let port = harness.endpoints.apiPort
            try await harness.control(#"{"command":"gatewayDown"}"#)
            #expect(await RawSocket.exchange(port: port, request: "GET / HTTP/1.1\r\n\r\n") == .refused)
            try await harness.control(#"{"command":"gatewayUp"}"#)
            #expect(try await harness.post("/tickle").status == 200)
            #expect(try await harness.simulator.endpoints().apiPort == port)
        }
    }

    @Test func idleSessionExpires() async throws {
        try await SimulatorHarness.with(configuring: { $0.switches.idleTimeout = .seconds(1) }) { harness in
            await harness.simulator.setSession(.noSession)
            await harness.simulator.setSession(.brokerage)
            #expect(try await harness.post("/tickle").status == 200)
            try await Task.sleep(for: .milliseconds(1_500))
            #expect(try await harness.post("/tickle").status == 401)
            #expect(await harness.simulator.session() == .noSession)
        }
    }

    @Test func idleExpiryOnTheEnginesClock() async {
        var configuration = SimulatorHarness.testConfiguration()
        configuration.switches.idleTimeout = .seconds(360)
        configuration.switches.dailyReset = nil
        let start = Date()
        let engine = GatewayEngine(configuration: configuration, now: start)
        let tickle = SimRequest(method: "POST", fullPath: "/v1/api/tickle")
        let fresh = await engine.respond(to: tickle, at: start.addingTimeInterval(300))
        #expect(fresh.status == 200)
        #expect(fresh.body.contains("\"ssoExpires\":60000,"))
        #expect(await engine.respond(to: tickle, at: start.addingTimeInterval(659)).status == 200)
        #expect(await engine.respond(to: tickle, at: start.addingTimeInterval(1_019)).status == 401)
    }

    /// On the engine's clock: the real one made the test depend on two requests coming within the delay.
    @Test func reauthenticateRecoversAfterTheDelay() async throws {
        var configuration = SimulatorHarness.testConfiguration()
        configuration.initialSession = .readOnly
        configuration.switches.reauthenticationDelay = .seconds(3)
        let start = Date()
        let engine = GatewayEngine(configuration: configuration, now: start)
        let reauthenticate = SimRequest(method: "POST", fullPath: "/v1/api/iserver/reauthenticate")
        let status = SimRequest(method: "POST", fullPath: "/v1/api/iserver/auth/status")
        let triggered = try WireJSON.parse(await engine.respond(to: reauthenticate, at: start).body)
        #expect(triggered["message"]?.stringValue == "triggered")
        let soon = try WireJSON.parse(await engine.respond(to: status, at: start.addingTimeInterval(2.9)).body)
        #expect(soon["authenticated"]?.boolValue == false)
        let later = try WireJSON.parse(await engine.respond(to: status, at: start.addingTimeInterval(3)).body)
        #expect(later["authenticated"]?.boolValue == true)
    }

    @Test func reauthenticateDoesNotTakeBackACompetingSession() async throws {
        try await SimulatorHarness.with(configuring: {
            $0.initialSession = .competing
            $0.switches.reauthenticationDelay = .milliseconds(100)
        }) { harness in
            #expect(try await harness.post("/iserver/reauthenticate").json()["message"]?.stringValue == "triggered")
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await harness.post("/iserver/auth/status").json()["competing"]?.boolValue == true)
            let taken = try await harness.post("/iserver/auth/ssodh/init", json: #"{"publish":true,"compete":true}"#)
            #expect(try taken.json()["authenticated"]?.boolValue == true)
            #expect(try taken.json()["competing"]?.boolValue == false)
        }
    }

    @Test func ssodhInitNeedsPublish() async throws {
        try await SimulatorHarness.with(configuring: { $0.initialSession = .readOnly }) { harness in
            #expect(try await harness.post("/iserver/auth/ssodh/init", json: #"{"compete":true}"#).status == 500)
            let opened = try await harness.post("/iserver/auth/ssodh/init", json: #"{"publish":true,"compete":true}"#)
            #expect(try opened.json()["authenticated"]?.boolValue == true)
        }
    }

    @Test func logoutEndsTheSession() async throws {
        try await SimulatorHarness.with { (harness) async throws in
            #expect(try await harness.post("/logout").json()["status"]?.boolValue == true)
            #expect(try await harness.post("/tickle").status == 401)
        }
    }

    @Test func dailyResetDropsToNoSession() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.control(#"{"command":"dailyReset"}"#)
            #expect(try await harness.post("/tickle").status == 401)
            try await harness.control(#"{"command":"session","state":"brokerage"}"#)
            #expect(try await harness.post("/tickle").status == 200)
        }
    }

    @Test func dailyResetIsTheNextMidnightInItsZone() throws {
        let reset = DailyReset(hour: 0, minute: 0, timeZone: "America/New_York")
        // 2026-11-21 20:00 UTC is 15:00 in New York (EST, UTC−5): the next reset is 05:00 UTC on the 22nd.
        let now = try #require(ISO8601DateFormatter().date(from: "2026-11-21T20:00:00Z"))
        let expected = try #require(ISO8601DateFormatter().date(from: "2026-11-22T05:00:00Z"))
        #expect(reset.next(after: now) == expected)
    }

    @Test func portalPathServesTheSameAPI() async throws {
        try await SimulatorHarness.with { harness in
            let base = harness.endpoints.apiBase.absoluteString.replacingOccurrences(of: "/v1/api", with: "/v1/portal")
            let port = harness.endpoints.apiPort
            let answer = await RawSocket.exchange(
                port: port,
                request: "GET /v1/portal/sso/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            guard case .answered(let text) = answer else {
                Issue.record("no answer from \(base)")
                return
            }
            #expect(text.hasPrefix("HTTP/1.1 200"))
            #expect(text.contains("\"USER_ID\""))
        }
    }

    @Test func postWithoutContentLengthIs411() async throws {
        try await SimulatorHarness.with { harness in
            let answer = await RawSocket.exchange(
                port: harness.endpoints.apiPort,
                request: "POST /v1/api/tickle HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            guard case .answered(let text) = answer else {
                Issue.record("no answer: \(answer)")
                return
            }
            #expect(text.hasPrefix("HTTP/1.1 411"))
        }
    }
}
