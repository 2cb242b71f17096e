import Foundation

/// A JSON document written from the simulator's own templates, so that key order, number spelling (`150.0`,
/// `"189.25"`) and the wire's loose typing are exactly what the simulator chooses to send.
enum JSONValue: Sendable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    /// A number already spelled as it goes on the wire.
    case number(String)
    case bool(Bool)
    case null

    static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A decimal as the gateway's Java doubles print it: always with a fraction (`150.0`, `0.0`).
    static func double(_ value: Decimal) -> JSONValue {
        let text = value.plainText
        return .number(text.contains(".") ? text : text + ".0")
    }

    /// A decimal in its shortest exact spelling (`1`, `1.08`).
    static func decimal(_ value: Decimal) -> JSONValue { .number(value.plainText) }

    static func optionalString(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                Self.writeString(member.0, into: &out)
                out += ":"
                member.1.write(into: &out)
            }
            out += "}"
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                element.write(into: &out)
            }
            out += "]"
        case .string(let string): Self.writeString(string, into: &out)
        case .number(let literal): out += literal
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        }
    }

    private static func writeString(_ string: String, into out: inout String) {
        out += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
