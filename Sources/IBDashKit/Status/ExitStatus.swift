import ArgumentParser
import Portfolio

/// The exit codes of `ibdash snapshot` and `ibdash status-line`, so that scripts can tell what went wrong.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case ok = 0
    /// A bad option or value, or an account that does not exist.
    case badInput = 2
    /// The gateway answers but nobody is logged in.
    case needsLogin = 3
    /// The gateway does not answer.
    case unreachable = 4
    /// Anything else.
    case failure = 5

    /// For a command's `--help`.
    public static let helpText = """
        Exit status: 0 ok; 2 bad input (a bad option or value, an unknown account); 3 the gateway session needs \
        a login; 4 the gateway is unreachable; 5 anything else.
        """

    /// What a failed fetch means for the caller.
    public init(_ error: SourceError) {
        switch error.kind {
        case .notLoggedIn: self = .needsLogin
        case .unreachable, .timeout: self = .unreachable
        case .configuration: self = .badInput
        case .brokerageUnavailable, .rateLimited, .penaltyBox, .decoding, .server, .flex: self = .failure
        }
    }

    /// What the session the data came through means for the caller: data is still shown, but it cannot be current.
    public init(_ session: SessionState) {
        switch session {
        case .notLoggedIn: self = .needsLogin
        case .unreachable: self = .unreachable
        case .connecting, .readOnly, .authenticated, .competing: self = .ok
        }
    }

    /// Ends a command's `run()` with this status (nothing to do for 0).
    func finish() throws {
        if self != .ok { throw ExitCode(rawValue) }
    }
}
