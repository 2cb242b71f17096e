import Portfolio

/// Why a file could not be read or written, with its path cleaned for a terminal.
public struct FileProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path.sanitized): \(reason)" }
}
