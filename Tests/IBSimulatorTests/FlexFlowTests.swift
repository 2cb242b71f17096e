import Foundation
import Testing

@testable import IBSimulator

/// SendRequest and GetStatement over HTTP on loopback: the two-step flow and the refusals of reference §4.
/// One test at a time, for the reason FlexStatementTests gives.
@Suite(.serialized) struct FlexFlowTests {
    private func code(_ reply: SimulatorHarness.Reply) -> Int? { Envelope(reply.body).errorCode }

    @Test func twoStepFlowWaitsThroughGenerationThenServesTheStatement() async throws {
        try await SimulatorHarness.withFlex(configuring: {
            $0.flex.switches.pacing = true
            $0.flex.switches.generationDelay = .seconds(5)
        }) { harness, clock async throws in
            let sent = Envelope(try await harness.sendRequest().body)
            #expect(sent.status == "Success")
            let reference = try #require(sent.referenceCode)
            let url = try #require(sent.url)
            // Clients follow <Url>: it must lead back to this simulator.
            let follow = "\(url)?t=\(SimulatorHarness.token)&q=\(reference)&v=3"
            clock.advance(1.5)
            let pending = try await harness.flexURL(follow)
            #expect(Envelope(pending.body).status == "Warn")
            #expect(code(pending) == 1019)
            clock.advance(2)
            #expect(try await code(harness.flexURL(follow)) == 1019)
            clock.advance(2)
            let statement = try await harness.flexURL(follow)
            #expect(statement.status == 200)
            #expect(statement.body.hasPrefix("<FlexQueryResponse queryName=\"Portfolio Dashboard\" type=\"AF\">\n"))
            clock.advance(1.5)
            #expect(try await harness.flexURL(follow).body == statement.body)
            let stats = try await harness.stats()
            #expect(stats["flex"]?["requests"]?["SendRequest"]?.int == 1)
            #expect(stats["flex"]?["requests"]?["GetStatement"]?.int == 4)
            #expect(stats["flex"]?["answers"]?["1019"]?.int == 2)
            #expect(stats["flex"]?["answers"]?["statement"]?.int == 2)
            #expect(stats["flexPacingViolations"]?.int == 0)
        }
    }

    @Test func theFlowWorksOverHTTPSWithTheURLOnTheConfiguredHost() async throws {
        try await SimulatorHarness.withFlex(configuring: {
            $0.tls = true
            $0.flex.switches.generationDelay = .zero
        }) { harness, _ async throws in
            #expect(harness.endpoints.flexEndpoint.absoluteString.hasPrefix("https://127.0.0.1:"))
            let sent = Envelope(try await harness.sendRequest().body)
            let url = try #require(sent.url)
            #expect(url == harness.endpoints.flexEndpoint.absoluteString + "/GetStatement")
            let reference = try #require(sent.referenceCode)
            let statement = try await harness.flexURL("\(url)?t=\(SimulatorHarness.token)&q=\(reference)&v=3")
            #expect(statement.body.hasPrefix("<FlexQueryResponse"))
        }
        try await SimulatorHarness.withFlex(configuring: { $0.flex.statementHost = "localhost" }) { harness, _ async throws in
            let url = try #require(Envelope(try await harness.sendRequest().body).url)
            #expect(url == "http://localhost:\(harness.endpoints.apiPort)/AccountManagement/FlexWebService/GetStatement")
        }
    }

    @Test func tokenStatesAnswerTheirCodes() async throws {
        try await SimulatorHarness.withFlex { harness, _ async throws in
            #expect(try await code(harness.sendRequest(token: "111222333")) == 1015)
            for (status, expected) in [
                (FlexToken.Status.expired, 1012), (.revoked, 1015), (.inactive, 1011), (.ipRestricted, 1013),
            ] {
                try await harness.simulator.flex(.token(SimulatorHarness.token, status))
                #expect(try await code(harness.sendRequest()) == expected)
            }
            try await harness.simulator.flex(.token(SimulatorHarness.token, .valid))
            #expect(try await Envelope(harness.sendRequest().body).status == "Success")
        }
    }

    @Test func aTokenExpiresOnTheClock() async throws {
        try await SimulatorHarness.withFlex(configuring: {
            $0.flex.tokens = [FlexToken(value: "777", expiresAt: SimulatorHarness.flexStart.addingTimeInterval(6 * 3600))]
        }) { harness, clock async throws in
            let fresh = try await harness.sendRequest(token: "777")
            #expect(Envelope(fresh.body).status == "Success")
            clock.advance(6 * 3600)
            #expect(try await code(harness.sendRequest(token: "777")) == 1012)
        }
    }

