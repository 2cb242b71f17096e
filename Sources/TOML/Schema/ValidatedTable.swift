/// A table that passed its schema: typed values, with defaults for what the file left out, and the places
/// things were written so that later checks can still name the file, the line and the key.
public struct ValidatedTable: Sendable {
    public let file: String
    /// Dotted path from the document root; empty for the root.
    public let path: [String]
    /// Where the file defined the table; nil when it did not, and every key has its default.
    public let position: TOMLPosition?
    var values: [String: any Sendable] = [:]
    var valuePositions: [String: TOMLPosition] = [:]
    var tables: [String: ValidatedTable] = [:]
    var arrays: [String: [ValidatedTable]] = [:]

    init(file: String, path: [String], position: TOMLPosition?) {
        self.file = file
        self.path = path
        self.position = position
    }

    public subscript<Value>(key: SchemaKey<Value>) -> Value {
        values[key.name] as? Value ?? key.defaultValue
    }

    public subscript<Value>(key: OptionalSchemaKey<Value>) -> Value? {
        values[key.name] as? Value
    }

    /// True when the file wrote the key (rather than leaving it to its default).
    public func isSet(_ key: any SchemaEntry) -> Bool { values[key.name] != nil }

    /// A sub-table; when the file has none, an empty one that gives every default.
    public func table(_ name: String) -> ValidatedTable {
        tables[name] ?? ValidatedTable(file: file, path: path + [name], position: nil)
    }

    /// The elements of a `[[name]]` array of tables, in file order.
    public func tables(_ name: String) -> [ValidatedTable] { arrays[name] ?? [] }

    /// Where a key's value was written, else where this table was, else the top of the file.
    public func position(of key: String) -> TOMLPosition {
        valuePositions[key] ?? position ?? TOMLPosition(line: 1, column: 1)
    }

    /// A problem with a key that only a later check can see (a glyph too wide, a theme that does not exist).
    public func diagnostic(key: String, _ message: String) -> TOMLDiagnostic {
        TOMLDiagnostic(file: file, position: position(of: key), key: TOMLKey.path(path + [key]), message: message)
    }
}
