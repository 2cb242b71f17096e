import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL

@testable import IBSimulator

/// One simulator on ephemeral loopback ports and an HTTP client for it. The defaults keep the numbers still
/// (a one-hour price tick, no random orders) so that what one request shows can be compared with the next.
struct SimulatorHarness {
    let simulator: GatewaySimulator
    let endpoints: SimulatorEndpoints
    let client: HTTPClient

    struct Reply {
        let status: Int
        let body: String

        func json() throws -> WireJSON { try WireJSON.parse(body) }
    }

    static func testConfiguration() -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.port = 0
        configuration.controlPort = 0
        configuration.historyDays = 30
        configuration.priceTick = .seconds(3_600)
        configuration.orderActivity = 0
        configuration.marketHours = .alwaysOpen
        configuration.switches.pacing = false
        configuration.switches.partialPositionProbability = 0
        return configuration
    }

    /// Runs `body` against a fresh simulator with the test configuration.
    static func with(_ body: (SimulatorHarness) async throws -> Void) async throws {
        try await with(configuring: { _ in }, body)
    }

    /// Runs `body` against a fresh simulator, and stops it afterwards whatever happens.
    static func with(
        configuring configure: (inout SimulatorConfiguration) -> Void,
        _ body: (SimulatorHarness) async throws -> Void
    ) async throws {
        var configuration = testConfiguration()
        configure(&configuration)
        let simulator = GatewaySimulator(configuration: configuration)
        let endpoints = try await simulator.start()
        var clientConfiguration = HTTPClient.Configuration()
        if let pem = endpoints.certificatePEM {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(pem.utf8), format: .pem)])
            clientConfiguration.tlsConfiguration = tls
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        let harness = SimulatorHarness(simulator: simulator, endpoints: endpoints, client: client)
        do {
            try await body(harness)
        } catch {
            await harness.shutdown()
            throw error
        }
        await harness.shutdown()
    }

    private func shutdown() async {
        try? await client.shutdown()
        await simulator.stop()
    }

    func url(_ path: String) -> String { endpoints.apiBase.absoluteString + path }

    func get(_ path: String, timeout: TimeAmount = .seconds(30)) async throws -> Reply {
        try await send(HTTPClientRequest(url: url(path)), timeout: timeout)
    }

    func post(_ path: String, json: String = "") async throws -> Reply {
        var request = HTTPClientRequest(url: url(path))
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Content-Length", value: String(json.utf8.count))
        request.body = .bytes(ByteBuffer(string: json))
        return try await send(request, timeout: .seconds(30))
    }

    /// Sends a control command and expects it to be accepted.
    @discardableResult
    func control(_ json: String) async throws -> WireJSON {
        var request = HTTPClientRequest(url: endpoints.control.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Length", value: String(json.utf8.count))
        request.body = .bytes(ByteBuffer(string: json))
        let reply = try await send(request, timeout: .seconds(30))
        guard reply.status == 200 else { throw HarnessError("control answered \(reply.status): \(reply.body)") }
        return try reply.json()
    }

    func controlReply(_ json: String) async throws -> Reply {
        var request = HTTPClientRequest(url: endpoints.control.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Length", value: String(json.utf8.count))
        request.body = .bytes(ByteBuffer(string: json))
        return try await send(request, timeout: .seconds(30))
    }

    func stats() async throws -> WireJSON {
        try await send(HTTPClientRequest(url: endpoints.stats.absoluteString), timeout: .seconds(30)).json()
    }

    private func send(_ request: HTTPClientRequest, timeout: TimeAmount) async throws -> Reply {
        let response = try await client.execute(request, timeout: timeout)
        let body = try await response.body.collect(upTo: 32 << 20)
        return Reply(status: Int(response.status.code), body: String(buffer: body))
    }

    /// `/portfolio/accounts` and `/iserver/accounts`, the calls every session starts with.
    func openSession() async throws {
        _ = try await get("/portfolio/accounts")
        _ = try await get("/iserver/accounts")
    }

    func accountIDs() async -> [String] { await simulator.accountIDs() }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
