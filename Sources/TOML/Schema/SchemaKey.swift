/// A key with a default: reading it from a validated table always gives a value.
public struct SchemaKey<Value: Sendable>: SchemaEntry {
    public let name: String
    public let type: SchemaType<Value>
    public let defaultValue: Value
    public let summary: String

    /// `summary` is the one line the README shows for the key.
    public init(_ name: String, _ type: SchemaType<Value>, default defaultValue: Value, _ summary: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.summary = summary
    }

    public var typeName: String { type.name }
    public var expectation: String { type.expectation }
    public var defaultText: String? { type.write(defaultValue) }
    public func read(_ value: TOMLValue) -> (any Sendable)? { type.read(value) }
}
