import Foundation

/// One JSON object of a response, read leniently: numbers may come as strings, fields may be missing or null
/// (both read as `nil`), unknown keys are ignored. A value that is present but cannot be read throws a
/// `WireError` naming the object and the field, never a silent zero. Strings come back free of control characters.
public struct WireObject: Sendable {
    public let fields: [String: JSONValue]
    /// Where this object sits in the body, for error messages (e.g. `position 3`).
    public let location: String

    public init(_ value: JSONValue, location: String) throws(WireError) {
        guard case .object(let fields) = value else {
            throw .unexpected(value, expected: "an object", location: location)
        }
        self.fields = fields
        self.location = location
    }

    /// The value under the first of `keys` that is present and not null (IBKR spells some keys two ways).
    public func present(_ keys: [String]) -> (key: String, value: JSONValue)? {
        for key in keys {
            if let value = fields[key], value != .null { return (key, value) }
        }
        return nil
    }

    public func decimal(_ keys: String...) throws(WireError) -> Decimal? {
        try read(keys, expected: "a number") { value in
            switch value {
            case .number(let text): LenientNumber.decimal(text)
            case .string(let text): LenientNumber.decimal(text)
            default: nil
            }
        }
    }

    public func int(_ keys: String...) throws(WireError) -> Int? {
        try read(keys, expected: "a whole number") { value in
            switch value {
            case .number(let text), .string(let text): LenientNumber.integer(text)
            default: nil
            }
        }
    }

    public func string(_ keys: String...) throws(WireError) -> String? {
        try read(keys, expected: "a string") { value in
            switch value {
            case .string(let text): text.sanitized
            case .number(let text): text
            default: nil
            }
        }
    }

    public func bool(_ keys: String...) throws(WireError) -> Bool? {
        try read(keys, expected: "true or false") { value in
            switch value {
            case .bool(let flag): flag
            case .number("1"), .string("1"): true
            case .number("0"), .string("0"): false
            case .string(let text) where text.lowercased() == "true": true
            case .string(let text) where text.lowercased() == "false": false
            default: nil
            }
        }
    }

    public func object(_ key: String, location: String? = nil) throws(WireError) -> WireObject? {
        guard let value = fields[key], value != .null else { return nil }
        guard case .object = value else { throw .unexpected(value, expected: "an object", location: self.location, field: key) }
        return try WireObject(value, location: location ?? "\(self.location) \(key)".trimmingCharacters(in: .whitespaces))
    }

    public func array(_ key: String) throws(WireError) -> [JSONValue]? {
        guard let value = fields[key], value != .null else { return nil }
        guard case .array(let elements) = value else {
            throw .unexpected(value, expected: "an array", location: location, field: key)
        }
        return elements
    }

    /// `value`, or a `missing` error naming `key` when the response left out something the dashboard cannot do without.
    public func required<T>(_ value: T?, _ key: String) throws(WireError) -> T {
        guard let value else { throw WireError(location: location, field: key, problem: "missing") }
        return value
    }

    private func read<T>(_ keys: [String], expected: String, _ convert: (JSONValue) -> T?) throws(WireError) -> T? {
        guard let (key, value) = present(keys) else { return nil }
        // An empty string or IBKR's literal "null" means no value, as a JSON null does.
        if case .string(let text) = value, text.isEmpty || text == "null" { return nil }
        guard let converted = convert(value) else {
            throw .unexpected(value, expected: expected, location: location, field: key)
        }
        return converted
    }
}
