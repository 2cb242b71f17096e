import Foundation
import IBSimulator
import Portfolio
import Testing

@testable import IBKR

/// How the client reaches the simulator: HTTPS with the self-signed certificate accepted on loopback, the same
/// certificate pinned with `--cacert`, a wrong pin refused, and plain HTTP.
@Suite(.timeLimit(.minutes(2))) struct ClientTransportTests {
    @Test func theLoopbackPolicyAcceptsTheSelfSignedCertificate() async throws {
        try await SimulatedGateway.with { gateway in
            #expect(gateway.gateway.hasPrefix("https://127.0.0.1:"))
            try await gateway.withConnection { connection in
                #expect(connection.tls == .loopbackSelfSigned && !connection.connectionInfo.tlsInsecure)
                let status = try await connection.source.checkSession()
                #expect(status.state == .authenticated)
                #expect(try await connection.source.accounts().count == 3)
            }
        }
    }

    @Test func cacertPinsTheSimulatorsCertificate() async throws {
        try await SimulatedGateway.with { gateway in
            let pem = try #require(gateway.certificatePEM)
            let file = try TemporaryFile(contents: pem)
            defer { file.remove() }
            try await gateway.withConnection(cacert: file.path) { connection in
                #expect(connection.tls == .pinned(certificateFile: file.path, checkHostname: false))
                let status = try await connection.source.checkSession()
                #expect(status.state == .authenticated && status.expiresIn != nil)
                #expect(try await connection.source.accounts().count == 3)
            }
        }
    }

    @Test func aCertificateOtherThanThePinnedOneIsRefused() async throws {
        let other = try TestCertificate()
        defer { other.remove() }
        try await SimulatedGateway.with { gateway in
            try await gateway.withConnection(cacert: other.pemFile) { connection in
                let status = try await connection.source.checkSession()
                #expect(status.state == .unreachable)
                #expect(status.message?.contains("TLS handshake") == true, "\(status.message ?? "")")
                let seen = try await gateway.statistics()
                #expect(seen.totalRequests == 0)
            }
        }
    }

    @Test func plainHTTPOnLoopbackWorksToo() async throws {
        try await SimulatedGateway.with(configuring: { $0.tls = false }) { gateway in
            #expect(gateway.gateway.hasPrefix("http://"))
            let parts = try #require(URLComponents(string: gateway.gateway))
            let address = GatewayAddress(scheme: "http", host: try #require(parts.host), port: try #require(parts.port))
            let transport = try AsyncHTTPTransport(
                AsyncHTTPTransport.Configuration(address: address, tls: .verify, userAgent: SimulatedGateway.userAgent))
            let source = ClientPortalAccountSource(
                client: ClientPortalClient(
                    transport: transport, budget: RequestBudget(time: SystemTimeSource()), address: address))
            do {
                #expect(try await source.checkSession().state == .authenticated)
                let account = try #require(try await source.accounts().first).id
                #expect(try await source.summary(for: account).netLiquidation != nil)
            } catch {
                try? await transport.shutdown()
                throw error
            }
            try await transport.shutdown()
        }
    }
}

/// A file in the temporary directory that the test removes.
struct TemporaryFile {
    let path: String

    init(contents: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("ibdash-\(UUID().uuidString)").path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
