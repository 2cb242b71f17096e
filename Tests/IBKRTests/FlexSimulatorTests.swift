import Foundation
import IBSimulator
import Portfolio
import Testing

@testable import IBKR

/// The Flex client and history source against the simulator's Flex service over real HTTP(S) on loopback.
@Suite struct FlexSimulatorTests {
    @Test func generationInProgressThenTheStatement() async throws {
        try await FlexSimulatorHarness.with(configuring: { $0.flex.switches.generationDelay = .seconds(8) }) { sim in
            let (download, events) = try await sim.fetchWithTimeline(FlexQueryID("100001"))
            let response = try FlexStatementParser().parse(download.body)
            #expect(Set(response.statements.compactMap(\.accountId)) == Set(await sim.simulator.accountIDs()))
            #expect(download.format == .xml)
            let waits = events.compactMap { seconds, event -> (Int, Int?)? in
                guard case .waiting(_, let code, _, _) = event else { return nil }
                return (seconds, code)
            }
            // SendRequest at 0, GetStatement at 5 (still generating until 8), again at 10.
            #expect(waits.map(\.1) == [1019])
            #expect(waits.map(\.0) == [5])
            #expect(events.last.map { "\($0.1)" }?.hasPrefix("query 100001: received ") == true)
            let statistics = await sim.statistics
            #expect(statistics.requests == ["SendRequest": 1, "GetStatement": 2])
            #expect(statistics.answers["1019"] == 1 && statistics.pacingViolations == 0)
        }
    }

    @Test func aScripted1018IsWaitedOutAMinute() async throws {
        try await FlexSimulatorHarness.with(configuring: { $0.flex.switches.generationDelay = .zero }) { sim in
            try await sim.script(.getStatement, "1018,OK")
            let (download, events) = try await sim.fetchWithTimeline(FlexQueryID("100001"))
            #expect(download.format == .xml)
            let times = events.map { ($0.0, "\($0.1)") }
            #expect(times.map(\.0) == [0, 0, 5, 65])
            #expect(times[2].1 == "query 100001: too many requests from this token (1018), next try in 1 min…")
            let statistics = await sim.statistics
            #expect(statistics.requests == ["SendRequest": 1, "GetStatement": 2])
            #expect(statistics.answers["1018"] == 1 && statistics.pacingViolations == 0)
        }
    }

    @Test func fourQueriesInARowStayWithinTheServicesLimits() async throws {
        let ids = ["200001", "200002", "200003", "200004"]
        try await FlexSimulatorHarness.with(configuring: { configuration in
            configuration.flex.switches.generationDelay = .seconds(12)
            configuration.flex.queries = ids.map { FlexQuery.dashboard(id: $0) }
        }) { sim in
            let source = FlexHistorySource(
                client: try sim.client(), queries: try ids.map { try FlexQueryID($0) }, cache: nil, logger: .quiet)
            let snapshot = try await driveToDeadlines(sim.clock) { try await source.fetchHistory() }
            #expect(Set(snapshot.accounts.keys.map(\.rawValue)) == Set(await sim.simulator.accountIDs()))
            let statistics = await sim.statistics
            #expect(statistics.requests["SendRequest"] == 4)
            // More than ten requests, so the minute window mattered; the service saw none too many.
            #expect(statistics.requests.values.reduce(0, +) > 10)
            #expect(statistics.pacingViolations == 0 && statistics.answers["1018"] == nil)
        }
    }

    @Test func anExpiredTokenStopsWithOneErrorAndItsFix() async throws {
        try await FlexSimulatorHarness.with(configuring: {
            $0.flex.tokens = [IBSimulator.FlexToken(value: FlexSimulatorHarness.token, status: .expired)]
        }) { sim in
            let client = try sim.client()
            let error = await #expect(throws: SourceError.self) {
                try await driveToDeadlines(sim.clock) { try await client.fetchStatement(FlexQueryID("100001")) }
            }
            #expect(error?.kind == .flex(code: 1012, permanent: true))
            #expect(error?.description == "Flex SendRequest (query 100001): Flex token expired (IBKR: \"Token has expired.\") — make a new one in Client Portal → Performance & Reports → Flex Queries → Flex Web Service")
            #expect(await sim.statistics.requests == ["SendRequest": 1])
        }
    }

    @Test func theEngineRaisesOneAlertForAnExpiredToken() async throws {
        try await FlexSimulatorHarness.with(tls: true, virtualClock: false, configuring: {
            $0.flex.tokens = [IBSimulator.FlexToken(value: FlexSimulatorHarness.token, status: .expired)]
        }) { sim in
            let gateway = try ClientPortalConnection.open(
                ClientPortalConnection.Options(gateway: "https://127.0.0.1:\(sim.endpoints.apiPort)", userAgent: "ibdash/test"))
            let history = FlexHistorySource(
                client: try sim.client(budget: FlexTokenBudget(time: SystemTimeSource())), queries: [try FlexQueryID("100001")],
                cache: nil, logger: .quiet)
            let engine = DashboardEngine(
                source: gateway.source, history: history, configuration: EngineConfiguration(gateway: "simulator"),
                time: SystemTimeSource(), alertLog: nil, environment: [:])
            await engine.start()
            let failed = try await Self.waitFor(engine) { $0.history.lastError != nil }
            #expect(failed.history.lastError?.kind == .flex(code: 1012, permanent: true))
            // Asking again at once is the same episode: still one alert.
            await engine.refreshHistory()
            try await Self.waitFor(engine) { _ in await sim.statistics.requests["SendRequest"] == 2 }
            try await Task.sleep(for: .milliseconds(300))
            let alerts = await engine.state.alerts.filter { $0.text.contains("1012") }
            await engine.stop()
            try await gateway.close()
            #expect(alerts.count == 1)
            #expect(alerts.first?.severity == .error)
            #expect(alerts.first?.text.contains("Flex token expired") == true)
            #expect(alerts.first?.text.contains(FlexSimulatorHarness.token) == false)
        }
    }

    /// The engine's state once `condition` holds; fails after 20 s.
    @discardableResult
    private static func waitFor(
        _ engine: DashboardEngine, _ condition: (DashboardState) async -> Bool
    ) async throws -> DashboardState {
        for _ in 0..<200 {
            let state = await engine.state
            if await condition(state) { return state }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the engine did not get there within 20 s")
        return await engine.state
    }
}
