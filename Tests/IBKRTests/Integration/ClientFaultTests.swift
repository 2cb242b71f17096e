import Foundation
import IBSimulator
import Portfolio
import Testing

@testable import IBKR

/// Broken answers and IBKR's 429 from the simulator's fault injection.
@Suite(.timeLimit(.minutes(3))) struct ClientFaultTests {
    @Test(arguments: ["truncated", "malformed"])
    func aBrokenBodyIsAnErrorNamingTheEndpoint(kind: String) async throws {
        try await SimulatedGateway.withSession { gateway, source, accounts in
            let account = try #require(accounts.first)
            _ = try await source.pnl(for: account)
            let calls: [(path: String, call: () async throws -> Void)] = [
                ("/portfolio/\(account)/summary", { _ = try await source.summary(for: account) }),
                ("/portfolio/\(account)/ledger", { _ = try await source.ledger(for: account) }),
                ("/portfolio/\(account)/positions/0", { _ = try await source.positions(for: account) }),
                ("/iserver/account/pnl/partitioned", { _ = try await source.pnl(for: account) }),
            ]
            for (path, call) in calls {
                try await gateway.control(#"{"command":"fault","kind":"\#(kind)","pathPrefix":"\#(path)"}"#)
                let error = await sourceError(call)
                #expect(error?.kind == .decoding, "\(path): \(error?.description ?? "no error")")
                #expect(error?.endpoint == path)
                #expect(error?.message.isEmpty == false)
                // The fault was for one request: the next answer is whole again.
                try await call()
            }
            let seen = try await gateway.statistics()
            #expect(seen.faults[kind] == calls.count)
            #expect(seen.totalPacingViolations == 0)
        }
    }

    @Test func aBurstOf429sBacksOffWithoutARetryStorm() async throws {
        try await SimulatedGateway.withSession { gateway, source, accounts in
            let account = try #require(accounts.first)
            let path = "/portfolio/\(account)/summary"
            try await gateway.control(
                #"{"command":"fault","kind":"rateLimit","durationSeconds":600,"pathPrefix":"\#(path)"}"#)
            let before = try await gateway.statistics()

            // Thirty screens' worth of callers at once, then more while the first wave is answered.
            let callers = 30
            let errors = await withTaskGroup(of: SourceError?.self) { group in
                for _ in 0..<callers { group.addTask { await sourceError { try await source.summary(for: account) } } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(errors.count == callers && errors.allSatisfy { $0?.kind == .rateLimited })
            #expect(errors.allSatisfy { $0?.endpoint == path })
            let burst = try await gateway.statistics().since(before).requests("GET /portfolio/{accountId}/summary")
            // No more than the global pacing limit lets out before the first 429 is back; none after it.
            #expect(burst >= 1 && burst <= 10, "the simulator saw \(burst) summary requests")
            for _ in 0..<20 {
                #expect(await sourceError { try await source.summary(for: account) }?.kind == .rateLimited)
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(try await gateway.statistics().since(before).requests("GET /portfolio/{accountId}/summary") == burst)

            let backoff = await source.backoff
            let episode = try #require(backoff.endpoints["/portfolio/{accountId}/summary"])
            #expect(backoff.penaltyBox == nil && episode.strike == 1 && episode.duration == .seconds(15))
            // Other endpoints go on.
            #expect(try await source.ledger(for: account).base != nil)

            // After the pause, one request tries again and, with IBKR calm again, succeeds.
            try await gateway.control(#"{"command":"clearFaults"}"#)
            try await Task.sleep(for: .seconds(max(0, episode.until.timeIntervalSinceNow) + 0.3))
            #expect(try await source.summary(for: account).netLiquidation != nil)
            #expect(await source.backoff.isCalm)
            let seen = try await gateway.statistics()
            #expect(seen.since(before).requests("GET /portfolio/{accountId}/summary") == burst + 1)
            #expect(seen.totalPacingViolations == 0)
        }
    }
}
