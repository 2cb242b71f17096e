/// What the validator and the README table need to know of a key, whatever the type of its value.
public protocol SchemaEntry: Sendable {
    var name: String { get }
    var typeName: String { get }
    /// Completes "expected …".
    var expectation: String { get }
    /// The default as TOML text; nil when the key has none and may simply be left out.
    var defaultText: String? { get }
    var summary: String { get }
    /// The value in Swift form, or nil when it does not fit the key's type.
    func read(_ value: TOMLValue) -> (any Sendable)?
}
