/// How the dashboard runs, decided by the app wiring from its arguments, configuration and environment.
public struct DashboardOptions: Hashable, Sendable {
    /// False for `--no-color`: ncurses never starts colour.
    public var useColor: Bool
    /// `NO_COLOR` was set (and not empty): nothing flashes, whatever the theme.
    public var noColor: Bool
    /// Times on screen are in this offset (the wiring passes the local one).
    public var clock: ClockText
    /// ASCII glyphs and boxes; `nil` decides from the locale (not UTF-8 → ASCII).
    public var asciiGlyphs: Bool?
    public var keymap: Keymap
    /// The user named the theme (`--theme` or the configuration file): the screen keeps it even on a terminal with
    /// fewer than 8 colours, where it otherwise starts with `mono`.
    public var themeIsChosen: Bool

    public init(
        useColor: Bool = true, noColor: Bool = false, clock: ClockText = .utc, asciiGlyphs: Bool? = nil,
        keymap: Keymap = .standard, themeIsChosen: Bool = false
    ) {
        self.useColor = useColor
        self.noColor = noColor
        self.themeIsChosen = themeIsChosen
        self.clock = clock
        self.asciiGlyphs = asciiGlyphs
        self.keymap = keymap
    }
}
