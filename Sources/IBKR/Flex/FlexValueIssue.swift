/// A value the parser could not read (a number that is not one, an impossible date). The field is left
/// empty and the issue is recorded with where it was, so a wrong value never passes for a zero.
public struct FlexValueIssue: Sendable, Hashable, Encodable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var element: String
    public var attribute: String
    /// The value as written, cleaned and shortened.
    public var value: String
    public var problem: String

    public init(line: Int, column: Int, element: String, attribute: String, value: String, problem: String) {
        self.line = line
        self.column = column
        self.element = element
        self.attribute = attribute
        self.value = value
        self.problem = problem
    }

    public var description: String { "line \(line), column \(column): \(element) \(attribute)=\"\(value)\": \(problem)" }
}
