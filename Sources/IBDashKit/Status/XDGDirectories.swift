/// The XDG base directories ibdash uses, from the environment. Relative values are ignored, as the XDG
/// specification says.
enum XDGDirectories {
    /// `$XDG_RUNTIME_DIR`: per user, gone at logout.
    static func runtime(_ environment: [String: String]) -> String? {
        absolute("XDG_RUNTIME_DIR", environment)
    }

    /// `$XDG_STATE_HOME`, else `~/.local/state`.
    static func stateHome(_ environment: [String: String]) -> String? {
        if let state = absolute("XDG_STATE_HOME", environment) { return state }
        return absolute("HOME", environment).map { ($0 == "/" ? "" : $0) + "/.local/state" }
    }

    private static func absolute(_ name: String, _ environment: [String: String]) -> String? {
        guard let value = environment[name], value.hasPrefix("/") else { return nil }
        return value.count > 1 && value.hasSuffix("/") ? String(value.dropLast()) : value
    }
}
