/// A `[table]` (or `[[array of tables]]`) of a schema: the keys it may hold and the tables inside it.
public struct SchemaTable: Sendable {
    public let name: String
    public let summary: String
    public let keys: [any SchemaEntry]
    public let tables: [SchemaTable]
    /// Written `[[name]]`, any number of times.
    public let isArray: Bool

    public init(
        _ name: String, _ summary: String, keys: [any SchemaEntry] = [], tables: [SchemaTable] = [],
        isArray: Bool = false
    ) {
        self.name = name
        self.summary = summary
        self.keys = keys
        self.tables = tables
        self.isArray = isArray
    }

    func key(_ name: String) -> (any SchemaEntry)? { keys.first { $0.name == name } }

    func table(_ name: String) -> SchemaTable? { tables.first { $0.name == name } }

    /// Every name allowed here, for "did you mean" suggestions.
    var names: [String] { keys.map(\.name) + tables.map(\.name) }
}
