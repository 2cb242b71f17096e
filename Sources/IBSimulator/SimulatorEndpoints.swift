import Foundation

/// Where a started simulator listens.
public struct SimulatorEndpoints: Sendable, Hashable {
    /// e.g. `https://127.0.0.1:5000/v1/api`.
    public let apiBase: URL
    /// e.g. `http://127.0.0.1:43121/sim/control`.
    public let control: URL
    public let stats: URL
    public let apiPort: Int
    public let controlPort: Int
    /// The self-signed certificate the API presents, when it speaks TLS.
    public let certificatePEM: String?
    /// The Flex Web Service base on the API listener, e.g. `http://127.0.0.1:5000/AccountManagement/FlexWebService`:
    /// SendRequest and GetStatement are below it.
    public let flexEndpoint: URL
}
