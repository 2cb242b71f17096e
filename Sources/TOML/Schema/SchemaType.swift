/// A kind of value a schema key holds: how to read it from TOML, how to write it back (for the defaults in the
/// README), and how to say what was expected when a file gets it wrong.
public struct SchemaType<Value: Sendable>: Sendable {
    /// The type column of the README table: `duration`, `colour`, `one of: dark, light`.
    public let name: String
    /// Completes "expected …": `a duration such as "15s"`.
    public let expectation: String
    private let reader: @Sendable (TOMLValue) -> Value?
    private let writer: @Sendable (Value) -> String

    /// `read` returns nil for a value of the wrong kind or form; `write` gives the value as TOML text.
    public init(
        name: String, expectation: String, read: @escaping @Sendable (TOMLValue) -> Value?,
        write: @escaping @Sendable (Value) -> String
    ) {
        self.name = name
        self.expectation = expectation
        self.reader = read
        self.writer = write
    }

    public func read(_ value: TOMLValue) -> Value? { reader(value) }

    public func write(_ value: Value) -> String { writer(value) }
}
