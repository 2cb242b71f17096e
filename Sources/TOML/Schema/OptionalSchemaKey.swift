/// A key without a default: reading it from a validated table gives nil when the file leaves it out.
public struct OptionalSchemaKey<Value: Sendable>: SchemaEntry {
    public let name: String
    public let type: SchemaType<Value>
    public let summary: String

    public init(_ name: String, _ type: SchemaType<Value>, _ summary: String) {
        self.name = name
        self.type = type
        self.summary = summary
    }

    public var typeName: String { type.name }
    public var expectation: String { type.expectation }
    public var defaultText: String? { nil }
    public func read(_ value: TOMLValue) -> (any Sendable)? { type.read(value) }
}
