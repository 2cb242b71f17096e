import AsyncHTTPClient
import Foundation
import Testing

@testable import IBSimulator

/// Every fault kind the control endpoint can inject, for a count, for a duration and for a path prefix.
@Suite struct FaultTests {
    @Test func statusFaultForTheNextTwoRequests() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.control(#"{"command":"fault","kind":"status","status":503,"count":2}"#)
            for _ in 0..<2 {
                let reply = try await harness.get("/sso/validate")
                #expect(reply.status == 503)
                #expect(try reply.json()["error"]?.stringValue?.hasPrefix("Details currently unavailable") == true)
            }
            #expect(try await harness.get("/sso/validate").status == 200)
            #expect(try await harness.stats()["faults"]?["status"]?.int == 2)
        }
    }

    @Test func serverErrorBody() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.control(#"{"command":"fault","kind":"status","status":500}"#)
            let reply = try await harness.get("/sso/validate")
            #expect(reply.status == 500)
            #expect(reply.body == #"{"error":"unknown"}"#)
        }
    }

    @Test func rateLimitBurstIsNoPacingViolation() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.control(#"{"command":"fault","kind":"rateLimit","count":3}"#)
            for _ in 0..<3 { #expect(try await harness.post("/tickle").status == 429) }
            #expect(try await harness.post("/tickle").status == 200)
            let stats = try await harness.stats()
            #expect(stats["totalPacingViolations"]?.int == 0)
            #expect(stats["faults"]?["rateLimit"]?.int == 3)
        }
    }

    @Test func truncatedAndMalformedBodiesDoNotParse() async throws {
        try await SimulatorHarness.with { harness in
            let whole = try await harness.get("/sso/validate").body
            try await harness.control(#"{"command":"fault","kind":"truncated"}"#)
            let truncated = try await harness.get("/sso/validate")
            #expect(truncated.status == 200)
            #expect(truncated.body.count < whole.count && truncated.body.count >= whole.count / 2 - 1)
            #expect(whole.hasPrefix(String(truncated.body.prefix(10))))
            #expect(throws: (any Error).self) { try truncated.json() }
            try await harness.control(#"{"command":"fault","kind":"malformed"}"#)
            let malformed = try await harness.get("/sso/validate")
            #expect(malformed.status == 200)
            #expect(throws: (any Error).self) { try malformed.json() }
            #expect(throws: (any Error).self) { try JSONSerialization.jsonObject(with: Data(malformed.body.utf8)) }
        }
    }

    @Test func latencyHoldsTheAnswerBack() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.control(#"{"command":"fault","kind":"latency","seconds":20}"#)
            await #expect(throws: HTTPClientError.self) {
                _ = try await harness.get("/sso/validate", timeout: .milliseconds(500))
            }
        }
    }

    @Test func latencyIsTheAnswersDelay() async {
        let engine = GatewayEngine(configuration: SimulatorHarness.testConfiguration())
        await engine.inject(Fault(.latency(.seconds(15))), at: Date())
        let answer = await engine.respond(to: SimRequest(method: "POST", fullPath: "/v1/api/tickle"), at: Date())
        #expect(answer.status == 200)
        #expect(answer.delay == .seconds(15))
    }

    @Test func prefixLimitsTheFault() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.openSession()
            try await harness.control(#"{"command":"fault","kind":"status","status":502,"durationSeconds":60,"pathPrefix":"/iserver"}"#)
            let id = try #require(await harness.accountIDs().first)
            #expect(try await harness.get("/portfolio/\(id)/summary").status == 200)
            #expect(try await harness.get("/iserver/accounts").status == 502)
            #expect(try await harness.get("/iserver/accounts").status == 502)
            try await harness.control(#"{"command":"clearFaults"}"#)
            #expect(try await harness.get("/iserver/accounts").status == 200)
        }
    }

    @Test func durationFaultEnds() async {
        var plan = FaultPlan()
        let start = Date(timeIntervalSince1970: 1_000_000)
        plan.add(Fault(.rateLimit, duration: .seconds(2)), at: start)
        #expect(plan.take(fullPath: "/v1/api/tickle", apiPath: "/tickle", at: start.addingTimeInterval(1)) == .rateLimit)
        #expect(plan.take(fullPath: "/v1/api/tickle", apiPath: "/tickle", at: start.addingTimeInterval(1.5)) == .rateLimit)
        #expect(plan.take(fullPath: "/v1/api/tickle", apiPath: "/tickle", at: start.addingTimeInterval(2)) == nil)
        #expect(plan.isEmpty)
    }
}
