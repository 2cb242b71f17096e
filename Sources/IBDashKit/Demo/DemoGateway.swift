import Foundation
import IBSimulator

/// `ibdash --demo`: the simulated gateway inside this process, on an ephemeral loopback port, over HTTPS with its
/// self-signed certificate, so the demo takes the same TLS path as a real local gateway.
struct DemoGateway: Sendable {
    let simulator: GatewaySimulator
    let endpoints: SimulatorEndpoints

    /// Three accounts (USD, EUR and a paper account), prices that move at any hour, orders that come and fill.
    static func configuration() -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.port = 0
        configuration.controlPort = 0
        configuration.tls = true
        configuration.accounts = 3
        configuration.positionsPerAccount = 12
        configuration.seed = 7
        configuration.marketHours = .alwaysOpen
        configuration.priceTick = .seconds(1)
        configuration.volatilityPerTick = 0.0006
        configuration.orderActivity = 0.04
        // A demo that drops its session at midnight would look broken.
        configuration.switches.dailyReset = nil
        configuration.switches.idleTimeout = .seconds(3600)
        // History shows up a few seconds after the first frame, through the real 1019 "generating" step.
        configuration.flex.switches.generationDelay = .seconds(2)
        return configuration
    }

    static func start() async throws -> DemoGateway {
        let simulator = GatewaySimulator(configuration: configuration())
        let endpoints = try await simulator.start()
        return DemoGateway(simulator: simulator, endpoints: endpoints)
    }

    /// The address the client connects to: the simulator's API on loopback.
    var gatewayURL: String { endpoints.apiBase.absoluteString }

    /// The simulated Flex Web Service, its token and its dashboard query (a year of history).
    var flexEndpoint: String { endpoints.flexEndpoint.absoluteString }
    static let flexToken = FlexToken.defaultValue
    static let flexQuery = "100001"

    func stop() async { await simulator.stop() }
}
