/// A request to the Flex host as the service sees it, free of any HTTP framework.
struct FlexRequest: Sendable {
    let path: String
    let query: [String: String]
    let userAgent: String?
}

/// The Flex Web Service's two endpoints, which scripts and statistics name.
public enum FlexEndpoint: String, Sendable, Hashable, CaseIterable {
    case sendRequest = "SendRequest"
    case getStatement = "GetStatement"
}

/// Where a path on the Flex host leads.
enum FlexRoute: Equatable {
    case endpoint(FlexEndpoint)
    /// The dotted `FlexWebService.SendRequest` form and the `/Universal/servlet` paths, retired in 2026.
    case legacy
    case unknown

    static let base = "/AccountManagement/FlexWebService"

    /// Whether the Flex service answers `path` rather than the gateway.
    static func serves(_ path: String) -> Bool { path.hasPrefix("/AccountManagement/") || path.hasPrefix("/Universal/") }

    init(path: String) {
        let legacy = FlexEndpoint.allCases.flatMap {
            [Self.base + "." + $0.rawValue, "/Universal/servlet/FlexStatementService." + $0.rawValue]
        }
        if let endpoint = FlexEndpoint.allCases.first(where: { path == Self.base + "/" + $0.rawValue }) {
            self = .endpoint(endpoint)
        } else if legacy.contains(path) {
            self = .legacy
        } else {
            self = .unknown
        }
    }

    /// The key of the request counts.
    var name: String {
        switch self {
        case .endpoint(let endpoint): endpoint.rawValue
        case .legacy: "legacy"
        case .unknown: "unknown"
        }
    }
}
