/// What a piece of the screen means; themes give each role a style, and widgets ask by role, never by colour.
public enum ThemeRole: String, CaseIterable, Hashable, Sendable {
    /// The screen behind everything; normally the terminal's own.
    case background
    case foreground
    case border
    /// The border of the pane that has the keyboard.
    case borderFocus = "border-focus"
    case title
    /// Table column headings.
    case header
    /// The selected row.
    case selection
    case gain
    case loss
    /// Neither gain nor loss: unchanged, zero.
    case neutral
    case accent
    case warning
    case error
    /// Values past their freshness: shown, but not to be trusted.
    case stale
    case muted
    case status
    /// Key names in the status bar.
    case statusKey = "status-key"
    /// A value that just changed, for a moment.
    case flash

    /// One line for the README and the theme schema.
    public var summary: String {
        switch self {
        case .background: "The screen behind everything"
        case .foreground: "Ordinary text"
        case .border: "Pane borders"
        case .borderFocus: "The border of the pane with the keyboard"
        case .title: "Pane titles"
        case .header: "Table column headings"
        case .selection: "The selected row"
        case .gain: "Gains: positive P&L, rising prices"
        case .loss: "Losses: negative P&L, falling prices"
        case .neutral: "Unchanged values"
        case .accent: "Highlights: the account shown, a key figure"
        case .warning: "Warnings: aging data, risk limits near"
        case .error: "Errors: failed requests, a lost session"
        case .stale: "Values too old to trust"
        case .muted: "Secondary text: ages, units, hints"
        case .status: "The status bar"
        case .statusKey: "Key names in the status bar"
        case .flash: "A value that just changed"
        }
    }
}
