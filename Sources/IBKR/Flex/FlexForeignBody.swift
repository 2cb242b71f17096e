/// A response body that is not a Flex XML document: CSV or text output of a query set to those formats, an
/// HTML error page (a wrong path gives an ~11 KB "404 Page Not Found"), some other XML, or nothing at all.
public struct FlexForeignBody: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case empty, html, csv, text, xml
    }

    public var kind: Kind
    /// For `xml`: the root element's name.
    public var rootElement: String?
    /// The start of the body (at most `previewLimit` bytes) as text without control characters, for diagnostics.
    public var preview: String
    public var byteCount: Int

    public static let previewLimit = 512

    public init(kind: Kind, rootElement: String? = nil, preview: String, byteCount: Int) {
        self.kind = kind
        self.rootElement = rootElement
        self.preview = preview
        self.byteCount = byteCount
    }
}
