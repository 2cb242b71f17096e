import Portfolio

/// Text in the status documents, cleaned of control characters, escape sequences and bidi overrides whenever it is
/// set or decoded: names, symbols and messages come from the network.
@propertyWrapper
public struct Sanitized<Text: SanitizableText>: Codable, Hashable, Sendable {
    private var text: Text

    public var wrappedValue: Text {
        get { text }
        set { text = newValue.sanitizedText }
    }

    public init(wrappedValue: Text) {
        text = wrappedValue.sanitizedText
    }

    public init(from decoder: any Decoder) throws {
        text = try Text(from: decoder).sanitizedText
    }

    public func encode(to encoder: any Encoder) throws {
        try text.encode(to: encoder)
    }
}

/// `String`, `String?` and `[String]`, for `Sanitized`.
public protocol SanitizableText: Codable, Hashable, Sendable {
    var sanitizedText: Self { get }
}

extension String: SanitizableText {
    public var sanitizedText: String { sanitized }
}

extension Optional: SanitizableText where Wrapped == String {
    public var sanitizedText: String? { map(\.sanitized) }
}

extension Array: SanitizableText where Element == String {
    public var sanitizedText: [String] { map(\.sanitized) }
}
