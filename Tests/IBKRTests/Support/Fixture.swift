import Foundation
import IBKR
import Testing

/// The Client Portal examples of the reference (shared/reference/client-portal-api.md), copied verbatim.
enum Fixture {
    static func text(_ name: String) throws -> String {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/clientportal"),
            "fixture \(name).json")
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func json(_ name: String) throws -> JSONValue {
        try JSONValue(parsing: Array(text(name).utf8))
    }

    static func json(text: String) throws -> JSONValue {
        try JSONValue(parsing: Array(text.utf8))
    }
}
