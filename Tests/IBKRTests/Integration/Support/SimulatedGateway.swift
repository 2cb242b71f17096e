import Foundation
import IBSimulator
import Portfolio

@testable import IBKR

/// A gateway simulator on loopback for the client to talk to, reached the way a user reaches one: the API over
/// HTTPS (or HTTP) and the control endpoint over HTTP. With `IBDASH_SIM_API` and `IBDASH_SIM_CONTROL` set it
/// uses a running `ibdash sim` instead of starting one in the test.
///
/// Pacing is on, as on a real gateway: every test can end by checking that the simulator counted no violation.
struct SimulatedGateway {
    /// `nil` for an `ibdash sim` started outside the test.
    let simulator: GatewaySimulator?
    /// `https://127.0.0.1:PORT`, what `--gateway` would be given.
    let gateway: String
    /// The self-signed certificate the API presents, when known.
    let certificatePEM: String?
    private let controlTransport: AsyncHTTPTransport

    static let userAgent = "ibdash-integration-tests"
    static let externalAPIVariable = "IBDASH_SIM_API"
    static let externalControlVariable = "IBDASH_SIM_CONTROL"

    /// Still numbers (an hour between price steps), no random orders, markets open, no daily reset and no "no
    /// secdef" rows unless a test asks: what one request shows can be compared with the next.
    static func testConfiguration() -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.port = 0
        configuration.controlPort = 0
        configuration.tls = true
        configuration.historyDays = 30
        configuration.priceTick = .seconds(3_600)
        configuration.orderActivity = 0
        configuration.marketHours = .alwaysOpen
        configuration.switches.dailyReset = nil
        configuration.switches.partialPositionProbability = 0
        return configuration
    }

    /// Starts a simulator with the test configuration changed by `configure`, runs `body`, and stops it.
    static func with<Result>(
        configuring configure: (inout SimulatorConfiguration) -> Void = { _ in },
        _ body: (SimulatedGateway) async throws -> Result
    ) async throws -> Result {
        var configuration = testConfiguration()
        configure(&configuration)
        let simulator = GatewaySimulator(configuration: configuration)
        let endpoints = try await simulator.start()
        let gateway = try SimulatedGateway(
            simulator: simulator, apiBase: endpoints.apiBase, controlPort: endpoints.controlPort,
            certificatePEM: endpoints.certificatePEM)
        return try await gateway.run(body)
    }

    /// Where most tests begin: a simulator, a connection to it, the session checked and the accounts listed.
    static func withSession(
        configuring configure: (inout SimulatorConfiguration) -> Void = { _ in },
        _ body: (SimulatedGateway, ClientPortalAccountSource, [AccountID]) async throws -> Void
    ) async throws {
        try await with(configuring: configure) { gateway in
            try await gateway.withConnection { connection in
                let source = connection.source
                _ = try await source.checkSession()
                try await body(gateway, source, try await source.accounts().map(\.id))
            }
        }
    }

    /// The `ibdash sim` named by the environment, or `nil` when none is.
    static func external(_ body: (SimulatedGateway) async throws -> Void) async throws -> Bool {
        let environment = ProcessInfo.processInfo.environment
        guard let api = environment[externalAPIVariable], let control = environment[externalControlVariable] else {
            return false
        }
        guard let apiBase = URL(string: api), let controlURL = URL(string: control), let port = controlURL.port else {
            throw IntegrationFailure("\(externalAPIVariable) and \(externalControlVariable) must be URLs with ports")
        }
        let gateway = try SimulatedGateway(simulator: nil, apiBase: apiBase, controlPort: port, certificatePEM: nil)
        try await gateway.run(body)
        return true
    }

    private init(simulator: GatewaySimulator?, apiBase: URL, controlPort: Int, certificatePEM: String?) throws {
        guard let scheme = apiBase.scheme, let host = apiBase.host, let port = apiBase.port else {
            throw IntegrationFailure("the simulator's API address \(apiBase) has no scheme, host or port")
        }
        self.simulator = simulator
        gateway = "\(scheme)://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        self.certificatePEM = certificatePEM
        controlTransport = try AsyncHTTPTransport(
            AsyncHTTPTransport.Configuration(
                address: GatewayAddress(scheme: "http", host: "127.0.0.1", port: controlPort, basePath: "/sim"),
                tls: .loopbackSelfSigned, userAgent: Self.userAgent))
    }

    private func run<Result>(_ body: (SimulatedGateway) async throws -> Result) async throws -> Result {
        let result: Result
        do {
            result = try await body(self)
        } catch {
            await shutdown()
            throw error
        }
        await shutdown()
        return result
    }

    private func shutdown() async {
        try? await controlTransport.shutdown()
        await simulator?.stop()
    }

    // MARK: The client

    /// A connection as `ibdash --gateway https://127.0.0.1:PORT [--cacert FILE]` opens it.
    func connection(cacert: String? = nil, time: any TimeSource = SystemTimeSource()) throws -> ClientPortalConnection {
        try ClientPortalConnection.open(
            ClientPortalConnection.Options(
                gateway: gateway, cacert: cacert, userAgent: Self.userAgent, environment: [:]),
            time: time)
    }

    /// Runs `body` with a connection and closes it afterwards.
    func withConnection<Result>(
        cacert: String? = nil, time: any TimeSource = SystemTimeSource(),
        _ body: (ClientPortalConnection) async throws -> Result
    ) async throws -> Result {
        let connection = try connection(cacert: cacert, time: time)
        let result: Result
        do {
            result = try await body(connection)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
        return result
    }

    // MARK: The control endpoint

    /// Sends one control command (`ControlCommand`'s JSON) and returns the answer; a refusal throws.
    @discardableResult
    func control(_ json: String) async throws -> [String: JSONValue] {
        let response = try await controlTransport.send(GatewayRequest(.post, "/control", body: Array(json.utf8)))
        let answer = try JSONValue(parsing: response.body).objectValue ?? [:]
        guard response.status == 200, answer["ok"] == .bool(true) else {
            throw IntegrationFailure("control \(json) answered \(response.status): \(String(decoding: response.body, as: UTF8.self))")
        }
        return answer
    }

    /// `GET /sim/stats`: what the simulator has seen, per endpoint template.
    func statistics() async throws -> SimulatorStatistics {
        let response = try await controlTransport.send(GatewayRequest(.get, "/stats"))
        guard response.status == 200, let fields = try JSONValue(parsing: response.body).objectValue else {
            throw IntegrationFailure("/sim/stats answered \(response.status)")
        }
        var statistics = SimulatorStatistics()
        statistics.requests = try Self.counts(fields["requests"])
        statistics.pacingViolations = try Self.counts(fields["pacingViolations"])
        statistics.penalized = try Self.counts(fields["penalized"])
        statistics.faults = try Self.counts(fields["faults"])
        return statistics
    }

    private static func counts(_ table: JSONValue?) throws -> [String: Int] {
        guard let fields = table?.objectValue else { throw IntegrationFailure("/sim/stats lacks a table") }
        var counts: [String: Int] = [:]
        for (key, value) in fields {
            guard case .number(let text) = value, let count = Int(text) else {
                throw IntegrationFailure("/sim/stats counts \(key) as \(value.rendered)")
            }
            counts[key] = count
        }
        return counts
    }
}

extension SimulatorStatistics {
    /// Requests of one route template, e.g. `GET /portfolio/{accountId}/summary`.
    func requests(_ template: String) -> Int { requests[template] ?? 0 }

    /// What was counted since `earlier`, in every table.
    func since(_ earlier: SimulatorStatistics) -> SimulatorStatistics {
        func minus(_ now: [String: Int], _ before: [String: Int]) -> [String: Int] {
            now.merging(before.mapValues { -$0 }, uniquingKeysWith: +).filter { $0.value != 0 }
        }
        var difference = SimulatorStatistics()
        difference.requests = minus(requests, earlier.requests)
        difference.pacingViolations = minus(pacingViolations, earlier.pacingViolations)
        difference.penalized = minus(penalized, earlier.penalized)
        difference.faults = minus(faults, earlier.faults)
        return difference
    }
}

struct IntegrationFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
