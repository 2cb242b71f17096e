/// A value in a response that is present but cannot be read, said so that a person can find it:
/// `position 3 field "mktPrice": expected a number, found "abc"`.
public struct WireError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where in the body, e.g. `position 3` or `key "cushion"`; empty for the top level.
    public var location: String
    /// The field, when the problem is one field's value.
    public var field: String?
    /// e.g. `expected a number, found "abc"` or `missing`.
    public var problem: String

    public init(location: String, field: String? = nil, problem: String) {
        self.location = location
        self.field = field
        self.problem = problem
    }

    public static func unexpected(_ value: JSONValue, expected: String, location: String, field: String? = nil)
        -> WireError
    {
        WireError(location: location, field: field, problem: "expected \(expected), found \(value.rendered)")
    }

    public var description: String {
        var place: [String] = []
        if !location.isEmpty { place.append(location) }
        if let field { place.append("field \"\(field.sanitized)\"") }
        return place.isEmpty ? problem : place.joined(separator: " ") + ": " + problem
    }
}
