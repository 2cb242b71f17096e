import Foundation

/// The Flex Web Service half of the simulator, from Swift.
extension GatewaySimulator {
    /// Carries out one Flex control command (see `FlexCommand`).
    public func flex(_ command: FlexCommand) async throws(ControlError) { try await flexService.perform(command) }

    /// The tokens as they are now, with their statuses.
    public func flexTokens() async -> [FlexToken] { await flexService.currentTokens() }

    public func flexSwitches() async -> FlexSwitches { await flexService.currentSwitches() }

    /// The Flex base on the API listener: the configured host (or `flex.statementHost`) and scheme.
    func flexEndpoint(apiPort: Int) -> URL? {
        let name = configuration.flex.statementHost ?? configuration.host
        let host = name.contains(":") ? "[\(name)]" : name
        return URL(string: "\(configuration.tls ? "https" : "http")://\(host):\(apiPort)\(FlexRoute.base)")
    }
}
