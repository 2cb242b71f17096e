/// Sends one Flex GET. SendRequest and GetStatement usually live on different hosts (ndcdyn, gdcdyn), so each
/// call names its address. Failures to get an answer at all throw `SourceError` (`.unreachable`, `.timeout`);
/// cancellation throws `CancellationError`.
///
/// The Flex client sits on this protocol, so its retry policy is tested with canned answers on a virtual clock.
public protocol FlexTransport: Sendable {
    func send(_ request: GatewayRequest, to address: GatewayAddress) async throws -> GatewayResponse
}
