import Portfolio

/// The gateway session in the status documents, as a stable word for scripts.
public enum SessionCode: String, Codable, Hashable, Sendable, CaseIterable {
    case connecting, unreachable, notLoggedIn, readOnly, authenticated, competing

    public init(_ state: SessionState) {
        switch state {
        case .connecting: self = .connecting
        case .unreachable: self = .unreachable
        case .notLoggedIn: self = .notLoggedIn
        case .readOnly: self = .readOnly
        case .authenticated: self = .authenticated
        case .competing: self = .competing
        }
    }

    public var state: SessionState {
        switch self {
        case .connecting: .connecting
        case .unreachable: .unreachable
        case .notLoggedIn: .notLoggedIn
        case .readOnly: .readOnly
        case .authenticated: .authenticated
        case .competing: .competing
        }
    }
}
