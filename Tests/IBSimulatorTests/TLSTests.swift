import Foundation
import Testing

@testable import IBSimulator

/// HTTPS with the self-signed certificate made at start, verified by a client that pins it.
@Suite struct TLSTests {
    @Test func pinnedCertificateVerifiesFor127001AndLocalhost() async throws {
        try await SimulatorHarness.with(configuring: { $0.tls = true }) { harness in
            #expect(harness.endpoints.apiBase.scheme == "https")
            let pem = try #require(harness.endpoints.certificatePEM)
            #expect(pem.hasPrefix("-----BEGIN CERTIFICATE-----"))
            let reply = try await harness.post("/tickle")
            #expect(reply.status == 200)
            #expect(try reply.json()["session"]?.stringValue?.count == 32)
            let localhost = "https://localhost:\(harness.endpoints.apiPort)/v1/api/sso/validate"
            let response = try await harness.client.execute(.init(url: localhost), timeout: .seconds(30))
            #expect(response.status.code == 200)
        }
    }
}
