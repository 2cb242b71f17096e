/// The one description of a TOML file's keys: it validates files, and it writes the README's table of them.
public struct Schema: Sendable {
    public let root: SchemaTable

    public init(keys: [any SchemaEntry] = [], tables: [SchemaTable] = []) {
        root = SchemaTable("", "", keys: keys, tables: tables)
    }

    /// Every problem of the document at once, in file order; or the typed values.
    public func validate(_ document: TOMLDocument) throws(TOMLError) -> ValidatedTable {
        var diagnostics: [TOMLDiagnostic] = []
        let table = SchemaValidator(file: document.file).validate(
            document.root, against: root, path: [], diagnostics: &diagnostics)
        guard diagnostics.isEmpty else {
            throw TOMLError(diagnostics.sorted { $0.position < $1.position })
        }
        return table
    }

    /// Reads and validates a file.
    public func load(path: String, home: String?) throws(TOMLError) -> ValidatedTable {
        try validate(TOMLDocument.load(path: path, home: home))
    }
}
