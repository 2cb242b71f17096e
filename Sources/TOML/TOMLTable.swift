/// A TOML table: its keys in file order, each with the place the key was written.
public struct TOMLTable: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var keyPosition: TOMLPosition
        public var value: TOMLValue

        public init(key: String, keyPosition: TOMLPosition, value: TOMLValue) {
            self.key = key
            self.keyPosition = keyPosition
            self.value = value
        }
    }

    public private(set) var entries: [Entry]
    /// The header, the first dotted key, or the brace that made the table; line 1 for the document itself.
    public var position: TOMLPosition

    public init(entries: [Entry] = [], position: TOMLPosition) {
        self.entries = entries
        self.position = position
    }

    public var keys: [String] { entries.map(\.key) }

    public subscript(key: String) -> TOMLValue? { entry(key)?.value }

    public func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }
}
