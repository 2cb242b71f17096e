import Foundation
import IBSimulator

@testable import IBKR
@testable import Portfolio

/// `DashboardEngine` on `ClientPortalAccountSource` on the simulator, on the real clock, as `ibdash` wires them.
struct EngineOnSimulator {
    let gateway: SimulatedGateway
    let connection: ClientPortalConnection
    let engine: DashboardEngine

    /// The datasets polled for every account (history comes from Flex, which this engine has none of).
    static let polledDatasets: [Dataset] = [.summary, .ledger, .positions, .pnl, .orders, .trades, .quotes]

    /// Runs `body` with a started engine and stops it afterwards.
    static func run<Result>(
        on gateway: SimulatedGateway, cadences: Cadences = Cadences(),
        _ body: (EngineOnSimulator) async throws -> Result
    ) async throws -> Result {
        try await gateway.withConnection { connection in
            let configuration = EngineConfiguration(
                gateway: connection.connectionInfo.gateway, cadences: cadences,
                tlsInsecure: connection.connectionInfo.tlsInsecure)
            let engine = DashboardEngine(
                source: connection.source, history: nil, configuration: configuration, time: SystemTimeSource(),
                alertLog: nil, environment: [:], seed: 1)
            await engine.start()
            let run = EngineOnSimulator(gateway: gateway, connection: connection, engine: engine)
            let result: Result
            do {
                result = try await body(run)
            } catch {
                await engine.stop()
                throw error
            }
            await engine.stop()
            return result
        }
    }

    /// Polls the engine's state until `condition` holds; throws with `what` and the state's summary after `timeout`.
    @discardableResult
    func waitUntil(
        _ what: String, timeout: Duration = .seconds(120), _ condition: (DashboardState) -> Bool
    ) async throws -> DashboardState {
        let deadline = Date().adding(timeout)
        while true {
            let state = await engine.state
            if condition(state) { return state }
            guard Date() < deadline else {
                throw IntegrationFailure("timed out waiting for \(what); \(Self.describe(state))")
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// True when every polled dataset of every account is live, on an authenticated session.
    static func everythingLive(_ state: DashboardState, accounts: Int) -> Bool {
        state.connection.session == .authenticated && state.accounts.count == accounts
            && state.accounts.allSatisfy { account in
                polledDatasets.allSatisfy { account.freshness(of: $0, at: state.now)?.level == .live }
            }
    }

    /// The session and each dataset's freshness, for failure messages and the long check's report.
    static func describe(_ state: DashboardState) -> String {
        var lines = ["session \(state.connection.session.words)"]
        for account in state.accounts {
            let datasets = polledDatasets.map { dataset in
                let freshness = account.freshness(of: dataset, at: state.now)
                let failed = account.lastTryFailed(dataset) ? account.slot(dataset)?.lastError : nil
                let error = failed.map { " (\($0.description))" } ?? ""
                return "\(dataset.title) \(freshness.map { "\($0.level)" } ?? "-")\(error)"
            }
            lines.append("\(account.id): " + datasets.joined(separator: ", "))
        }
        return lines.joined(separator: "; ")
    }
}
