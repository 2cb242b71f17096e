import Foundation
import Testing

@testable import TerminalUI

/// The README's keys table is the keymap's own (`Keymap.markdownTable`), and its themes section names every theme
/// shipped in themes/. After changing the keymap, `UPDATE_README=1 swift test --filter ReadmeSectionTests` writes
/// the table between `<!-- keys -->` and `<!-- /keys -->` again.
@Suite(.serialized) struct ReadmeSectionTests {
    static let readmePath = URL(fileURLWithPath: ThemeFixtures.themesDirectory).deletingLastPathComponent()
        .appendingPathComponent("README.md").path

    @Test func theKeysTableIsTheKeymaps() throws {
        var readme = try String(contentsOfFile: Self.readmePath, encoding: .utf8)
        let table = Keymap.standard.markdownTable
        if ProcessInfo.processInfo.environment["UPDATE_README"] != nil {
            let range = try #require(Self.section("keys", in: readme))
            readme.replaceSubrange(range, with: table)
            try readme.write(toFile: Self.readmePath, atomically: true, encoding: .utf8)
        }
        let range = try #require(Self.section("keys", in: readme), "README.md lost its keys markers")
        #expect(
            String(readme[range]) == table,
            "regenerate the README's keys table: UPDATE_README=1 swift test --filter ReadmeSectionTests")
    }

    @Test func theKeysTableHasEveryBindingOnce() {
        let lines = Keymap.standard.markdownTable.split(separator: "\n")
        #expect(lines.count == Keymap.standard.bindings.count + 2)
        #expect(lines.contains("| `q` | Quit | Everywhere |"))
        #expect(lines.contains("| `Esc` | Clear the filter | While typing a filter |"))
    }

    @Test func theThemesSectionNamesEveryShippedTheme() throws {
        let readme = try String(contentsOfFile: Self.readmePath, encoding: .utf8)
        let range = try #require(Self.section("themes", in: readme), "README.md lost its themes markers")
        let section = readme[range]
        let shipped = try FileManager.default.contentsOfDirectory(atPath: ThemeFixtures.themesDirectory)
            .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
        #expect(shipped.count >= 6)
        for name in shipped { #expect(section.contains("| `\(name)` |"), "README's themes section misses \(name)") }
        for words in ["$XDG_CONFIG_HOME/ibdash/themes/NAME.toml", "--theme", "--list-themes", "`t`", "NO_COLOR", "256"] {
            #expect(section.contains(words), "README's themes section should mention \(words)")
        }
    }

    /// What lies between `<!-- name -->\n` and `\n<!-- /name -->`.
    static func section(_ name: String, in text: String) -> Range<String.Index>? {
        guard let start = text.range(of: "<!-- \(name) -->\n"),
            let end = text.range(of: "\n<!-- /\(name) -->", range: start.upperBound..<text.endIndex)
        else { return nil }
        return start.upperBound..<end.lowerBound
    }
}
