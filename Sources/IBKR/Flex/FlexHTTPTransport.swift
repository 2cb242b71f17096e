import Portfolio

/// The real Flex transport: one `AsyncHTTPTransport` per address, made on first use, with the gateway's TLS rule
/// (verified, except a loopback host's self-signed certificate, as the simulator serves). Call `shutdown()`
/// before dropping it.
public actor FlexHTTPTransport: FlexTransport {
    public nonisolated let userAgent: String
    /// Large statements take long to generate and to send; IBKR's own clients wait at least a minute.
    public nonisolated let requestTimeout: Duration
    /// Multi-year, multi-account statements reach hundreds of megabytes.
    public nonisolated let maximumBodyBytes: Int
    private var transports: [GatewayAddress: AsyncHTTPTransport] = [:]

    public init(userAgent: String, requestTimeout: Duration = .seconds(120), maximumBodyBytes: Int = 1 << 30) {
        self.userAgent = userAgent
        self.requestTimeout = requestTimeout
        self.maximumBodyBytes = maximumBodyBytes
    }

    public func send(_ request: GatewayRequest, to address: GatewayAddress) async throws -> GatewayResponse {
        try await transport(for: address).send(request)
    }

    public func shutdown() async {
        let all = transports.values
        transports = [:]
        for transport in all { try? await transport.shutdown() }
    }

    private func transport(for address: GatewayAddress) throws(SourceError) -> AsyncHTTPTransport {
        if let existing = transports[address] { return existing }
        let tls = try TLSPolicy.resolve(for: address, cacert: nil, insecure: false)
        let transport = try AsyncHTTPTransport(
            AsyncHTTPTransport.Configuration(
                address: address, tls: tls, userAgent: userAgent, connectTimeout: .seconds(10),
                requestTimeout: requestTimeout, maximumBodyBytes: maximumBodyBytes))
        transports[address] = transport
        return transport
    }
}
