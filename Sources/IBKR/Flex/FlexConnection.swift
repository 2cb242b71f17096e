import Foundation
import Logging
import Portfolio

/// Everything that talks to the Flex Web Service, built from the command line's (or config's) choices: the
/// endpoint, the token, the queries, the transport and the token's budget, shared by all in the process.
public struct FlexConnection: Sendable {
    /// What the command line, config and environment said.
    public struct Options: Sendable {
        /// `--flex-endpoint`; nil for IBKR's own service.
        public var endpoint: String?
        /// `--flex-query`, in order.
        public var queries: [String]
        /// A file holding the token (mode 0600), used when `IBDASH_FLEX_TOKEN` is not set.
        public var tokenFile: String?
        /// `--flex-max-wait`: how long one statement may take to be generated.
        public var maxWait: Duration
        /// `ibdash/<version>`.
        public var userAgent: String
        public var environment: [String: String]

        public init(
            endpoint: String? = nil, queries: [String] = [], tokenFile: String? = nil, maxWait: Duration = .seconds(600),
            userAgent: String, environment: [String: String] = ProcessInfo.processInfo.environment
        ) {
            self.endpoint = endpoint
            self.queries = queries
            self.tokenFile = tokenFile
            self.maxWait = maxWait
            self.userAgent = userAgent
            self.environment = environment
        }
    }

    public static let tokenVariable = "IBDASH_FLEX_TOKEN"

    public let queries: [FlexQueryID]
    public let client: FlexClient
    private let transport: FlexHTTPTransport

    /// Checks the options and builds the connection; nothing is sent yet.
    /// - Throws: `SourceError(.configuration)` naming what to fix.
    public static func open(
        _ options: Options, time: any TimeSource = SystemTimeSource(), logger: Logger = Logger(label: "ibdash.flex")
    ) throws(SourceError) -> FlexConnection {
        let endpoint = try options.endpoint.map { (text) throws(SourceError) in try FlexEndpoint(parsing: text) }
            ?? .ibkr
        var queries: [FlexQueryID] = []
        for text in options.queries {
            let query = try FlexQueryID(text)
            if !queries.contains(query) { queries.append(query) }
        }
        guard options.maxWait > .zero else {
            throw SourceError(.configuration, endpoint: "--flex-max-wait", message: "the wait must be longer than zero")
        }
        let token = try token(options)
        let transport = FlexHTTPTransport(userAgent: options.userAgent)
        let client = FlexClient(
            endpoint: endpoint, token: token, transport: transport, budget: .shared(for: token, time: time),
            policy: FlexRetryPolicy(maxWait: options.maxWait), logger: logger)
        return FlexConnection(queries: queries, client: client, transport: transport)
    }

    /// The history source of the configured queries, keeping statements in `cache`.
    public func historySource(cache: FlexStatementCache?, logger: Logger = Logger(label: "ibdash.flex"))
        -> FlexHistorySource
    {
        FlexHistorySource(client: client, queries: queries, cache: cache, logger: logger)
    }

    /// Closes the connection pools.
    public func close() async {
        await transport.shutdown()
    }

    private static func token(_ options: Options) throws(SourceError) -> Secret {
        if let token = try Secret.fromEnvironment(tokenVariable, name: "Flex token", environment: options.environment) {
            return token
        }
        guard let file = options.tokenFile else {
            throw SourceError(
                .configuration, endpoint: "Flex token", message: "no Flex Web Service token was given",
                fix: "set \(tokenVariable), or give --flex-token-file FILE (a file only you can read, chmod 600)")
        }
        return try Secret.fromFile(file, name: "Flex token")
    }
}
