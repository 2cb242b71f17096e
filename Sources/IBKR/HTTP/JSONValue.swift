import Foundation

/// A parsed JSON document. Numbers keep their literal text so money decodes into `Decimal` without passing
/// through a binary floating point value.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// The number exactly as written on the wire, e.g. `81803.62` or `2.0201311791131118E8`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses a whole document; throws `JSONParseError` for anything that is not JSON.
    public init(parsing bytes: some Collection<UInt8>) throws(JSONParseError) {
        var parser = JSONParser(Array(bytes))
        self = try parser.parseDocument()
    }

    public var objectValue: [String: JSONValue]? {
        if case .object(let fields) = self { return fields }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// How a value looks in an error message: short, quoted when a string, free of control characters.
    public var rendered: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let text): return text
        case .string(let text):
            let clean = text.sanitized
            let short = clean.count > 40 ? String(clean.prefix(40)) + "…" : clean
            return "\"\(short)\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
