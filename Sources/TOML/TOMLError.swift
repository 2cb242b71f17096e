/// Why a TOML file could not be read or did not match its schema: every problem found, each with file, line and key.
public struct TOMLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// In file order; never empty.
    public var diagnostics: [TOMLDiagnostic]

    public init(_ diagnostics: [TOMLDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: TOMLDiagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
