import Foundation

/// What can go wrong between a dashboard's status socket and the scripts that read it. Paths are shown cleaned of
/// control characters; nothing here can carry a secret.
public enum StatusSocketError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Neither `XDG_RUNTIME_DIR`, `XDG_STATE_HOME` nor `HOME` says where the socket goes.
    case noLocation
    /// A unix socket path holds at most 107 bytes.
    case pathTooLong(String)
    /// The socket's directory is not a directory of ours, or cannot be made private.
    case unsafeDirectory(String, reason: String)
    /// Something that is not a socket sits where the socket goes; it is left alone.
    case notASocket(String)
    /// Another dashboard answers on this socket; it is left alone.
    case alreadyRunning(String)
    /// Nothing listens on the socket: no dashboard is running.
    case notRunning(String)
    /// The other end belongs to another user.
    case foreignPeer(uid: UInt32)
    /// The dashboard did not answer in time.
    case noAnswer(String, timeout: Duration)
    /// The answer could not be read.
    case badAnswer(String)
    /// The dashboard answered with an error instead of a document.
    case dashboardError(String)
    /// Another `ibdash snapshot` kept fetching from the gateway for longer than this one would wait.
    case anotherFetch(String, waited: Duration)
    /// A system call failed.
    case system(String, errno: Int32, path: String)

    public var description: String {
        switch self {
        case .noLocation:
            "cannot tell where the status socket goes: set XDG_RUNTIME_DIR, XDG_STATE_HOME or HOME"
        case .pathTooLong(let path):
            "the status socket path \(path.sanitized) is longer than a unix socket allows (107 bytes)"
        case .unsafeDirectory(let path, let reason):
            "cannot use \(path.sanitized) for the status socket: \(reason)"
        case .notASocket(let path):
            "\(path.sanitized) exists and is not a socket; remove it to let the dashboard serve scripts"
        case .alreadyRunning(let path):
            "another ibdash dashboard already answers on \(path.sanitized)"
        case .notRunning(let path):
            "no dashboard answers on \(path.sanitized)"
        case .foreignPeer(let uid):
            "the other end of the status socket belongs to user \(uid), not to you"
        case .noAnswer(let path, let timeout):
            "the dashboard did not answer on \(path.sanitized) within \(timeout.shortText)"
        case .badAnswer(let reason):
            "the dashboard's answer cannot be read: \(reason.sanitized)"
        case .dashboardError(let message):
            "the dashboard answered: \(message.sanitized)"
        case .anotherFetch(let path, let waited):
            "another ibdash snapshot has been fetching from the gateway for \(waited.shortText) "
                + "(lock \(path.sanitized)); try again later"
        case .system(let call, let code, let path):
            "\(call) \(path.sanitized): \(String(cString: strerror(code)))"
        }
    }
}
