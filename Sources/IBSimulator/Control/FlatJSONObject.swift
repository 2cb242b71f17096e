import Foundation

/// Typed reads from a flat JSON object (control commands, API request bodies), with messages that name the field.
struct FlatJSONObject {
    /// One member's value; commands only use flat objects.
    enum Value: Decodable {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
        case nested

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let flag = try? container.decode(Bool.self) {
                self = .bool(flag)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let text = try? container.decode(String.self) {
                self = .string(text)
            } else {
                self = .nested
            }
        }
    }

    private let object: [String: Value]

    init(json: Data) throws(ControlError) {
        do {
            object = try JSONDecoder().decode([String: Value].self, from: json)
        } catch {
            throw ControlError("the body must be a JSON object")
        }
    }

    private func value(_ key: String) -> Value? {
        guard let value = object[key] else { return nil }
        if case .null = value { return nil }
        return value
    }

    func string(_ key: String) throws(ControlError) -> String {
        guard let value = try optionalString(key) else { throw ControlError("'\(key)' is required") }
        return value
    }

    func optionalString(_ key: String) throws(ControlError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw ControlError("'\(key)' must be a string") }
        return text
    }

    func number(_ key: String) throws(ControlError) -> Double {
        guard let value = try optionalNumber(key) else { throw ControlError("'\(key)' is required") }
        return value
    }

    func optionalNumber(_ key: String) throws(ControlError) -> Double? {
        guard let value = value(key) else { return nil }
        guard case .number(let number) = value, number.isFinite else { throw ControlError("'\(key)' must be a number") }
        return number
    }

    func optionalInt(_ key: String) throws(ControlError) -> Int? {
        guard let number = try optionalNumber(key) else { return nil }
        guard number == number.rounded(), abs(number) < 1e15 else { throw ControlError("'\(key)' must be a whole number") }
        return Int(number)
    }

    func optionalBool(_ key: String) throws(ControlError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else { throw ControlError("'\(key)' must be true or false") }
        return flag
    }
}
