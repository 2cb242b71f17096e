/// Where the dashboard's status socket lives: `$XDG_RUNTIME_DIR/ibdash/ibdash.sock` (a per-user directory that
/// disappears at logout), else `$XDG_STATE_HOME/ibdash/ibdash.sock`, else `~/.local/state/ibdash/ibdash.sock`.
public enum StatusSocketLocation {
    public static let directoryName = "ibdash"
    public static let fileName = "ibdash.sock"

    /// The socket path for this environment. Relative values are ignored, as the XDG specification says.
    public static func path(environment: [String: String]) throws(StatusSocketError) -> String {
        func absolute(_ name: String) -> String? {
            guard let value = environment[name], value.hasPrefix("/") else { return nil }
            return value.hasSuffix("/") && value.count > 1 ? String(value.dropLast()) : value
        }
        let base: String
        if let runtime = absolute("XDG_RUNTIME_DIR") {
            base = runtime
        } else if let state = absolute("XDG_STATE_HOME") {
            base = state
        } else if let home = absolute("HOME") {
            base = (home == "/" ? "" : home) + "/.local/state"
        } else {
            throw .noLocation
        }
        return "\(base)/\(directoryName)/\(fileName)"
    }
}
