import Foundation
import Testing

@testable import IBDashKit

/// The README's reference tables are generated from the code's own descriptions; these tests keep them in step.
@Suite struct ReadmeTests {
    static let readme: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }()

    @Test func theConfigTableIsTheSchemas() {
        let table = ConfigSchema.schema.markdown()
        if ProcessInfo.processInfo.environment["PRINT_CONFIG_TABLE"] != nil { print(table) }
        #expect(Self.readme.contains(table), "regenerate the README's config table: PRINT_CONFIG_TABLE=1 swift test --filter theConfigTableIsTheSchemas")
    }
}
