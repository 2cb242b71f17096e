/// The themes `t` cycles through, by name, loaded when first used.
public struct ThemeCatalog: Sendable {
    public let names: [String]
    private let load: @Sendable (String) throws(ThemeError) -> ThemeDefinition

    public init(names: [String], load: @escaping @Sendable (String) throws(ThemeError) -> ThemeDefinition) {
        self.names = names
        self.load = load
    }

    /// Every theme of the library: the user's first, then the shipped ones, each name once.
    public init(library: ThemeLibrary) {
        self.init(names: library.entries().map(\.name)) { name throws(ThemeError) in try library.definition(named: name) }
    }

    /// Themes already loaded.
    public init(definitions: [ThemeDefinition]) {
        let byName = Dictionary(definitions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.init(names: definitions.map(\.name)) { name throws(ThemeError) in
            guard let definition = byName[name] else {
                throw .unknown(name: name, available: definitions.map(\.name), searched: [])
            }
            return definition
        }
    }

    public func definition(named name: String) throws(ThemeError) -> ThemeDefinition { try load(name) }
}
