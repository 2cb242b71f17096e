import Foundation
import Testing

@testable import IBSimulator

/// The limits of reference §3: 429 beyond them, every such request counted per endpoint.
@Suite struct PacingTests {
    @Test func secondTickleWithinASecondIsAViolation() async throws {
        try await SimulatorHarness.with(configuring: { $0.switches.pacing = true }) { harness in
            #expect(try await harness.post("/tickle").status == 200)
            #expect(try await harness.post("/tickle").status == 429)
            #expect(try await harness.get("/portfolio/accounts").status == 200)
            #expect(try await harness.get("/portfolio/accounts").status == 429)
            let stats = try await harness.stats()
            #expect(stats["pacingViolations"]?["POST /tickle"]?.int == 1)
            #expect(stats["pacingViolations"]?["GET /portfolio/accounts"]?.int == 1)
            #expect(stats["totalPacingViolations"]?.int == 2)
            #expect(stats["requests"]?["POST /tickle"]?.int == 2)
        }
    }

    @Test func globalLimitAllowsABurstOfTen() async throws {
        try await SimulatorHarness.with(configuring: { $0.switches.pacing = true }) { harness in
            try await harness.openSession()
            let id = try #require(await harness.accountIDs().first)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<25 { group.addTask { try await harness.get("/portfolio/\(id)/summary").status } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            // How many are refused depends on how fast this machine sends them (see the Pacer test below for the
            // exact burst); every refusal must be a 429 and be counted.
            let refused = statuses.filter { $0 == 429 }.count
            #expect(statuses.allSatisfy { $0 == 200 || $0 == 429 })
            let stats = try await harness.stats()
            #expect(stats["pacingViolations"]?["GET /portfolio/{accountId}/summary"]?.int == refused)
        }
    }

    @Test func theGlobalLimitAdmitsABurstOfTenThenOneEveryTenthOfASecond() {
        var pacer = Pacer(tolerance: .milliseconds(25))
        let start = Date(timeIntervalSinceReferenceDate: 1_000_000)
        let global = [(key: "global", limit: PacingLimit.global)]
        let burst = (0..<11).map { _ in pacer.admit(global, at: start) }
        #expect(burst == Array(repeating: true, count: 10) + [false])
        let later = [0.05, 0.1, 0.1].map { pacer.admit(global, at: start.addingTimeInterval($0)) }
        #expect(later == [false, true, false])
    }

    @Test func penaltyBoxRefusesEverythingForAWhile() async throws {
        try await SimulatorHarness.with(configuring: {
            $0.switches.pacing = true
            $0.switches.penaltyBox = .seconds(60)
        }) { harness in
            #expect(try await harness.post("/tickle").status == 200)
            #expect(try await harness.post("/tickle").status == 429)
            #expect(try await harness.get("/sso/validate").status == 429)
            let stats = try await harness.stats()
            #expect(stats["penalized"]?["GET /sso/validate"]?.int == 1)
            #expect(stats["totalPacingViolations"]?.int == 1)
            try await harness.control(#"{"command":"settings","penaltyBoxSeconds":0}"#)
            #expect(try await harness.get("/sso/validate").status == 200)
        }
    }

    @Test func cellRateWithJitterTolerance() {
        var pacer = Pacer(tolerance: .milliseconds(25))
        let start = Date(timeIntervalSince1970: 1_000_000)
        let limit = [(key: "every5s", limit: PacingLimit.oneEvery(.seconds(5)))]
        let every5s = [0, 4.9, 4.99, 5.5, 10].map { pacer.admit(limit, at: start.addingTimeInterval($0)) }
        #expect(every5s == [true, false, true, false, true])

        var burst = Pacer(tolerance: .milliseconds(25))
        let global = [(key: "global", limit: PacingLimit.global)]
        let first = (0..<10).map { _ in burst.admit(global, at: start) }
        #expect(first.allSatisfy { $0 })
        let then = [0, 0.05, 0.1].map { burst.admit(global, at: start.addingTimeInterval($0)) }
        #expect(then == [false, false, true])
    }

    @Test func aRefusedRequestSpendsNoOtherLimit() {
        var pacer = Pacer(tolerance: .milliseconds(1))
        let start = Date(timeIntervalSince1970: 1_000_000)
        let both: [(key: String, limit: PacingLimit)] = [("global", .global), ("tickle", .oneEvery(.seconds(1)))]
        let tickles = [pacer.admit(both, at: start), pacer.admit(both, at: start)]
        #expect(tickles == [true, false])
        let others = (0..<9).map { _ in pacer.admit([("global", .global)], at: start) }
        #expect(others.allSatisfy { $0 })
    }
}
