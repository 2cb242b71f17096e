import TOML

/// A role's style as a theme file gives it: hex colours, before they meet a terminal.
public struct RoleStyle: Hashable, Sendable {
    /// nil: the terminal's own.
    public var foreground: RGBColor?
    public var background: RGBColor?
    public var attributes: Style.Attributes

    public init(foreground: RGBColor? = nil, background: RGBColor? = nil, attributes: Style.Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The style on a terminal of `colorCount` colours: 256 (cube and grey ramp), 8 (basic colours, kept
    /// readable when foreground and background would become the same), or 0 (attributes only).
    public func resolved(colorCount: Int) -> Style {
        if colorCount >= 256 {
            return Style(
                foreground: foreground.map { .index(ColorMapping.xterm256($0)) } ?? .terminalDefault,
                background: background.map { .index(ColorMapping.xterm256($0)) } ?? .terminalDefault,
                attributes: attributes)
        }
        guard colorCount >= 8 else { return Style(attributes: attributes) }
        var text = foreground.map { ColorMapping.ansi8($0, isBackground: false) } ?? .terminalDefault
        let back = background.map { ColorMapping.ansi8($0, isBackground: true) } ?? .terminalDefault
        if case .index(let backIndex) = back, text == back || text == .terminalDefault {
            // On a background of its own, text must not vanish into it or depend on the terminal's colours:
            // black on the light basic colours (green, yellow, cyan, white), white on the others.
            text = .index([2, 3, 6, 7].contains(backIndex) ? 0 : 7)
        }
        return Style(foreground: text, background: back, attributes: attributes)
    }
}
