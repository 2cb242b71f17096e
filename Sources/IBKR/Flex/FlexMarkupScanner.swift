#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forward-only reader of XML markup over bytes in memory: tags, attributes and end tags, with the text,
/// comments and processing instructions between them skipped. Everything is a view into the document; no
/// `String` is made here. Well-formedness is checked as far as one pass allows (names, quoting, references,
/// `<` in values); matching end tags is the caller's job because only it knows what is open.
struct FlexMarkupScanner {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    enum Markup {
        case startTag(Bytes)
        case endTag(Bytes)
        case endOfDocument
    }

    struct Attribute {
        var name: Bytes
        /// The raw value between the quotes; references are still encoded when `hasReference`.
        var value: Bytes
        var hasReference: Bool
    }

    let document: Bytes
    private let start: UnsafePointer<UInt8>
    private let end: UnsafePointer<UInt8>
    private var position: UnsafePointer<UInt8>
    /// After `nextAttribute` returned nil: true for `<…/>`.
    private(set) var tagWasEmpty = false
    /// Where the last `nextMarkup` skipped text that is not whitespace; nil when it skipped none.
    private(set) var skippedTextOffset: Int?

    /// Nil for an empty document, which has nothing to scan.
    init?(_ document: Bytes) {
        guard let base = document.baseAddress, !document.isEmpty else { return nil }
        self.document = document
        start = base
        end = base + document.count
        position = base
    }

    var offset: Int { position - start }

    /// How many bytes may be read from the start of `bytes`: to the end of the document when they lie in it.
    @inline(__always)
    func readable(_ bytes: Bytes) -> Int {
        guard let base = bytes.baseAddress, base >= start, base < end else { return bytes.count }
        return end - base
    }

    func offset(of bytes: Bytes) -> Int {
        guard let base = bytes.baseAddress else { return offset }
        return base - start
    }

    func error(_ message: String, at offset: Int? = nil) -> FlexParseError {
        let offset = offset ?? self.offset
        let (line, column) = FlexParseError.location(of: offset, in: document)
        return FlexParseError(line: line, column: column, offset: offset, message: message)
    }

    /// Skips a byte-order mark and returns whether the document begins with markup (after whitespace).
    mutating func skipByteOrderMarkAndSpace() -> Bool {
        if end - position >= 3, position[0] == 0xEF, position[1] == 0xBB, position[2] == 0xBF { position += 3 }
        while position < end, Self.isSpace(position.pointee) { position += 1 }
        return position < end && position.pointee == UInt8(ascii: "<")
    }

    // MARK: - Markup

    /// The next start or end tag. After a start tag, read its attributes with `nextAttribute` until it returns nil.
    mutating func nextMarkup() throws(FlexParseError) -> Markup {
        skippedTextOffset = nil
        while true {
            var cursor = position
            while cursor < end, cursor.pointee != UInt8(ascii: "<") {
                if !Self.isSpace(cursor.pointee) {
                    if skippedTextOffset == nil { skippedTextOffset = cursor - start }
                    cursor = try skipText(from: cursor)
                    break
                }
                cursor += 1
            }
            position = cursor
            guard position < end else { return .endOfDocument }
            let next: UInt8 = end - position > 1 ? position[1] : 0
            switch next {
            case UInt8(ascii: "/"):
                position += 2
                let name = try readName(what: "an element name after '</'")
                skipSpace()
                guard position < end, position.pointee == UInt8(ascii: ">") else {
                    throw error("expected '>' to end </\(FlexParseError.quote(name))>")
                }
                position += 1
                return .endTag(name)
            case UInt8(ascii: "!"):
                try skipDeclaration()
            case UInt8(ascii: "?"):
                try skip(past: "?>", what: "processing instruction", from: 2)
            default:
                position += 1
                return .startTag(try readName(what: "an element name after '<'"))
            }
        }
    }

