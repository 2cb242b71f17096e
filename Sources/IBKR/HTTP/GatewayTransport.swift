/// Sends one request and returns whatever status came back. Failures to get an answer at all (refused, TLS,
/// timeout) throw `SourceError` (`.unreachable`, `.timeout`); cancellation throws `CancellationError`.
///
/// The Client Portal client sits on this protocol, so its endpoint code is tested with canned answers.
public protocol GatewayTransport: Sendable {
    func send(_ request: GatewayRequest) async throws -> GatewayResponse
}
