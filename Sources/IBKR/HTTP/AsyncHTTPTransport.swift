import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Portfolio

/// The real transport, on AsyncHTTPClient: one connection pool to one gateway, with the TLS policy, the headers
/// IBKR expects and the timeouts of the design. Call `shutdown()` before dropping it.
public final class AsyncHTTPTransport: GatewayTransport {
    public struct Configuration: Sendable {
        public var address: GatewayAddress
        public var tls: TLSPolicy
        /// `ibdash/<version>`.
        public var userAgent: String
        /// Sent as `Authorization: Bearer …` (OAuth 2.0 users of api.ibkr.com).
        public var bearerToken: Secret?
        public var connectTimeout: Duration
        public var requestTimeout: Duration
        /// A larger answer is refused rather than read: the network is not trusted to be reasonable.
        public var maximumBodyBytes: Int
        /// Host names to connect to instead of the address's host while the certificate is still checked for
        /// the address's host: lets tests aim a real name at a loopback server.
        var connectOverrides: [String: String] = [:]

        public init(
            address: GatewayAddress, tls: TLSPolicy, userAgent: String, bearerToken: Secret? = nil,
            connectTimeout: Duration = .seconds(3), requestTimeout: Duration = .seconds(10),
            maximumBodyBytes: Int = 16 << 20
        ) {
            self.address = address
            self.tls = tls
            self.userAgent = userAgent
            self.bearerToken = bearerToken
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.maximumBodyBytes = maximumBodyBytes
        }
    }

    public let configuration: Configuration
    private let client: HTTPClient

    public init(_ configuration: Configuration) throws(SourceError) {
        self.configuration = configuration
        var settings = HTTPClient.Configuration(
            tlsConfiguration: try configuration.tls.makeTLSConfiguration(),
            // A 302 to the login page means "not logged in"; following it would hide that.
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(
                connect: TimeAmount(configuration.connectTimeout),
                read: TimeAmount(configuration.requestTimeout)),
            decompression: .disabled)
        settings.dnsOverride = configuration.connectOverrides
        settings.httpVersion = .http1Only
        client = HTTPClient(eventLoopGroup: Self.eventLoops, configuration: settings)
    }

    /// One event loop thread for every client, for the life of the process: a dashboard makes about one request
    /// a second, and each further loop thread only adds wake-ups (AsyncHTTPClient's default has one per core).
    private static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    public func send(_ request: GatewayRequest) async throws -> GatewayResponse {
        var outgoing = HTTPClientRequest(url: configuration.address.baseURL + request.target)
        outgoing.method = request.method == .post ? .POST : .GET
        outgoing.headers.add(name: "User-Agent", value: configuration.userAgent)
        outgoing.headers.add(name: "Accept", value: "*/*")
        configuration.bearerToken?.withValue { token in
            outgoing.headers.add(name: "Authorization", value: "Bearer \(token)")
        }
        if request.method == .post {
            // The gateway answers 411 to a POST without Content-Length; a known-length body, even an empty one,
            // makes AsyncHTTPClient send it.
            outgoing.headers.add(name: "Content-Type", value: "application/json")
            outgoing.body = .bytes(ByteBuffer(bytes: request.body ?? []))
        }
        do {
            let response = try await client.execute(outgoing, timeout: TimeAmount(configuration.requestTimeout))
            let body = try await response.body.collect(upTo: configuration.maximumBodyBytes)
            let bytes = Array(body.readableBytesView)
            // A gateway may quote the request back; the token must not travel on from there.
            return GatewayResponse(
                status: Int(response.status.code), body: configuration.bearerToken?.redacted(in: bytes) ?? bytes)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw TransportFailure.sourceError(
                for: error, endpoint: request.path, address: configuration.address,
                connectTimeout: configuration.connectTimeout, requestTimeout: configuration.requestTimeout)
        }
    }

    /// Closes the connection pool; the transport cannot be used afterwards.
    public func shutdown() async throws {
        try await client.shutdown()
    }
}
