import Foundation
import NIOSSL
import Portfolio
import Testing

@testable import IBKR

/// The real transport against a small server on 127.0.0.1, plain and with TLS, checking what goes on the wire.
@Suite(.serialized) struct HTTPTransportTests {
    private let userAgent = "ibdash/9.9.9"

    private func transport(
        port: Int, scheme: String = "https", host: String = "127.0.0.1", tls: TLSPolicy = .loopbackSelfSigned,
        token: Secret? = nil, requestTimeout: Duration = .seconds(10), connectTo: String? = nil
    ) throws -> AsyncHTTPTransport {
        // AsyncHTTPClient retries a failed connection until the connect timeout; a short one keeps the
        // refusals below quick.
        var configuration = AsyncHTTPTransport.Configuration(
            address: GatewayAddress(scheme: scheme, host: host, port: port), tls: tls, userAgent: userAgent,
            bearerToken: token, connectTimeout: .milliseconds(500), requestTimeout: requestTimeout)
        if let connectTo { configuration.connectOverrides = [host: connectTo] }
        return try AsyncHTTPTransport(configuration)
    }

    @discardableResult
    private func withServer<T>(
        tls certificate: TestCertificate? = nil,
        respond: @escaping LocalTestServer.Responder = { _ in (200, #"{"ok":true}"#) },
        _ body: (LocalTestServer) async throws -> T
    ) async throws -> T {
        let server = try await LocalTestServer.start(tls: try certificate?.serverContext(), respond: respond)
        return try await cleaningUp({ try await body(server) }, with: { try await server.stop() })
    }

    @discardableResult
    private func using<T>(_ transport: AsyncHTTPTransport, _ body: (AsyncHTTPTransport) async throws -> T) async throws -> T {
        try await cleaningUp({ try await body(transport) }, with: { try await transport.shutdown() })
    }

    /// Runs `body`, then `cleanup` whether or not `body` threw.
    private func cleaningUp<T>(_ body: () async throws -> T, with cleanup: () async throws -> Void) async throws -> T {
        let result: Result<T, any Error>
        do { result = .success(try await body()) } catch { result = .failure(error) }
        try await cleanup()
        return try result.get()
    }

    @Test func everyRequestCarriesUserAgentAndAccept() async throws {
        try await withServer { server in
            try await using(transport(port: server.port, scheme: "http")) { transport in
                let response = try await transport.send(GatewayRequest(.get, "/portfolio/accounts"))
                #expect(response.status == 200 && response.body == Array(#"{"ok":true}"#.utf8))
            }
            let request = try #require(server.received.first)
            #expect(request.method == "GET" && request.uri == "/v1/api/portfolio/accounts")
            #expect(request.header("User-Agent") == userAgent)
            #expect(request.header("Accept") == "*/*")
            #expect(request.header("Authorization") == nil)
            #expect(request.header("Content-Length") == nil)
        }
    }

    @Test func everyPostCarriesContentLengthEvenWhenEmpty() async throws {
        try await withServer { server in
            try await using(transport(port: server.port, scheme: "http")) { transport in
                // The server answers 411 to a POST without Content-Length, as the gateway does.
                let tickle = try await transport.send(GatewayRequest(.post, "/tickle"))
                #expect(tickle.status == 200)
                let select = try await transport.send(ClientPortalEndpoint.selectAccount("U7654321").request)
                #expect(select.status == 200)
            }
            let received = server.received
            #expect(received.count == 2)
            #expect(received[0].header("Content-Length") == "0" && received[0].body.isEmpty)
            #expect(received[0].header("Transfer-Encoding") == nil)
            let body = #"{"acctId":"U7654321"}"#
            #expect(received[1].header("Content-Length") == String(body.utf8.count))
            #expect(received[1].body == Array(body.utf8) && received[1].header("Content-Type") == "application/json")
        }
    }

    @Test func queryListsKeepTheirCommas() async throws {
        try await withServer { server in
            try await using(transport(port: server.port, scheme: "http")) { transport in
                _ = try await transport.send(ClientPortalEndpoint.snapshot(conids: [265598, 272093], fields: ["31", "83"]).request)
            }
            #expect(server.received.first?.uri == "/v1/api/iserver/marketdata/snapshot?conids=265598,272093&fields=31,83")
        }
    }

    @Test func theBearerTokenIsSentAsAnAuthorizationHeader() async throws {
        let token = try Secret("abc.DEF-123", name: "bearer token")
        try await withServer { server in
            try await using(transport(port: server.port, scheme: "http", token: token)) { transport in
                _ = try await transport.send(GatewayRequest(.get, "/iserver/accounts"))
            }
            #expect(server.received.first?.header("Authorization") == "Bearer abc.DEF-123")
        }
    }

    @Test func statusesOtherThan200ComeBackAsAnswers() async throws {
        try await withServer(respond: { _ in (401, "") }) { server in
            try await using(transport(port: server.port, scheme: "http")) { transport in
                let response = try await transport.send(GatewayRequest(.get, "/portfolio/accounts"))
                #expect(response.status == 401)
            }
        }
    }

    @Test func aRedirectToTheLoginPageIsNotFollowed() async throws {
        try await withServer(respond: { _ in (302, "") }) { server in
            try await using(transport(port: server.port, scheme: "http")) { transport in
                let status = try await transport.send(GatewayRequest(.post, "/iserver/auth/status")).status
                #expect(status == 302)
            }
            #expect(server.received.count == 1)
        }
    }

    @Test func theLoopbackGatewaysSelfSignedCertificateIsAccepted() async throws {
        let certificate = try TestCertificate()
        defer { certificate.remove() }
        try await withServer(tls: certificate) { server in
            try await using(transport(port: server.port, tls: .loopbackSelfSigned)) { transport in
                let status = try await transport.send(GatewayRequest(.post, "/tickle")).status
                #expect(status == 200)
            }
            #expect(server.received.first?.header("User-Agent") == userAgent)
        }
    }

    @Test func aNonLoopbackNameIsRefusedWithoutInsecure() async throws {
        let certificate = try TestCertificate()
        defer { certificate.remove() }
        let address = GatewayAddress(host: "gateway.example", port: 5000)
        let policy = try TLSPolicy.resolve(for: address, cacert: nil, insecure: false)
        #expect(policy == .verify)
        try await withServer(tls: certificate) { server in
            // `gateway.example` is aimed at the loopback server; the certificate is checked as for that name.
            let refused = try transport(port: server.port, host: "gateway.example", tls: policy, connectTo: "127.0.0.1")
            try await using(refused) { transport in
                let error = await #expect(throws: SourceError.self) {
                    try await transport.send(GatewayRequest(.post, "/tickle"))
                }
                #expect(error?.kind == .unreachable)
                #expect(error?.message == "TLS handshake with gateway.example:\(server.port) failed: the certificate is not trusted")
                #expect(error?.fix?.contains("--cacert") == true)
            }
            #expect(server.received.isEmpty)

            let insecure = try TLSPolicy.resolve(for: address, cacert: nil, insecure: true)
            try await using(transport(port: server.port, host: "gateway.example", tls: insecure, connectTo: "127.0.0.1")) {
                let status = try await $0.send(GatewayRequest(.post, "/tickle")).status
                #expect(status == 200)
            }
        }
    }

    @Test func cacertPinsTheGatewaysCertificate() async throws {
        let certificate = try TestCertificate()
        let stranger = try TestCertificate()
        defer {
            certificate.remove()
            stranger.remove()
        }
        try await withServer(tls: certificate) { server in
            let remote = GatewayAddress(host: "gateway.example", port: server.port)
            let pinned = try TLSPolicy.resolve(for: remote, cacert: certificate.pemFile, insecure: false)
            try await using(transport(port: server.port, host: "gateway.example", tls: pinned, connectTo: "127.0.0.1")) {
                let status = try await $0.send(GatewayRequest(.get, "/sso/validate")).status
                #expect(status == 200)
            }
            let loopbackPinned = try TLSPolicy.resolve(
                for: GatewayAddress(host: "127.0.0.1", port: server.port), cacert: certificate.pemFile, insecure: false)
            try await using(transport(port: server.port, tls: loopbackPinned)) {
                let status = try await $0.send(GatewayRequest(.get, "/sso/validate")).status
                #expect(status == 200)
            }
            let wrongPin = try TLSPolicy.resolve(for: remote, cacert: stranger.pemFile, insecure: false)
            try await using(transport(port: server.port, host: "gateway.example", tls: wrongPin, connectTo: "127.0.0.1")) { transport in
                let error = await #expect(throws: SourceError.self) { try await transport.send(GatewayRequest(.get, "/sso/validate")) }
                #expect(error?.kind == .unreachable)
            }
            // A pinned certificate for another name does not pass a name check.
            let otherName = try transport(port: server.port, host: "other.example", tls: pinned, connectTo: "127.0.0.1")
            try await using(otherName) { transport in
                let error = await #expect(throws: SourceError.self) {
                    try await transport.send(GatewayRequest(.get, "/sso/validate"))
                }
                #expect(error?.kind == .unreachable)
            }
            #expect(server.received.count == 2)
        }
    }

