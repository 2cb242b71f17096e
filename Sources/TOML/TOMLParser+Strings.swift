extension TOMLParser {
    /// `"…"` or `"""…"""`, with escapes; the cursor stands on the first quote.
    mutating func parseBasicString(multiLine: Bool) throws(TOMLProblem) -> String {
        try parseString(quote: "\"", multiLine: multiLine, escapes: true)
    }

    /// `'…'` or `'''…'''`, taken as written; the cursor stands on the first quote.
    mutating func parseLiteralString(multiLine: Bool) throws(TOMLProblem) -> String {
        try parseString(quote: "'", multiLine: multiLine, escapes: false)
    }

    private mutating func parseString(
        quote: Unicode.Scalar, multiLine: Bool, escapes: Bool
    ) throws(TOMLProblem) -> String {
        let start = position
        try openString(multiLine: multiLine)
        var text = ""
        while true {
            guard let scalar = current else {
                throw TOMLProblem("the string opened here is never closed", at: start)
            }
            switch scalar {
            case quote:
                if try closeString(quote: quote, multiLine: multiLine, into: &text) { return text }
            case "\\" where escapes:
                advance()
                if multiLine, try skipLineEndingBackslash() { continue }
                text.unicodeScalars.append(try parseEscape())
            case "\n", "\r":
                guard multiLine else { throw TOMLProblem("the string opened here is never closed", at: start) }
                try takeNewline()
                text += "\n"
            default:
                try appendPlain(scalar, to: &text)
            }
        }
    }

    /// Skips the opening quotes, and in a multi-line string the newline right after them.
    private mutating func openString(multiLine: Bool) throws(TOMLProblem) {
        for _ in 0..<(multiLine ? 3 : 1) { advance() }
        if multiLine, current == "\n" || current == "\r" { try takeNewline() }
    }

    /// At a quote: true when it closes the string. A multi-line string may end with up to two quotes of its own
    /// (`"""a""""` is `a"`), and may hold runs of one or two quotes anywhere.
    private mutating func closeString(
        quote: Unicode.Scalar, multiLine: Bool, into text: inout String
    ) throws(TOMLProblem) -> Bool {
        guard multiLine else {
            advance()
            return true
        }
        var run = 0
        while current == quote {
            run += 1
            advance()
        }
        if run > 5 {
            throw TOMLProblem("too many quotes in a row at the end of a multi-line string", at: position)
        }
        text += String(repeating: Character(quote), count: run >= 3 ? run - 3 : run)
        return run >= 3
    }

    private mutating func appendPlain(_ scalar: Unicode.Scalar, to text: inout String) throws(TOMLProblem) {
        if TOMLParser.isControl(scalar, allowingDelete: false) {
            throw TOMLProblem(
                "control character \(TOMLParser.name(of: scalar)) must be escaped in a string", at: position)
        }
        text.unicodeScalars.append(scalar)
        advance()
    }

    /// A backslash that ends a line in a multi-line basic string swallows the line end and the blanks after it.
    private mutating func skipLineEndingBackslash() throws(TOMLProblem) -> Bool {
        var offset = 0
        while peek(offset) == " " || peek(offset) == "\t" { offset += 1 }
        guard peek(offset) == "\n" || peek(offset) == "\r" else { return false }
        while true {
            skipWhitespace()
            guard current == "\n" || current == "\r" else { return true }
            try takeNewline()
        }
    }

    /// After the backslash.
    private mutating func parseEscape() throws(TOMLProblem) -> Unicode.Scalar {
        let start = position
        guard let scalar = current else { throw TOMLProblem("the string ends inside an escape", at: start) }
        advance()
        switch scalar {
        case "b": return "\u{08}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "\"": return "\""
        case "\\": return "\\"
        case "u": return try parseUnicodeEscape(digits: 4, at: start)
        case "U": return try parseUnicodeEscape(digits: 8, at: start)
        default:
            let shown = TOMLParser.isControl(scalar, allowingDelete: false) ? TOMLParser.name(of: scalar) : "\\\(scalar)"
            throw TOMLProblem("invalid escape \(shown) in a string", at: start)
        }
    }

    private mutating func parseUnicodeEscape(digits: Int, at start: TOMLPosition) throws(TOMLProblem) -> Unicode.Scalar {
        var hex = ""
        for _ in 0..<digits {
            guard let scalar = current, scalar.properties.isASCIIHexDigit else {
                throw TOMLProblem("a \\\(digits == 4 ? "u" : "U") escape needs \(digits) hexadecimal digits", at: start)
            }
            hex.unicodeScalars.append(scalar)
            advance()
        }
        guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
            throw TOMLProblem("\\\(digits == 4 ? "u" : "U")\(hex) is not a Unicode scalar value", at: start)
        }
        return scalar
    }
}