    @Test func queriesAreKnownByID() async throws {
        try await SimulatorHarness.withFlex { harness, _ async throws in
            let unknown = try await harness.sendRequest(query: "424242")
            #expect(code(unknown) == 1014)
            #expect(try await code(harness.sendRequest(query: "100003")) == 1010)
            #expect(try await Envelope(harness.sendRequest(query: "100002").body).status == "Success")
        }
    }

    @Test func malformedRequestsAnswer1020() async throws {
        try await SimulatorHarness.withFlex { harness, _ async throws in
            let token = SimulatorHarness.token
            let malformed: [(String, [(String, String)])] = [
                ("SendRequest", [("q", "100001"), ("v", "3")]),
                ("SendRequest", [("t", token), ("q", "100001")]),
                ("SendRequest", [("t", token), ("q", "100001"), ("v", "2")]),
                ("SendRequest", [("t", token), ("v", "3")]),
                ("SendRequest", [("t", token), ("q", "dashboard"), ("v", "3")]),
                ("GetStatement", [("t", token), ("q", "12ab"), ("v", "3")]),
            ]
            for (endpoint, parameters) in malformed {
                #expect(try await code(harness.flex(endpoint, parameters)) == 1020, "\(endpoint) \(parameters)")
            }
            let overrides: [[(String, String)]] = [
                [("fd", "20261001")], [("td", "20261001")], [("fd", "20261301"), ("td", "20261302")],
                [("fd", "20261010"), ("td", "20261001")], [("fd", "20241001"), ("td", "20261001")],
                [("p", "0")], [("p", "366")], [("p", "7"), ("fd", "20261001"), ("td", "20261002")],
            ]
            for extra in overrides {
                #expect(try await code(harness.sendRequest(extra: extra)) == 1020, "\(extra)")
            }
        }
    }

    @Test func aMissingUserAgentIsRefusedWhenRequired() async throws {
        try await SimulatorHarness.withFlex(configuring: { $0.flex.switches.requireUserAgent = true }) { harness, _ async throws in
            let parameters = [("t", SimulatorHarness.token), ("q", "100001"), ("v", "3")]
            #expect(try await code(harness.flex("SendRequest", parameters, userAgent: nil)) == 1020)
            #expect(try await Envelope(harness.flex("SendRequest", parameters, userAgent: "ibdash/1.0").body).status == "Success")
        }
    }

    @Test func referenceCodesBelongToTheirToken() async throws {
        try await SimulatorHarness.withFlex(configuring: {
            $0.flex.tokens.append(FlexToken(value: "555666777"))
            $0.flex.switches.generationDelay = .zero
        }) { harness, clock async throws in
            let reference = try #require(Envelope(try await harness.sendRequest().body).referenceCode)
            #expect(try await code(harness.getStatement(reference: "1234567890")) == 1017)
            #expect(try await code(harness.getStatement(token: "555666777", reference: reference)) == 1017)
            #expect(try await harness.getStatement(reference: reference).status == 200)
            clock.advance(3_601)
            #expect(try await code(harness.getStatement(reference: reference)) == 1017)
        }
    }

    @Test func unpublishedDaysAreNotAvailable() async throws {
        try await SimulatorHarness.withFlex { harness, _ async throws in
            let calendar = TradingCalendar()
            let today = calendar.yyyymmdd(calendar.tradingDay(of: Date()))
            let week = calendar.yyyymmdd(calendar.tradingDay(of: Date().addingTimeInterval(-7 * 86_400)))
            #expect(try await code(harness.sendRequest(extra: [("fd", week), ("td", today)])) == 1003)
            #expect(try await code(harness.sendRequest(extra: [("fd", "20100104"), ("td", "20100108")])) == 1003)
        }
    }