    /// The next attribute of the tag being read, or nil at its end (`>` or `/>`, see `tagWasEmpty`).
    mutating func nextAttribute() throws(FlexParseError) -> Attribute? {
        guard try beginAttribute() else { return nil }
        return try readAttribute(named: readAttributeName())
    }

    /// Skips the whitespace before the next attribute; false at the end of the tag (see `tagWasEmpty`).
    @inline(__always)
    mutating func beginAttribute() throws(FlexParseError) -> Bool {
        var cursor = position
        let spaceStart = cursor
        while cursor < end, Self.isSpace(cursor.pointee) { cursor += 1 }
        guard cursor < end else { throw error("the document ends inside a tag", at: cursor - start) }
        let first = cursor.pointee
        if first == UInt8(ascii: "/") {
            guard end - cursor > 1, cursor[1] == UInt8(ascii: ">") else { throw error("expected '/>'", at: cursor - start) }
            position = cursor + 2
            tagWasEmpty = true
            return false
        }
        if first == UInt8(ascii: ">") {
            position = cursor + 1
            tagWasEmpty = false
            return false
        }
        guard cursor > spaceStart, Self.isNameStart(first) else {
            throw error("expected an attribute name, '>' or '/>'", at: cursor - start)
        }
        position = cursor
        return true
    }

