import Foundation
import IBSimulator
import Testing

@testable import IBKR
@testable import Portfolio

/// The issue's pacing checks. They run for `IBDASH_LONG_CHECK_SECONDS` (20 s unless set; 120 and 300 for the
/// full runs of `scripts/pacing-check.sh`) against an in-process simulator, or against the `ibdash sim` named by
/// `IBDASH_SIM_API` and `IBDASH_SIM_CONTROL`. Each prints its figures on a line starting with `pacing-check:`.
@Suite(.serialized) struct PacingCheckTests {
    static let durationVariable = "IBDASH_LONG_CHECK_SECONDS"

    static var duration: Duration {
        let text = ProcessInfo.processInfo.environment[durationVariable] ?? ""
        return .seconds(Int(text).map { max(1, $0) } ?? 20)
    }

    /// Against whichever simulator the environment says, with three accounts.
    private static func onSimulator(_ body: (SimulatedGateway) async throws -> Void) async throws {
        if try await SimulatedGateway.external(body) { return }
        try await SimulatedGateway.with(configuring: { $0.accounts = 3 }, body)
    }

    /// Many callers on every endpoint at once, each asking again the moment it has its answer: the client as hard
    /// as its budget lets it go. The simulator must count no pacing violation. Callers still waiting for a pacing
    /// slot at the end are cancelled.
    @Test(.timeLimit(.minutes(10))) func theClientAtFullSpeedStaysInsideIBKRsPacing() async throws {
        try await Self.onSimulator { gateway in
            try await gateway.withConnection { connection in
                let source = connection.source
                #expect(try await source.checkSession().state == .authenticated)
                let accounts = try await source.accounts().map(\.id)
                var conids: [Int] = []
                for account in accounts { conids += try await source.positions(for: account).map(\.contract.conid) }
                let before = try await gateway.statistics()
                let started = Date()
                let held = conids
                var calls: [(name: String, call: @Sendable () async throws -> Void)] = [
                    ("tickle", { @Sendable in _ = try await source.checkSession() }),
                    ("accounts", { @Sendable in _ = try await source.accounts() }),
                    ("quotes", { @Sendable in _ = try await source.quotes(for: held) }),
                ]
                for account in accounts {
                    calls += [
                        ("summary", { @Sendable in _ = try await source.summary(for: account) }),
                        ("ledger", { @Sendable in _ = try await source.ledger(for: account) }),
                        ("positions", { @Sendable in _ = try await source.positions(for: account) }),
                        ("invalidate", { @Sendable in try await source.invalidatePositions(for: account) }),
                        ("pnl", { @Sendable in _ = try await source.pnl(for: account) }),
                        ("orders", { @Sendable in _ = try await source.orders(for: account) }),
                        ("trades", { @Sendable in _ = try await source.executions(for: account) }),
                    ]
                }
                let callers = 3
                let outcomes = await withTaskGroup(of: [String: Int].self) { group in
                    for (name, call) in calls {
                        for _ in 0..<callers { group.addTask { await Self.hammer(name, call) } }
                    }
                    try? await Task.sleep(for: Self.duration)
                    group.cancelAll()
                    return await group.reduce(into: [String: Int]()) { $0.merge($1, uniquingKeysWith: +) }
                }
                let elapsed = Date().timeIntervalSince(started)
                let seen = try await gateway.statistics().since(before)
                let rate = Double(seen.totalRequests) / elapsed
                let answers = outcomes.filter { !$0.key.hasSuffix(" cancelled") }
                print(
                    "pacing-check: client at full speed for \(Int(elapsed.rounded())) s, \(calls.count * callers) "
                        + "callers: \(seen.totalRequests) requests (\(String(format: "%.2f", rate))/s), "
                        + "\(seen.totalPacingViolations) pacing violations, "
                        + "\(answers.values.reduce(0, +)) answers, "
                        + "\(outcomes.values.reduce(0, +) - answers.values.reduce(0, +)) calls still waiting at the end")
                print("pacing-check: requests by endpoint \(seen.requests.sorted { $0.key < $1.key })")
                print("pacing-check: answers by call \(outcomes.sorted { $0.key < $1.key })")
                #expect(seen.totalPacingViolations == 0, "\(seen.pacingViolations)")
                // Only successes: no 429 and no error of any kind. (With every caller always waiting, the brokerage
                // calls, one at a time behind the account selection, get few turns; the counts above say how many.)
                #expect(answers.keys.allSatisfy { $0.hasSuffix(" ok") }, "\(answers)")
                // Callers share an account list being fetched, never one that was already fetched.
                #expect(
                    answers["accounts ok", default: 0] <= seen.requests("GET /portfolio/accounts") * callers,
                    "\(answers["accounts ok", default: 0]) account lists from \(seen.requests("GET /portfolio/accounts")) requests")
                // The budget's global limit (10 in any 1.2 s) holds on average as well.
                #expect(rate <= 10, "\(rate) requests per second")
            }
        }
    }

    /// Calls `call` again and again until cancelled; counts the answers by kind.
    private static func hammer(_ name: String, _ call: @Sendable () async throws -> Void) async -> [String: Int] {
        var outcomes: [String: Int] = [:]
        while !Task.isCancelled {
            let outcome: String
            do {
                try await call()
                outcome = "ok"
            } catch is CancellationError {
                outcome = "cancelled"
            } catch let error as SourceError {
                outcome = Task.isCancelled ? "cancelled" : "\(error.kind)"
            } catch {
                outcome = "\(type(of: error))"
            }
            outcomes["\(name) \(outcome)", default: 0] += 1
        }
        return outcomes
    }

    /// The engine with three accounts at its own cadences: every dataset live, no pacing violation. Prints each
    /// change of the session and of a dataset's freshness.
    @Test(.timeLimit(.minutes(10))) func theEngineKeepsEveryDatasetLiveWithoutPacingViolations() async throws {
        try await Self.onSimulator { gateway in
            let before = try await gateway.statistics()
            try await EngineOnSimulator.run(on: gateway) { run in
                let started = Date()
                var changes = ChangePrinter(started: started)
                let first = try await run.waitUntil("every dataset live") { state in
                    changes.note(state)
                    return EngineOnSimulator.everythingLive(state, accounts: 3)
                }
                let liveAfter = first.now.timeIntervalSince(started)
                let end = first.now.adding(Self.duration)
                var liveChecks = 0
                var notLive: [String] = []
                while Date() < end {
                    try await Task.sleep(for: .seconds(1))
                    let state = await run.engine.state
                    changes.note(state)
                    liveChecks += 1
                    if !EngineOnSimulator.everythingLive(state, accounts: 3) {
                        notLive.append(String(format: "%.0f s: ", Date().timeIntervalSince(started))
                            + EngineOnSimulator.describe(state))
                    }
                }
                let last = await run.engine.state
                let seen = try await gateway.statistics().since(before)
                let elapsed = Date().timeIntervalSince(started)
                let datasets = last.accounts.count * EngineOnSimulator.polledDatasets.count
                let live = last.accounts.reduce(0) { count, account in
                    count + EngineOnSimulator.polledDatasets.filter {
                        account.freshness(of: $0, at: last.now)?.level == .live
                    }.count
                }
                print(
                    "pacing-check: engine with \(last.accounts.count) accounts for \(Int(elapsed.rounded())) s "
                        + "(all live after \(Int(liveAfter.rounded())) s, then \(Int(Self.duration.timeInterval)) s): "
                        + "\(seen.totalRequests) requests "
                        + "(\(String(format: "%.2f", Double(seen.totalRequests) / elapsed))/s), "
                        + "\(seen.totalPacingViolations) pacing violations, \(live)/\(datasets) datasets live, "
                        + "\(liveChecks - notLive.count)/\(liveChecks) checks all live, \(last.alerts.count) alerts")
                print("pacing-check: requests by endpoint \(seen.requests.sorted { $0.key < $1.key })")
                #expect(seen.totalPacingViolations == 0, "\(seen.pacingViolations)")
                #expect(notLive.isEmpty, "\(notLive.prefix(3))")
                #expect(live == datasets && last.accounts.count == 3)
                let trouble = last.alerts.filter { $0.severity >= .warning }
                #expect(trouble.isEmpty, "\(trouble.map(\.text))")
            }
        }
    }
}

/// Prints what changed in the session and in each dataset's freshness level since the last state it saw.
private struct ChangePrinter {
    let started: Date
    private var levels: [String: String] = [:]

    init(started: Date) { self.started = started }

    mutating func note(_ state: DashboardState) {
        var current = ["session": state.connection.session.words]
        for account in state.accounts {
            for dataset in EngineOnSimulator.polledDatasets {
                let level = account.freshness(of: dataset, at: state.now).map { "\($0.level)" } ?? "-"
                current["\(account.id) \(dataset.title)"] = level
            }
        }
        let changed = current.filter { levels[$0.key] != $0.value }.sorted { $0.key < $1.key }
        guard !changed.isEmpty else { return }
        let time = String(format: "%6.1f s", state.now.timeIntervalSince(started))
        print("pacing-check: \(time) " + changed.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        levels = current
    }
}
