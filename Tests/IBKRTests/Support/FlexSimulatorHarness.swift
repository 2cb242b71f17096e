import Foundation
import IBSimulator
import Logging
import Portfolio

@testable import IBKR

/// The simulator's Flex Web Service on loopback, its clock tied to a virtual one that the client's budget runs on
/// too: polling, generation delays and both sides' pacing are counted in the same virtual seconds, while every
/// request goes over real HTTP. With `virtualClock: false` both sides run on the real clock (for the engine).
struct FlexSimulatorHarness {
    let simulator: GatewaySimulator
    let endpoints: SimulatorEndpoints
    let clock: VirtualTimeSource
    let transport: FlexHTTPTransport

    static let token = IBSimulator.FlexToken.defaultValue

    /// Runs `body` against a fresh simulator, and stops it afterwards whatever happens.
    static func with(
        tls: Bool = false, virtualClock: Bool = true, configuring configure: (inout SimulatorConfiguration) -> Void = { _ in },
        _ body: (FlexSimulatorHarness) async throws -> Void
    ) async throws {
        let clock = VirtualTimeSource()
        var configuration = SimulatorConfiguration()
        configuration.port = 0
        configuration.controlPort = 0
        configuration.tls = tls
        configuration.historyDays = 30
        configuration.priceTick = .seconds(3_600)
        configuration.orderActivity = 0
        if virtualClock { configuration.flex.clock = { clock.now } }
        configure(&configuration)
        let simulator = GatewaySimulator(configuration: configuration)
        let endpoints = try await simulator.start()
        let harness = FlexSimulatorHarness(
            simulator: simulator, endpoints: endpoints, clock: clock, transport: FlexHTTPTransport(userAgent: "ibdash/test"))
        do {
            try await body(harness)
        } catch {
            await harness.shutdown()
            throw error
        }
        await harness.shutdown()
    }

    private func shutdown() async {
        await transport.shutdown()
        await simulator.stop()
    }

    var endpoint: IBKR.FlexEndpoint {
        get throws { try IBKR.FlexEndpoint(parsing: endpoints.flexEndpoint.absoluteString) }
    }

    /// A client of the simulator's service with the default retry policy, without jitter.
    func client(budget: FlexTokenBudget? = nil, logger: Logger = .quiet) throws -> FlexClient {
        FlexClient(
            endpoint: try endpoint, token: try Secret(Self.token, name: "Flex token"), transport: transport,
            budget: budget ?? FlexTokenBudget(time: clock), policy: FlexRetryPolicy(jitter: 0), logger: logger)
    }

    /// Fetches `query` with a fresh client, driving the clock, and returns the statement with every progress
    /// event and the whole virtual seconds since the start at which it came.
    func fetchWithTimeline(_ query: FlexQueryID) async throws -> (FlexDownload, [(Int, FlexProgress)]) {
        let client = try client()
        let events = Locked<[(Int, FlexProgress)]>([])
        let clock = clock
        let started = clock.now
        let download = try await driveToDeadlines(clock) {
            try await client.fetchStatement(query) { event in
                events.withLock { $0.append((Int(clock.now.since(started).timeInterval.rounded()), event)) }
            }
        }
        return (download, events.value)
    }

    /// Scripts the next answers of one call, e.g. `"1018,OK"`.
    func script(_ endpoint: IBSimulator.FlexEndpoint, _ steps: String) async throws {
        try await simulator.flex(.script(endpoint, try FlexScriptStep.parse(steps)))
    }

    var statistics: FlexStatistics {
        get async { await simulator.statistics().flex }
    }
}
