/// One line of a detail screen: spans drawn one after another.
public struct TextLine: Hashable, Sendable {
    public var spans: [Span]

    public init(_ spans: [Span] = []) { self.spans = spans }

    public static let blank = TextLine()

    /// Columns the line takes on screen.
    public var width: Int { spans.reduce(0) { $0 + TextWidth.of($1.text) } }

    /// A section heading.
    public static func heading(_ text: String) -> TextLine { TextLine([Span(text, .title)]) }
}
