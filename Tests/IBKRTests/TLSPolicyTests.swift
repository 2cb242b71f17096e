import Portfolio
import Testing

@testable import IBKR

@Suite struct TLSPolicyTests {
    private let local = GatewayAddress.localGateway
    private let remote = GatewayAddress(host: "gateway.example", port: 5000)

    @Test func verificationStaysOnExceptForALoopbackGateway() throws {
        #expect(try TLSPolicy.resolve(for: local, cacert: nil, insecure: false) == .loopbackSelfSigned)
        #expect(try TLSPolicy.resolve(for: GatewayAddress(host: "127.0.0.1", port: 5000), cacert: nil, insecure: false) == .loopbackSelfSigned)
        #expect(try TLSPolicy.resolve(for: remote, cacert: nil, insecure: false) == .verify)
        #expect(try TLSPolicy.resolve(for: .ibkrWebAPI, cacert: nil, insecure: false) == .verify)
    }

    @Test func cacertPinsAndChecksTheNameUnlessLoopback() throws {
        #expect(try TLSPolicy.resolve(for: remote, cacert: "/c.pem", insecure: false) == .pinned(certificateFile: "/c.pem", checkHostname: true))
        #expect(try TLSPolicy.resolve(for: local, cacert: "/c.pem", insecure: false) == .pinned(certificateFile: "/c.pem", checkHostname: false))
    }

    @Test func insecureIsExplicitAndReported() throws {
        let policy = try TLSPolicy.resolve(for: remote, cacert: nil, insecure: true)
        #expect(policy == .insecure && policy.isInsecure && policy.summary.contains("OFF"))
        #expect(!TLSPolicy.loopbackSelfSigned.isInsecure && !TLSPolicy.verify.isInsecure)
    }

    @Test func cacertAndInsecureTogetherAreRefused() {
        #expect(throws: SourceError.self) { try TLSPolicy.resolve(for: remote, cacert: "/c.pem", insecure: true) }
    }

    @Test func anUnreadableCertificateFileIsAConfigurationError() {
        let error = #expect(throws: SourceError.self) {
            try TLSPolicy.pinned(certificateFile: "/nonexistent/ibdash.pem", checkHostname: true).makeTLSConfiguration()
        }
        #expect(error?.kind == .configuration && error?.message.contains("/nonexistent/ibdash.pem") == true)
    }
}
