import Foundation
import Portfolio
import Testing

@testable import IBKR

@Suite struct ClientPortalConnectionTests {
    private func open(_ options: ClientPortalConnection.Options) async throws -> ClientPortalConnection {
        let connection = try ClientPortalConnection.open(options)
        try await connection.close()
        return connection
    }

    @Test func theDefaultIsTheLocalGatewayWithItsSelfSignedCertificate() async throws {
        let connection = try await open(.init(userAgent: "ibdash/1", environment: [:]))
        #expect(connection.address == .localGateway && connection.tls == .loopbackSelfSigned)
        #expect(connection.connectionInfo == ConnectionInfo(gateway: "localhost:5000", tlsInsecure: false))
        #expect(connection.transport.configuration.bearerToken == nil)
        #expect(connection.transport.configuration.userAgent == "ibdash/1")
    }

    @Test func insecureShowsInTheConnectionInfo() async throws {
        let connection = try await open(.init(gateway: "https://gw.example.com:5000", insecure: true, userAgent: "u", environment: [:]))
        #expect(connection.connectionInfo.tlsInsecure && connection.connectionInfo.gateway == "gw.example.com:5000")
    }

    @Test func ibkrsWebAPINeedsABearerToken() async throws {
        let error = #expect(throws: SourceError.self) {
            try ClientPortalConnection.open(.init(gateway: "https://api.ibkr.com", userAgent: "u", environment: [:]))
        }
        #expect(error?.kind == .configuration && error?.fix?.contains("IBDASH_BEARER_TOKEN") == true)

        let connection = try await open(.init(gateway: "https://api.ibkr.com", userAgent: "u", environment: ["IBDASH_BEARER_TOKEN": "tok"]))
        #expect(connection.tls == .verify)
        #expect(connection.transport.configuration.bearerToken?.withValue { $0 } == "tok")
    }

    @Test func theTokenFileIsUsedWhenTheVariableIsUnset() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ibdash-token-\(UUID().uuidString)").path
        try "from-file\n".write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(chmod(path, 0o644) == 0)
        #expect(throws: SourceError.self) {
            try ClientPortalConnection.open(.init(bearerTokenFile: path, userAgent: "u", environment: [:]))
        }
        #expect(chmod(path, 0o600) == 0)
        let connection = try await open(.init(bearerTokenFile: path, userAgent: "u", environment: [:]))
        #expect(connection.transport.configuration.bearerToken?.withValue { $0 } == "from-file")
    }

    @Test func aBadGatewayOrCertificateFileIsRefusedBeforeAnythingIsSent() {
        #expect(throws: SourceError.self) { try ClientPortalConnection.open(.init(gateway: "http://localhost:5000", userAgent: "u", environment: [:])) }
        #expect(throws: SourceError.self) { try ClientPortalConnection.open(.init(cacert: "/nonexistent.pem", userAgent: "u", environment: [:])) }
    }
}
