/// A value read from a TOML file, with the place it was written.
public struct TOMLValue: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case string(String)
        case integer(Int64)
        case float(Double)
        case boolean(Bool)
        /// Also what `[[name]]` headers build: an array of tables.
        case array([TOMLValue])
        case table(TOMLTable)
    }

    public var kind: Kind
    public var position: TOMLPosition

    public init(_ kind: Kind, at position: TOMLPosition) {
        self.kind = kind
        self.position = position
    }

    public var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    public var integer: Int64? {
        if case .integer(let number) = kind { return number }
        return nil
    }

    /// Integers count as numbers too: `ratio = 1` means 1.0.
    public var number: Double? {
        switch kind {
        case .float(let number): number
        case .integer(let number): Double(number)
        default: nil
        }
    }

    public var boolean: Bool? {
        if case .boolean(let flag) = kind { return flag }
        return nil
    }

    public var array: [TOMLValue]? {
        if case .array(let elements) = kind { return elements }
        return nil
    }

    public var table: TOMLTable? {
        if case .table(let table) = kind { return table }
        return nil
    }

    /// How an error message shows the value it did not expect: `15`, `"fast"`, `an array`.
    public var summary: String {
        switch kind {
        case .string(let text): TOMLKey.quoted(text.count > 40 ? String(text.prefix(39)) + "…" : text)
        case .integer(let number): String(number)
        case .float(let number): TOMLValue.text(of: number)
        case .boolean(let flag): String(flag)
        case .array(let elements): TOMLValue.summary(of: elements)
        case .table: "a table"
        }
    }

    /// `["U1", 2]` while that stays short; a long array is only counted.
    private static func summary(of elements: [TOMLValue]) -> String {
        let inline = "[" + elements.map(\.summary).joined(separator: ", ") + "]"
        return inline.count <= 40 ? inline : "an array of \(elements.count) values"
    }

    /// A float as TOML writes it (`inf`, `nan`, `1.0`), for messages and for rendered defaults.
    public static func text(of number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        return String(number)
    }
}
