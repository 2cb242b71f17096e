import Foundation
import Testing

@testable import IBSimulator

/// The per-token limits of reference §5.1: one request a second, ten in any 60 seconds, both endpoints
/// together; beyond them 1018, counted as Flex pacing violations.
/// One test at a time, for the reason FlexStatementTests gives.
@Suite(.serialized) struct FlexPacingTests {
    @Test func limiterSpacingAndSlidingWindow() {
        var limiter = FlexRateLimiter()
        let start = Date(timeIntervalSince1970: 2_000_000)
        func admit(_ offset: TimeInterval, _ token: String = "1") -> Bool {
            limiter.admit(token: token, at: start.addingTimeInterval(offset), tolerance: .milliseconds(25))
        }
        #expect(admit(0))
        #expect(!admit(0.5))
        #expect(admit(0.98))
        #expect(admit(0.5, "2"))
        for second in 2...9 { #expect(admit(Double(second))) }
        // Ten in the window: the eleventh waits until the first leaves it.
        #expect(!admit(10))
        #expect(!admit(59.9))
        #expect(admit(60))
        #expect(!admit(60.9))
        #expect(admit(61.0))
    }

    @Test func tooFastIsRefusedAndCounted() async throws {
        try await SimulatorHarness.withFlex(configuring: { $0.flex.switches.pacing = true }) { harness, clock async throws in
            #expect(try await Envelope(harness.sendRequest().body).status == "Success")
            let refused = Envelope(try await harness.sendRequest().body)
            #expect(refused.status == "Fail")
            #expect(refused.errorCode == 1018)
            clock.advance(1)
            let reference = try #require(Envelope(try await harness.sendRequest().body).referenceCode)
            // GetStatement shares the budget.
            #expect(try await Envelope(harness.getStatement(reference: reference).body).errorCode == 1018)
            let stats = try await harness.stats()
            #expect(stats["flexPacingViolations"]?.int == 2)
            #expect(stats["flex"]?["pacingViolations"]?.int == 2)
            #expect(stats["totalPacingViolations"]?.int == 0)
        }
    }

    @Test func pacedRequestsPassUntilTenInAMinute() async throws {
        try await SimulatorHarness.withFlex(configuring: {
            $0.flex.switches.pacing = true
            $0.flex.switches.generationDelay = .seconds(30)
        }) { harness, clock async throws in
            let reference = try #require(Envelope(try await harness.sendRequest().body).referenceCode)
            for _ in 1..<10 {
                clock.advance(1)
                #expect(try await Envelope(harness.getStatement(reference: reference).body).errorCode == 1019)
            }
            clock.advance(1)
            #expect(try await Envelope(harness.getStatement(reference: reference).body).errorCode == 1018)
            clock.advance(50)
            #expect(try await harness.getStatement(reference: reference).status == 200)
            #expect(try await harness.stats()["flexPacingViolations"]?.int == 1)
        }
    }

    @Test func tokensHaveTheirOwnBudgets() async throws {
        try await SimulatorHarness.withFlex(configuring: {
            $0.flex.switches.pacing = true
            $0.flex.tokens.append(FlexToken(value: "8080"))
        }) { harness, _ async throws in
            #expect(try await Envelope(harness.sendRequest().body).status == "Success")
            #expect(try await Envelope(harness.sendRequest(token: "8080").body).status == "Success")
            try await harness.control(#"{"command":"flexSettings","pacing":false}"#)
            #expect(try await Envelope(harness.sendRequest().body).status == "Success")
        }
    }
}
