/// Which theme to use. A theme the user chose (`--theme`, or `display.theme` in the configuration file) always
/// wins, as no-color.org asks of command-line arguments and configuration files; otherwise `NO_COLOR` (set and not
/// empty), `--no-color` or a terminal with fewer than 8 colours gives `mono`, where gain, loss and staleness differ
/// by glyph and attribute; otherwise `default`.
public enum ThemeSelection {
    public static let fallback = "default"
    public static let monochrome = "mono"

    /// - Parameters:
    ///   - colorless: `--no-color` was given.
    ///   - colorCount: what the terminal shows; nil before the screen is open (the screen decides again then).
    public static func name(
        explicit: String?, configured: String?, environment: [String: String], colorless: Bool = false,
        colorCount: Int?
    ) -> String {
        if let chosen = explicit ?? configured { return chosen }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return monochrome }
        if colorless { return monochrome }
        if let colorCount, colorCount < 8 { return monochrome }
        return fallback
    }

    /// Whether the user named the theme, so that the screen keeps it even on a terminal without colours.
    public static func isChosen(explicit: String?, configured: String?) -> Bool { explicit != nil || configured != nil }
}
