import Portfolio
/// Where the dashboard's status socket lives: `$XDG_RUNTIME_DIR/ibdash/ibdash.sock` (a per-user directory that
/// disappears at logout), else `$XDG_STATE_HOME/ibdash/ibdash.sock`, else `~/.local/state/ibdash/ibdash.sock`.
public enum StatusSocketLocation {
    public static let directoryName = "ibdash"
    public static let fileName = "ibdash.sock"

    /// The socket path for this environment.
    public static func path(environment: [String: String]) throws(StatusSocketError) -> String {
        guard let base = XDGDirectories.runtime(environment) ?? XDGDirectories.state(environment) else {
            throw .noLocation
        }
        return "\(base)/\(directoryName)/\(fileName)"
    }
}