    @Test func aGatewayThatDoesNotAnswerTimesOut() async throws {
        try await withServer(respond: { _ in nil }) { server in
            try await using(transport(port: server.port, scheme: "http", requestTimeout: .milliseconds(300))) { transport in
                let error = await #expect(throws: SourceError.self) {
                    try await transport.send(GatewayRequest(.get, "/portfolio/accounts"))
                }
                #expect(error?.kind == .timeout && error?.endpoint == "/portfolio/accounts")
                #expect(error?.message == "127.0.0.1:\(server.port) did not answer within 0.3 s")
            }
        }
    }

    @Test func theDefaultTimeoutsAreThoseOfTheDesign() {
        let configuration = AsyncHTTPTransport.Configuration(address: .localGateway, tls: .loopbackSelfSigned, userAgent: userAgent)
        #expect(configuration.connectTimeout == .seconds(3) && configuration.requestTimeout == .seconds(10))
    }

    @Test func aClosedPortIsUnreachableWithAFix() async throws {
        let server = try await LocalTestServer.start { _ in (200, "") }
        let port = server.port
        try await server.stop()
        try await using(transport(port: port, scheme: "http")) { transport in
            let error = await #expect(throws: SourceError.self) { try await transport.send(GatewayRequest(.post, "/tickle")) }
            #expect(error?.kind == .unreachable)
            #expect(error?.message == "127.0.0.1:\(port) refused the connection")
            #expect(error?.fix?.contains("log in at http://127.0.0.1:\(port)") == true)
        }
    }

    @Test func anOversizedAnswerIsRefused() async throws {
        let big = "[" + String(repeating: "1,", count: 40_000) + "1]"
        try await withServer(respond: { _ in (200, big) }) { server in
            var configuration = AsyncHTTPTransport.Configuration(
                address: GatewayAddress(scheme: "http", host: "127.0.0.1", port: server.port), tls: .verify,
                userAgent: userAgent)
            configuration.maximumBodyBytes = 1000
            try await using(AsyncHTTPTransport(configuration)) { transport in
                let error = await #expect(throws: SourceError.self) { try await transport.send(GatewayRequest(.get, "/x")) }
                #expect(error?.kind == .decoding)
            }
        }
    }
}
