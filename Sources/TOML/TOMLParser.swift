/// Reads TOML 1.0 text into a `TOMLTable`: the document structure, headers and keys. Values are read in
/// `TOMLParser+Values.swift`, strings in `TOMLParser+Strings.swift`.
struct TOMLParser {
    private let text: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    init(_ source: String) {
        var scalars = Array(source.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        text = scalars
    }

    mutating func parseDocument() throws(TOMLProblem) -> TOMLTable {
        let root = TOMLTableNode(origin: .root, position: TOMLPosition(line: 1, column: 1))
        var table = root
        while true {
            skipWhitespace()
            guard let scalar = current else { break }
            switch scalar {
            case "#", "\n", "\r": break
            case "[": table = try parseHeader(root: root)
            default:
                do {
                    try parseKeyValue(into: table)
                } catch {
                    throw error.under(table.path)
                }
            }
            try expectEndOfLine()
        }
        return root.table()
    }

    // MARK: Headers and keys

    private mutating func parseHeader(root: TOMLTableNode) throws(TOMLProblem) -> TOMLTableNode {
        let start = position
        advance()
        let isArray = current == "["
        if isArray { advance() }
        skipWhitespace()
        let path = try parseKey()
        skipWhitespace()
        let closing = isArray ? "]]" : "]"
        guard take("]"), !isArray || take("]") else {
            throw TOMLProblem("expected '\(closing)' to close the table header", key: path.map(\.name), at: position)
        }
        return isArray
            ? try root.appendTableArrayElement(path, at: start) : try root.defineTable(path, at: start)
    }

    mutating func parseKeyValue(into table: TOMLTableNode) throws(TOMLProblem) {
        let path = try parseKey()
        skipWhitespace()
        guard take("=") else {
            throw TOMLProblem("expected '=' after the key", key: path.map(\.name), at: position)
        }
        skipWhitespace()
        let value: TOMLValue
        do {
            value = try parseValue()
        } catch {
            throw error.under(path.map(\.name))
        }
        try table.insert(path, value: value)
    }

    /// A dotted key: `a`, `a.b`, `"a b".'c'`, with blanks allowed around the dots.
    private mutating func parseKey() throws(TOMLProblem) -> [TOMLTableNode.KeySegment] {
        var segments: [TOMLTableNode.KeySegment] = []
        while true {
            let start = position
            let name: String
            switch current {
            case "\"": name = try parseBasicString(multiLine: false)
            case "'": name = try parseLiteralString(multiLine: false)
            case let scalar? where TOMLKey.isBareKeyScalar(scalar):
                var bare = ""
                while let next = current, TOMLKey.isBareKeyScalar(next) {
                    bare.unicodeScalars.append(next)
                    advance()
                }
                name = bare
            default:
                throw TOMLProblem("expected a key, found \(describeCurrent)", at: start)
            }
            segments.append(.init(name: name, position: start))
            skipWhitespace()
            guard take(".") else { return segments }
            skipWhitespace()
        }
    }

    // MARK: Blanks, comments and line ends

    mutating func skipWhitespace() {
        while current == " " || current == "\t" { advance() }
    }

    /// Inside arrays: blanks, comments and newlines may stand between values.
    mutating func skipBlankLines() throws(TOMLProblem) {
        while true {
            skipWhitespace()
            switch current {
            case "#": try skipComment()
            case "\n", "\r": try takeNewline()
            default: return
            }
        }
    }

    private mutating func expectEndOfLine() throws(TOMLProblem) {
        skipWhitespace()
        if current == "#" { try skipComment() }
        guard current != nil else { return }
        guard current == "\n" || current == "\r" else {
            throw TOMLProblem("expected the end of the line, found \(describeCurrent)", at: position)
        }
        try takeNewline()
    }

    private mutating func skipComment() throws(TOMLProblem) {
        while let scalar = current, scalar != "\n", scalar != "\r" {
            if TOMLParser.isControl(scalar, allowingDelete: true) {
                throw TOMLProblem("control character \(TOMLParser.name(of: scalar)) in a comment", at: position)
            }
            advance()
        }
    }

    /// LF or CRLF; a carriage return alone is not a line end in TOML.
    mutating func takeNewline() throws(TOMLProblem) {
        if current == "\r" {
            guard peek(1) == "\n" else {
                throw TOMLProblem("a carriage return must be followed by a newline", at: position)
            }
            advance()
        }
        advance()
    }

    // MARK: The cursor

    var position: TOMLPosition { TOMLPosition(line: line, column: index - lineStart + 1) }

    var current: Unicode.Scalar? { index < text.count ? text[index] : nil }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < text.count ? text[index + offset] : nil
    }

    mutating func advance() {
        guard index < text.count else { return }
        if text[index] == "\n" {
            line += 1
            lineStart = index + 1
        }
        index += 1
    }

    mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard current == scalar else { return false }
        advance()
        return true
    }

    /// True, and consumed, when the next scalars are exactly `prefix`.
    mutating func takePrefix(_ prefix: String) -> Bool {
        let scalars = Array(prefix.unicodeScalars)
        for (offset, scalar) in scalars.enumerated() where peek(offset) != scalar { return false }
        for _ in scalars { advance() }
        return true
    }

    /// How a message names what stands at the cursor.
    var describeCurrent: String {
        guard let scalar = current else { return "the end of the file" }
        if scalar == "\n" || scalar == "\r" { return "the end of the line" }
        return TOMLParser.isControl(scalar, allowingDelete: false) ? TOMLParser.name(of: scalar) : "'\(scalar)'"
    }

    /// Control characters TOML does not allow as they are: all C0 but tab, and DEL unless allowed.
    static func isControl(_ scalar: Unicode.Scalar, allowingDelete: Bool) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (scalar.value == 0x7F && !allowingDelete)
    }

    static func name(of scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
