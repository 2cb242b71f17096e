import Foundation
import Portfolio
import Testing

@testable import IBKR

/// The Flex client over real HTTP and HTTPS on loopback: what goes on the wire.
@Suite struct FlexHTTPTests {
    /// SendRequest answers with a `<Url>` on the same server; GetStatement with the statement.
    private static func flexServer(tls: TestCertificate? = nil, scheme: String) async throws -> LocalTestServer {
        let port = Locked(0)
        let server = try await LocalTestServer.start(tls: try tls?.serverContext()) { request in
            if request.uri.contains("/SendRequest?") {
                return (200, FlexAnswers.reference(url: "\(scheme)://127.0.0.1:\(port.value)/AccountManagement/FlexWebService/GetStatement"))
            }
            return (200, FlexAnswers.statement)
        }
        port.withLock { $0 = server.port }
        return server
    }

    private static func fetch(scheme: String, port: Int) async throws -> FlexDownload {
        let transport = FlexHTTPTransport(userAgent: "ibdash/9.9.9")
        let client = FlexClient(
            endpoint: try FlexEndpoint(parsing: "\(scheme)://127.0.0.1:\(port)"),
            token: try Secret(FlexAnswers.token, name: "Flex token"), transport: transport,
            budget: FlexTokenBudget(time: SystemTimeSource()), policy: FlexRetryPolicy(firstPoll: .zero, jitter: 0),
            logger: .quiet)
        do {
            let download = try await client.fetchStatement(FlexQueryID("123456"))
            await transport.shutdown()
            return download
        } catch {
            await transport.shutdown()
            throw error
        }
    }

    @Test func bothCallsAreGETsWithTheUserAgentAndVersion3() async throws {
        let server = try await Self.flexServer(scheme: "http")
        let download = try await Self.fetch(scheme: "http", port: server.port)
        try await server.stop()
        #expect(download.body == Array(FlexAnswers.statement.utf8) && download.format == .xml)
        let received = server.received
        #expect(received.map(\.method) == ["GET", "GET"])
        #expect(received.map(\.uri) == [
            "/AccountManagement/FlexWebService/SendRequest?t=\(FlexAnswers.token)&q=123456&v=3",
            "/AccountManagement/FlexWebService/GetStatement?t=\(FlexAnswers.token)&q=\(FlexAnswers.referenceCode)&v=3",
        ])
        #expect(received.allSatisfy { $0.header("User-Agent") == "ibdash/9.9.9" && $0.body.isEmpty })
    }

    @Test func aLoopbackServiceWithASelfSignedCertificateIsAccepted() async throws {
        let certificate = try TestCertificate()
        defer { certificate.remove() }
        let server = try await Self.flexServer(tls: certificate, scheme: "https")
        let download = try await Self.fetch(scheme: "https", port: server.port)
        try await server.stop()
        #expect(download.format == .xml && server.received.count == 2)
    }
}