    @Test func scriptedAnswersComeInTurnThenTheNormalOnes() async throws {
        try await SimulatorHarness.withFlex(configuring: { $0.flex.switches.generationDelay = .zero }) { harness, _ async throws in
            try await harness.control(#"{"command":"flexScript","endpoint":"SendRequest","steps":"1009"}"#)
            try await harness.control(#"{"command":"flexScript","endpoint":"GetStatement","steps":"1019, 1018,1001,OK,1021"}"#)
            #expect(try await code(harness.sendRequest()) == 1009)
            let reference = try #require(Envelope(try await harness.sendRequest().body).referenceCode)
            var answers: [Int?] = []
            for _ in 0..<3 { answers.append(code(try await harness.getStatement(reference: reference))) }
            #expect(answers == [1019, 1018, 1001])
            #expect(try await harness.getStatement(reference: reference).body.hasPrefix("<FlexQueryResponse"))
            #expect(try await code(harness.getStatement(reference: reference)) == 1021)
            #expect(try await harness.getStatement(reference: reference).body.hasPrefix("<FlexQueryResponse"))
            let stats = try await harness.stats()
            #expect(stats["flexPacingViolations"]?.int == 0)
            #expect(stats["flex"]?["answers"]?["1018"]?.int == 1)
        }
    }

    @Test func theDelayCanBeChangedWhileAStatementIsPending() async throws {
        try await SimulatorHarness.withFlex(configuring: {
            $0.flex.switches.generationDelay = .seconds(600)
        }) { harness, clock async throws in
            let reference = try #require(Envelope(try await harness.sendRequest().body).referenceCode)
            clock.advance(30)
            #expect(try await code(harness.getStatement(reference: reference)) == 1019)
            try await harness.control(#"{"command":"flexDelay","seconds":20}"#)
            #expect(try await harness.getStatement(reference: reference).status == 200)
            try await harness.control(#"{"command":"flexDelay","seconds":120,"query":"100001"}"#)
            let second = try #require(Envelope(try await harness.sendRequest().body).referenceCode)
            clock.advance(60)
            #expect(try await code(harness.getStatement(reference: second)) == 1019)
            let refused = try await harness.controlReply(#"{"command":"flexDelay","seconds":1,"query":"999"}"#)
            #expect(refused.status == 400)
        }
    }

    @Test func anOutageAnswersTheMaintenancePage() async throws {
        try await SimulatorHarness.withFlex { harness, _ async throws in
            try await harness.control(#"{"command":"flexOutage","on":true}"#)
            let down = try await harness.sendRequest()
            #expect(down.status == 500)
            #expect(down.body.contains("We are sorry, our services are temporarily unavailable"))
            #expect(!down.body.contains("<FlexStatementResponse"))
            try await harness.control(#"{"command":"flexOutage","on":false}"#)
            #expect(try await Envelope(harness.sendRequest().body).status == "Success")
        }
    }

    @Test func wrongAndRetiredPaths() async throws {
        try await SimulatorHarness.withFlex { harness, _ async throws in
            let base = "http://127.0.0.1:\(harness.endpoints.apiPort)"
            let unknown = try await harness.flexURL(base + "/AccountManagement/FlexWebService/SendStatement?t=1&q=1&v=3")
            #expect(unknown.status == 404)
            #expect(unknown.body.contains("404 Page Not Found"))
            #expect(!unknown.body.contains("FlexStatementResponse"))
            for path in [
                "/AccountManagement/FlexWebService.GetStatement", "/Universal/servlet/FlexStatementService.SendRequest",
            ] {
                #expect(try await code(harness.flexURL(base + path + "?t=1&q=1&v=3")) == 1001)
            }
            try await harness.control(#"{"command":"flexSettings","legacyPaths":"notFound"}"#)
            #expect(await harness.simulator.flexSwitches().legacyPaths == .notFound)
            let retired = try await harness.flexURL(base + "/Universal/servlet/FlexStatementService.SendRequest?t=1&q=1&v=3")
            #expect(retired.status == 404)
            #expect(try await harness.flexURL(base + "/portal.flexweb/api/v1/flexQuery").status == 404)
        }
    }

    @Test func controlRefusesBadFlexCommands() async throws {
        try await SimulatorHarness.withFlex { harness, _ async throws in
            for body in [
                #"{"command":"flexToken","status":"stolen"}"#, #"{"command":"flexToken","token":"abc","status":"valid"}"#,
                #"{"command":"flexScript","endpoint":"GetStatement","steps":"1019,maybe"}"#,
                #"{"command":"flexScript","endpoint":"Other","steps":"OK"}"#, #"{"command":"flexDelay","seconds":-1}"#,
                #"{"command":"flexOutage"}"#, #"{"command":"flexSettings","legacyPaths":"sometimes"}"#,
            ] {
                #expect(try await harness.controlReply(body).status == 400, "\(body)")
            }
            try await harness.control(#"{"command":"flexToken","token":"31337","status":"valid"}"#)
            #expect(try await Envelope(harness.sendRequest(token: "31337").body).status == "Success")
            try await harness.control(#"{"command":"flexToken","status":"revoked"}"#)
            #expect(await harness.simulator.flexTokens().allSatisfy { $0.status == .revoked })
        }
    }
}
