/// The styles of every role and the glyphs, ready for one terminal. Widgets draw with `theme[.gain]`.
public struct Theme: Hashable, Sendable {
    public let name: String
    public let summary: String
    public var glyphs: ThemeGlyphs
    private let styles: [ThemeRole: Style]

    public init(name: String, summary: String, styles: [ThemeRole: Style], glyphs: ThemeGlyphs) {
        self.name = name
        self.summary = summary
        self.styles = styles
        self.glyphs = glyphs
    }

    public subscript(role: ThemeRole) -> Style { styles[role] ?? .plain }
}
