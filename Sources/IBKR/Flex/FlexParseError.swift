/// Why a Flex document could not be read, and where: the parser returns a whole statement or this error.
public struct FlexParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based line of the offending byte.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int
    /// Byte offset from the start of the document.
    public var offset: Int
    /// What is wrong, in words; names from the document in it are cleaned and shortened.
    public var message: String

    public init(line: Int, column: Int, offset: Int, message: String) {
        self.line = line
        self.column = column
        self.offset = offset
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }

    /// The line and column of `offset` in `document`.
    static func location(of offset: Int, in document: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var lines = FlexLineCounter()
        return lines.location(of: max(0, offset), in: document)
    }

    /// Text from the document, made safe for a message: no control characters, at most `limit` characters.
    static func quote(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = 40) -> String {
        let text = FlexText.clean(String(decoding: bytes, as: UTF8.self))
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }
}
