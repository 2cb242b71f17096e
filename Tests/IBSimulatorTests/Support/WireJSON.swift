import Foundation

/// A JSON reader for the tests that keeps numbers as their literal text, so that "exactly" can mean exactly:
/// the invariants are checked in decimal arithmetic on the digits the simulator sent.
indirect enum WireJSON: Equatable, CustomStringConvertible {
    case object([String: WireJSON], keys: [String])
    case array([WireJSON])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ text: String) throws -> WireJSON {
        var parser = Parser(bytes: Array(text.utf8))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == parser.bytes.count else { throw ParseError(description: "trailing text at \(parser.index)") }
        return value
    }

    subscript(key: String) -> WireJSON? {
        if case .object(let members, _) = self { return members[key] }
        return nil
    }

    subscript(index: Int) -> WireJSON? {
        if case .array(let elements) = self, elements.indices.contains(index) { return elements[index] }
        return nil
    }

    var keys: [String] {
        if case .object(_, let keys) = self { return keys }
        return []
    }

    var array: [WireJSON]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The number's literal, only for JSON numbers.
    var numberLiteral: String? {
        if case .number(let literal) = self { return literal }
        return nil
    }

    /// A JSON number as an exact decimal.
    var decimal: Decimal? { numberLiteral.flatMap { Decimal(string: $0) } }

    var int: Int? { numberLiteral.flatMap { Int($0) } }

    var isNull: Bool { self == .null }

    var description: String {
        switch self {
        case .object(let members, let keys): "{" + keys.map { "\"\($0)\":\(members[$0]?.description ?? "")" }.joined(separator: ",") + "}"
        case .array(let elements): "[" + elements.map(\.description).joined(separator: ",") + "]"
        case .string(let text): "\"\(text)\""
        case .number(let literal): literal
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        }
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value() throws -> WireJSON {
            skipSpace()
            guard index < bytes.count else { throw ParseError(description: "unexpected end") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object()
            case UInt8(ascii: "["): return try array()
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return try number()
            }
        }

        mutating func literal(_ word: String) throws {
            let expected = Array(word.utf8)
            guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
                throw ParseError(description: "bad literal at \(index)")
            }
            index += expected.count
        }

        mutating func number() throws -> WireJSON {
            let start = index
            while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard !text.isEmpty, Double(text) != nil else { throw ParseError(description: "bad number at \(start)") }
            return .number(text)
        }

        mutating func string() throws -> String {
            index += 1
            var out: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
                if byte == UInt8(ascii: "\\") {
                    guard index < bytes.count else { break }
                    let escaped = bytes[index]
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "u"):
                        guard index + 4 <= bytes.count,
                            let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16),
                            let scalar = Unicode.Scalar(code)
                        else { throw ParseError(description: "bad escape") }
                        out += Array(String(scalar).utf8)
                        index += 4
                    default: out.append(escaped)
                    }
                } else {
                    out.append(byte)
                }
            }
            throw ParseError(description: "unterminated string")
        }

        mutating func object() throws -> WireJSON {
            index += 1
            var members: [String: WireJSON] = [:]
            var keys: [String] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members, keys: keys)
            }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw ParseError(description: "key expected at \(index)") }
                let key = try string()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw ParseError(description: "colon expected at \(index)") }
                index += 1
                members[key] = try value()
                keys.append(key)
                skipSpace()
                guard index < bytes.count else { throw ParseError(description: "unterminated object") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members, keys: keys) }
                throw ParseError(description: "comma or brace expected at \(index)")
            }
        }

        mutating func array() throws -> WireJSON {
            index += 1
            var elements: [WireJSON] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            while true {
                elements.append(try value())
                skipSpace()
                guard index < bytes.count else { throw ParseError(description: "unterminated array") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
                throw ParseError(description: "comma or bracket expected at \(index)")
            }
        }
    }
}