    /// When the next attribute has the same name as `previous` (a name read earlier in the document, such as
    /// the same attribute of the row before), consumes and returns it: rows of a section repeat their
    /// attributes in the same order, and comparing two words is cheaper than reading a name.
    @inline(__always)
    mutating func consumeAttributeName(like previous: Bytes) -> Bytes? {
        let count = previous.count
        guard let other = previous.baseAddress, end - position > count, position[count] == UInt8(ascii: "="),
            other + count < end, count > 0
        else { return nil }
        let here = UnsafeRawPointer(position), there = UnsafeRawPointer(other)
        if count >= 8 {
            guard here.loadUnaligned(as: UInt64.self) == there.loadUnaligned(as: UInt64.self),
                here.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                    == there.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self),
                count <= 16 || memcmp(here, there, count) == 0
            else { return nil }
        } else {
            // Both names are followed by at least `=` and a quote, so eight bytes are readable only when the
            // document goes on; otherwise compare byte by byte.
            if end - position >= 8, end - other >= 8 {
                let mask: UInt64 = (1 << (UInt64(count) * 8)) - 1
                guard UInt64(littleEndian: here.loadUnaligned(as: UInt64.self)) & mask
                    == UInt64(littleEndian: there.loadUnaligned(as: UInt64.self)) & mask
                else { return nil }
            } else if memcmp(here, there, count) != 0 {
                return nil
            }
        }
        let name = Bytes(start: position, count: count)
        position += count
        return name
    }

    /// The name of the next attribute, checked to be an XML name; `beginAttribute` must have returned true.
    @inline(__always)
    mutating func readAttributeName() throws(FlexParseError) -> Bytes {
        let nameStart = position
        var cursor = position + 1
        while cursor < end, Self.isNameByte(cursor.pointee) { cursor += 1 }
        position = cursor
        return Bytes(start: nameStart, count: cursor - nameStart)
    }

    /// `= "value"` after an attribute name.
    @inline(__always)
    mutating func readAttribute(named name: Bytes) throws(FlexParseError) -> Attribute {
        var cursor = position
        while cursor < end, Self.isSpace(cursor.pointee) { cursor += 1 }
        guard cursor < end else { throw error("the document ends inside a tag", at: cursor - start) }
        guard cursor.pointee == UInt8(ascii: "=") else {
            throw error("expected '=' after attribute \(FlexParseError.quote(name))", at: cursor - start)
        }
        cursor += 1
        while cursor < end, Self.isSpace(cursor.pointee) { cursor += 1 }
        guard cursor < end, cursor.pointee == UInt8(ascii: "\"") || cursor.pointee == UInt8(ascii: "'") else {
            throw error("expected a quoted value for attribute \(FlexParseError.quote(name))", at: cursor - start)
        }
        let quote = cursor.pointee
        cursor += 1
        let valueStart = cursor
        var hasReference = false
        while true {
            cursor = Self.findValueDelimiter(from: cursor, to: end, quote: quote)
            guard cursor < end else {
                throw error("the document ends inside the value of attribute \(FlexParseError.quote(name))", at: valueStart - start)
            }
            let byte = cursor.pointee
            if byte == quote { break }
            if byte == UInt8(ascii: "<") {
                throw error("'<' in the value of attribute \(FlexParseError.quote(name))", at: cursor - start)
            }
            hasReference = true
            cursor += 1
        }
        position = cursor + 1
        return Attribute(name: name, value: Bytes(start: valueStart, count: cursor - valueStart), hasReference: hasReference)
    }

    /// Skips the attributes of the current tag, checking them; returns whether the tag was empty.
    mutating func skipAttributes() throws(FlexParseError) -> Bool {
        while let attribute = try nextAttribute() {
            if attribute.hasReference { _ = try decodeReferences(attribute.value) }
        }
        return tagWasEmpty
    }

    /// The raw text up to the next `<`, for the few elements that carry text (the envelope's).
    mutating func readText() throws(FlexParseError) -> Bytes {
        let textStart = position
        let stop = Self.find(UInt8(ascii: "<"), from: position, to: end)
        position = stop
        guard stop < end else { throw error("the document ends inside text") }
        return Bytes(start: textStart, count: stop - textStart)
    }

    /// Bytes from here to the next `</name>`: a cheap look ahead for sizing lists, not a parse (nil if none).
    func distance(toEndTagOf name: Bytes) -> Int? {
        let needle = Array("</".utf8) + Array(name) + [UInt8(ascii: ">")]
        var cursor = position
        while true {
            cursor = Self.find(UInt8(ascii: "<"), from: cursor, to: end)
            guard end - cursor >= needle.count else { return nil }
            if cursor[1] == UInt8(ascii: "/"), memcmp(cursor, needle, needle.count) == 0 { return cursor - position }
            cursor += 1
        }
    }

    // MARK: - References

    /// `bytes` with `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and numeric references replaced.
    func decodeReferences(_ bytes: Bytes) throws(FlexParseError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&") else {
                output.append(byte)
                index += 1
                continue
            }
            let referenceStart = index
            var semicolon = index + 1
            while semicolon < bytes.count, semicolon - index <= 12, bytes[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
            let at = offset(of: bytes) + referenceStart
            guard semicolon < bytes.count, bytes[semicolon] == UInt8(ascii: ";") else {
                throw error("'&' that does not start a reference (write &amp;)", at: at)
            }
            let name = Bytes(rebasing: bytes[(index + 1)..<semicolon])
            guard let scalar = Self.referencedScalar(name) else {
                throw error("unknown or invalid reference &\(FlexParseError.quote(name));", at: at)
            }
            output.append(contentsOf: Character(scalar).utf8)
            index = semicolon + 1
        }
        return output
    }

    private static func referencedScalar(_ name: Bytes) -> Unicode.Scalar? {
        switch String(decoding: name, as: UTF8.self) {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case let text where text.hasPrefix("#x"): return xmlCharacter(UInt32(text.dropFirst(2), radix: 16))
        case let text where text.hasPrefix("#"): return xmlCharacter(UInt32(text.dropFirst(), radix: 10))
        default: return nil
        }
    }

    /// Only characters XML allows (so `&#0;` or a lone surrogate is an error, not a character).
    private static func xmlCharacter(_ value: UInt32?) -> Unicode.Scalar? {
        guard let value else { return nil }
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return Unicode.Scalar(value)
        default: return nil
        }
    }

    // MARK: - Pieces

    private mutating func readName(what: String) throws(FlexParseError) -> Bytes {
        let nameStart = position
        guard position < end, Self.isNameStart(position.pointee) else { throw error("expected \(what)") }
        position += 1
        while position < end, Self.isNameByte(position.pointee) { position += 1 }
        return Bytes(start: nameStart, count: position - nameStart)
    }

    private mutating func skipSpace() {
        while position < end, Self.isSpace(position.pointee) { position += 1 }
    }

    /// Text between tags: skipped, but a broken reference in it still makes the document malformed.
    private func skipText(from cursor: UnsafePointer<UInt8>) throws(FlexParseError) -> UnsafePointer<UInt8> {
        let stop = Self.find(UInt8(ascii: "<"), from: cursor, to: end)
        let text = Bytes(start: cursor, count: stop - cursor)
        if text.contains(UInt8(ascii: "&")) { _ = try decodeReferences(text) }
        return stop
    }

    /// `<!-- … -->`, `<![CDATA[ … ]]>` or `<!DOCTYPE …>`, with `position` at the `<`.
    private mutating func skipDeclaration() throws(FlexParseError) {
        if startsWith("<!--") {
            try skip(past: "-->", what: "comment", from: 4)
        } else if startsWith("<![CDATA[") {
            if skippedTextOffset == nil { skippedTextOffset = offset }
            try skip(past: "]]>", what: "CDATA section", from: 9)
        } else if startsWith("<!DOCTYPE") {
            var depth = 0
            while position < end {
                let byte = position.pointee
                position += 1
                if byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "]") { depth -= 1 }
                if byte == UInt8(ascii: ">"), depth <= 0 { return }
            }
            throw error("the document ends inside <!DOCTYPE")
        } else {
            throw error("expected a comment, CDATA section or DOCTYPE after '<!'")
        }
    }

    private func startsWith(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard end - position >= count else { return false }
        return memcmp(position, text.utf8Start, count) == 0
    }

    /// Skips a construct that starts at `position` and whose body starts `opener` bytes later.
    private mutating func skip(past terminator: StaticString, what: String, from opener: Int) throws(FlexParseError) {
        let count = terminator.utf8CodeUnitCount
        let first = terminator.utf8Start.pointee
        var cursor = position + min(opener, end - position)
        while true {
            cursor = Self.find(first, from: cursor, to: end)
            guard end - cursor >= count else { throw error("the document ends inside a \(what) that starts here") }
            if memcmp(cursor, terminator.utf8Start, count) == 0 {
                position = cursor + count
                return
            }
            cursor += 1
        }
    }

    // MARK: - Byte classes and search

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    @inline(__always)
    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// The first `byte` at or after `from`, or `to` when there is none.
    static func find(_ byte: UInt8, from: UnsafePointer<UInt8>, to: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        guard from < to, let hit = memchr(from, Int32(byte), to - from) else { return to }
        return UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The first quote, `&` or `<` at or after `from` (or `to`): eight bytes at a time, since most of a Flex
    /// document is attribute values.
    @inline(__always)
    static func findValueDelimiter(from: UnsafePointer<UInt8>, to: UnsafePointer<UInt8>, quote: UInt8) -> UnsafePointer<UInt8> {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = UInt64(quote) &* ones
        let ampersands = UInt64(UInt8(ascii: "&")) &* ones
        let angles = UInt64(UInt8(ascii: "<")) &* ones
        var cursor = from
        while to - cursor >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(cursor).loadUnaligned(as: UInt64.self))
            let a = word ^ quotes, b = word ^ ampersands, c = word ^ angles
            // A byte of a, b or c is zero where the word holds that delimiter; the lowest flag is exact.
            let found = (((a &- ones) & ~a) | ((b &- ones) & ~b) | ((c &- ones) & ~c)) & highs
            if found != 0 { return cursor + (found.trailingZeroBitCount >> 3) }
            cursor += 8
        }
        while cursor < to {
            let byte = cursor.pointee
            if byte == quote || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") { return cursor }
            cursor += 1
        }
        return to
    }
}
