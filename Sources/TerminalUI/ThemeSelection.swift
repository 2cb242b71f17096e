/// Which theme to use: an explicit `--theme` always wins; otherwise `NO_COLOR` (set and not empty, as
/// no-color.org says) or a terminal without colours gives `mono`; otherwise the configured theme, or `default`.
public enum ThemeSelection {
    public static let fallback = "default"
    public static let monochrome = "mono"

    public static func name(
        explicit: String?, configured: String?, environment: [String: String], colorCount: Int
    ) -> String {
        if let explicit { return explicit }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return monochrome }
        if colorCount < 8 { return monochrome }
        return configured ?? fallback
    }
}
