/// A piece of text and what it means; the theme turns the role into a style when it is drawn.
public struct Span: Hashable, Sendable {
    public var text: String
    public var role: ThemeRole
    /// Makes the text flash when it differs from the last frame's text under the same key.
    public var flashKey: String?

    public init(_ text: String, _ role: ThemeRole = .foreground, flashKey: String? = nil) {
        self.text = text
        self.role = role
        self.flashKey = flashKey
    }
}
