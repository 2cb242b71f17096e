import Foundation
import Testing
import TOML

/// The TOML files under Fixtures/, named in messages as `~/<folder>/<file>` (the fixture folder stands for home).
enum Fixture {
    static func root() throws -> String {
        try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures").path
    }

    static func load(_ relativePath: String) throws -> TOMLDocument {
        let root = try root()
        return try TOMLDocument.load(path: root + "/" + relativePath, home: root)
    }

    /// The messages reading (and, with a schema, validating) a fixture gives; empty when it is accepted.
    static func problems(_ relativePath: String, schema: Schema? = nil) throws -> [String] {
        do {
            let document = try load(relativePath)
            _ = try schema?.validate(document)
            return []
        } catch let error as TOMLError {
            return error.diagnostics.map(\.description)
        }
    }
}
