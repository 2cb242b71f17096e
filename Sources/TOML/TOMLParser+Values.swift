extension TOMLParser {
    mutating func parseValue() throws(TOMLProblem) -> TOMLValue {
        let start = position
        switch current {
        case "\"":
            let multiLine = peek(1) == "\"" && peek(2) == "\""
            return TOMLValue(.string(try parseBasicString(multiLine: multiLine)), at: start)
        case "'":
            let multiLine = peek(1) == "'" && peek(2) == "'"
            return TOMLValue(.string(try parseLiteralString(multiLine: multiLine)), at: start)
        case "[":
            return TOMLValue(.array(try parseArray()), at: start)
        case "{":
            return TOMLValue(.table(try parseInlineTable(at: start)), at: start)
        case nil, "\n", "\r", "#":
            throw TOMLProblem("expected a value, found \(describeCurrent)", at: start)
        default:
            var token = ""
            while let scalar = current, TOMLParser.isTokenScalar(scalar) {
                token.unicodeScalars.append(scalar)
                advance()
            }
            if token.isEmpty {
                throw TOMLProblem("expected a value, found \(describeCurrent)", at: start)
            }
            do {
                return TOMLValue(try TOMLLiteral.parse(token), at: start)
            } catch {
                throw TOMLProblem(error.message, at: start)
            }
        }
    }

    private mutating func parseArray() throws(TOMLProblem) -> [TOMLValue] {
        advance()
        var elements: [TOMLValue] = []
        while true {
            try skipBlankLines()
            if take("]") { return elements }
            elements.append(try parseValue())
            try skipBlankLines()
            if take("]") { return elements }
            guard take(",") else {
                throw TOMLProblem("expected ',' or ']' in the array, found \(describeCurrent)", at: position)
            }
        }
    }

    /// `{ a = 1, b.c = 2 }`: on one line, no trailing comma, closed for good once read.
    private mutating func parseInlineTable(at start: TOMLPosition) throws(TOMLProblem) -> TOMLTable {
        advance()
        let node = TOMLTableNode(origin: .root, position: start)
        skipWhitespace()
        if take("}") { return node.table() }
        while true {
            try parseKeyValue(into: node)
            skipWhitespace()
            if take("}") { return node.table() }
            try refuseLineEndInInlineTable()
            guard take(",") else {
                throw TOMLProblem("expected ',' or '}' in the inline table, found \(describeCurrent)", at: position)
            }
            skipWhitespace()
            try refuseLineEndInInlineTable()
            if current == "}" {
                throw TOMLProblem("a trailing comma is not allowed in an inline table", at: position)
            }
        }
    }

    private func refuseLineEndInInlineTable() throws(TOMLProblem) {
        if current == "\n" || current == "\r" || current == "#" {
            throw TOMLProblem("an inline table must close on the line it opens", at: position)
        }
    }

    /// The scalars of numbers, booleans and (refused) dates: read as one token, then classified.
    static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "+", "-", ".", ":": true
        default: false
        }
    }
}
