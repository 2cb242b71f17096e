/// The XDG base directories, from the environment: where ibdash keeps its configuration, state, cache and runtime
/// files. Relative values are ignored, as the XDG specification says. Every part of ibdash asks here.
public enum XDGDirectories {
    /// `$XDG_CONFIG_HOME`, else `~/.config`.
    public static func config(_ environment: [String: String]) -> String? {
        absolute("XDG_CONFIG_HOME", environment) ?? home(environment).map { $0 + "/.config" }
    }

    /// `$XDG_STATE_HOME`, else `~/.local/state`.
    public static func state(_ environment: [String: String]) -> String? {
        absolute("XDG_STATE_HOME", environment) ?? home(environment).map { $0 + "/.local/state" }
    }

    /// `$XDG_CACHE_HOME`, else `~/.cache`.
    public static func cache(_ environment: [String: String]) -> String? {
        absolute("XDG_CACHE_HOME", environment) ?? home(environment).map { $0 + "/.cache" }
    }

    /// `$XDG_RUNTIME_DIR`: per user, gone at logout; no fallback.
    public static func runtime(_ environment: [String: String]) -> String? {
        absolute("XDG_RUNTIME_DIR", environment)
    }

    /// `$HOME` without a trailing slash ("" for `/`, so that `home + "/.config"` is right).
    private static func home(_ environment: [String: String]) -> String? {
        absolute("HOME", environment).map { $0 == "/" ? "" : $0 }
    }

    private static func absolute(_ name: String, _ environment: [String: String]) -> String? {
        guard let value = environment[name], value.hasPrefix("/") else { return nil }
        return value.count > 1 && value.hasSuffix("/") ? String(value.dropLast()) : value
    }
}
