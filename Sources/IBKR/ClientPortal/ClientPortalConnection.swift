import Foundation
import Portfolio

/// Everything that talks to one gateway, built from the command line's choices: the address, the TLS policy,
/// the bearer token, the transport, the request budget and the account source on top of them.
public struct ClientPortalConnection: Sendable {
    /// What the command line and environment said.
    public struct Options: Sendable {
        /// `--gateway`; `nil` for `https://localhost:5000/v1/api`.
        public var gateway: String?
        /// `--cacert FILE`.
        public var cacert: String?
        /// `--insecure`.
        public var insecure: Bool
        /// A file holding the bearer token (mode 0600), used when `IBDASH_BEARER_TOKEN` is not set.
        public var bearerTokenFile: String?
        /// `ibdash/<version>`.
        public var userAgent: String
        public var environment: [String: String]

        public init(
            gateway: String? = nil, cacert: String? = nil, insecure: Bool = false, bearerTokenFile: String? = nil,
            userAgent: String, environment: [String: String] = ProcessInfo.processInfo.environment
        ) {
            self.gateway = gateway
            self.cacert = cacert
            self.insecure = insecure
            self.bearerTokenFile = bearerTokenFile
            self.userAgent = userAgent
            self.environment = environment
        }
    }

    public static let bearerTokenVariable = "IBDASH_BEARER_TOKEN"

    public let address: GatewayAddress
    public let tls: TLSPolicy
    public let transport: AsyncHTTPTransport
    public let source: ClientPortalAccountSource

    /// For the status line: which gateway, and whether TLS checks are off.
    public var connectionInfo: ConnectionInfo {
        ConnectionInfo(gateway: address.displayName, tlsInsecure: tls.isInsecure)
    }

    /// Checks the options and builds the connection; nothing is sent yet.
    /// - Throws: `SourceError(.configuration)` naming the option to fix.
    public static func open(_ options: Options, time: any TimeSource = SystemTimeSource()) throws(SourceError)
        -> ClientPortalConnection
    {
        let address = try options.gateway.map { (text) throws(SourceError) in try GatewayAddress(parsing: text) }
            ?? .localGateway
        let tls = try TLSPolicy.resolve(for: address, cacert: options.cacert, insecure: options.insecure)
        let token = try bearerToken(options)
        if address.isIBKRWebAPI, token == nil {
            throw SourceError(
                .configuration, endpoint: "--gateway",
                message: "\(address.displayName) needs a bearer token",
                fix: "set \(bearerTokenVariable) or give a token file readable only by you")
        }
        let transport = try AsyncHTTPTransport(
            AsyncHTTPTransport.Configuration(
                address: address, tls: tls, userAgent: options.userAgent, bearerToken: token))
        let client = ClientPortalClient(transport: transport, budget: RequestBudget(time: time), address: address)
        return ClientPortalConnection(
            address: address, tls: tls, transport: transport, source: ClientPortalAccountSource(client: client))
    }

    /// Closes the connection pool.
    public func close() async throws {
        try await transport.shutdown()
    }

    private static func bearerToken(_ options: Options) throws(SourceError) -> Secret? {
        if let token = try Secret.fromEnvironment(
            bearerTokenVariable, name: "bearer token", environment: options.environment)
        {
            return token
        }
        return try options.bearerTokenFile.map { (path) throws(SourceError) in
            try Secret.fromFile(path, name: "bearer token")
        }
    }
}
