import Foundation
import Portfolio
import TOML
import Testing

@testable import TerminalUI

@Suite struct ThemeTests {
    init() { TestLocale.useUTF8() }

    static let shippedNames = ["default", "gruvbox", "high-contrast", "light", "mono", "solarized-dark"]

    /// The themes of this checkout, found the way `swift run` finds them: walking up from the executable.
    private func shipped() throws -> ThemeLibrary {
        let executable = try #require(ThemeLibrary.currentExecutablePath())
        let directory = try #require(ThemeLibrary.shippedDirectory(executablePath: executable))
        return ThemeLibrary(directories: [.init(path: directory, origin: .shipped)], home: nil)
    }

    @Test func theCheckoutShipsTheSixThemes() throws {
        let entries = try shipped().entries()
        #expect(entries.map(\.name) == Self.shippedNames)
        #expect(entries.allSatisfy { $0.origin == .shipped })
    }

    @Test(arguments: shippedNames)
    func everyShippedThemeLoadsAndDefinesEveryRole(name: String) throws {
        let definition = try shipped().definition(named: name)
        #expect(Set(definition.roles.keys) == Set(ThemeRole.allCases))
        #expect(!definition.summary.isEmpty)
        let glyphs = definition.glyphs
        for glyph in [glyphs.gain, glyphs.loss, glyphs.unchanged, glyphs.live, glyphs.aging, glyphs.stale, glyphs.missing, glyphs.error] {
            #expect(TextWidth.of(glyph) == 1, "\(glyph)")
        }
        // The background stays the terminal's own.
        #expect(definition.roles[.background]?.background == nil)
        for colorCount in [256, 8] {
            let theme = definition.resolved(colorCount: colorCount)
            #expect(theme[.background].background == .terminalDefault)
            if name != "mono" {
                #expect(theme[.gain].foreground != theme[.loss].foreground, "\(name) at \(colorCount) colours")
            }
        }
    }

    @Test func glyphsForChangesAndFreshness() {
        let glyphs = ThemeGlyphs.standard
        #expect([Decimal(string: "0.01"), -1, 0].map { glyphs.direction(of: $0 ?? 0) } == ["▲", "▼", "·"])
        #expect(Freshness.Level.allLevels.map(glyphs.freshness) == ["●", "◐", "◌", "○", "×"])
        #expect(Freshness.Level.allLevels.map(ThemeGlyphs.ascii.freshness) == ["*", "~", "?", "o", "!"])
    }

    @Test func monoTellsGainLossAndStalenessApartWithoutColour() throws {
        let mono = try shipped().theme(named: "mono", colorCount: 256)
        for role in ThemeRole.allCases {
            #expect(mono[role].foreground == .terminalDefault && mono[role].background == .terminalDefault)
        }
        let styles = [mono[.gain], mono[.loss], mono[.stale], mono[.neutral]]
        #expect(Set(styles).count == styles.count)
        let glyphs = [mono.glyphs.gain, mono.glyphs.loss, mono.glyphs.stale, mono.glyphs.live]
        #expect(Set(glyphs).count == glyphs.count)
        #expect(mono[.selection].attributes.contains(.reverse))
    }

    @Test func eightColourTerminalsGetOnlyBasicColours() throws {
        let library = try shipped()
        for name in Self.shippedNames {
            let theme = try library.theme(named: name, colorCount: 8)
            for role in ThemeRole.allCases {
                for color in [theme[role].foreground, theme[role].background] {
                    if case .index(let index) = color { #expect(index < 8, "\(name) \(role)") }
                }
            }
        }
    }

    @Test(arguments: [
        ("bad-colour", [##"~/themes/bad-colour.toml:4: roles.gain.fg: expected a colour such as "#5faf87", found "green""##]),
        ("unknown-role", ["~/themes/unknown-role.toml:3: roles.gian: unknown key, did you mean 'gain'?"]),
        ("wide-glyph", [#"~/themes/wide-glyph.toml:3: glyphs.loss: expected a single one-column character such as "▲", found "日""#]),
        ("bad-box", [#"~/themes/bad-box.toml:2: glyphs.box: expected one of "square", "rounded", "ascii", found "double""#]),
        ("bad-attribute", [#"~/themes/bad-attribute.toml:2: roles.loss.bold: expected true or false, found "yes""#]),
        ("unclosed-role", ["~/themes/unclosed-role.toml:2: roles.gain: an inline table must close on the line it opens"]),
        (
            "several-problems",
            [
                "~/themes/several-problems.toml:1: description: expected a string, found 7",
                ##"~/themes/several-problems.toml:4: roles.title.fg: expected a colour such as "#5faf87", found "#fff""##,
                "~/themes/several-problems.toml:8: roles.gain.blink: unknown key",
                #"~/themes/several-problems.toml:11: glyphs.stale: expected a single one-column character such as "▲", found """#,
            ]
        ),
    ])
    func invalidThemesNameFileLineAndKey(name: String, messages: [String]) throws {
        let fixtures = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures").path
        let library = ThemeLibrary(directories: [.init(path: fixtures + "/themes", origin: .user)], home: fixtures)
        let error = #expect(throws: ThemeError.self) { try library.definition(named: name) }
        guard case .invalid(let problems) = error else {
            Issue.record("expected an invalid theme, got \(String(describing: error))")
            return
        }
        #expect(problems.diagnostics.map(\.description) == messages)
    }

    @Test func anUnknownThemeIsNamedWithASuggestionAndTheDirectoriesSearched() throws {
        let library = try shipped()
        let error = #expect(throws: ThemeError.self) { try library.definition(named: "gruvbx") }
        let description = try #require(error?.description)
        #expect(description.hasPrefix("unknown theme 'gruvbx', did you mean 'gruvbox'? (themes: default, gruvbox, "))
        #expect(description.hasSuffix("/themes)"))
        #expect(throws: ThemeError.invalidName("../../etc/passwd")) { try library.definition(named: "../../etc/passwd") }
    }

    @Test func aUserThemeOverridesAShippedOneOfTheSameName() throws {
        let user = FileManager.default.temporaryDirectory.appendingPathComponent("ibdash-themes-\(getpid())-\(UUID())")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: user) }
        try #"description = "Mine""#.write(to: user.appendingPathComponent("default.toml"), atomically: true, encoding: .utf8)
        try "".write(to: user.appendingPathComponent("extra.toml"), atomically: true, encoding: .utf8)
        let shipped = try shipped()
        let library = ThemeLibrary(directories: [.init(path: user.path, origin: .user)] + shipped.directories, home: nil)
        #expect(try library.definition(named: "default").summary == "Mine")
        let entries = library.entries()
        #expect(entries.map(\.name) == ["default", "extra", "gruvbox", "high-contrast", "light", "mono", "solarized-dark"])
        #expect(entries.filter { $0.origin == .user }.map(\.name) == ["default", "extra"])
        // A role the file leaves out is drawn in the terminal's own colours.
        #expect(try library.theme(named: "extra", colorCount: 256)[.gain] == .plain)
    }

    @Test func userThemesLiveUnderTheXDGConfigDirectory() {
        #expect(ThemeLibrary.userDirectory(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/u"]) == "/cfg/ibdash/themes")
        #expect(ThemeLibrary.userDirectory(environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/home/u"]) == "/home/u/.config/ibdash/themes")
        #expect(ThemeLibrary.userDirectory(environment: ["HOME": "/home/u"]) == "/home/u/.config/ibdash/themes")
        #expect(ThemeLibrary.userDirectory(environment: [:]) == nil)
        let library = ThemeLibrary.standard(environment: ["HOME": "/home/u"], executablePath: nil)
        #expect(library.directories == [.init(path: "/home/u/.config/ibdash/themes", origin: .user)])
    }

    @Test func shippedThemesAreFoundBesideAnInstalledBinaryAndInACheckout() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ibdash-layout-\(getpid())-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = FileManager.default
        try files.createDirectory(at: root.appendingPathComponent("prefix/bin"), withIntermediateDirectories: true)
        try files.createDirectory(at: root.appendingPathComponent("prefix/share/ibdash/themes"), withIntermediateDirectories: true)
        try files.createDirectory(at: root.appendingPathComponent("checkout/themes"), withIntermediateDirectories: true)
        try files.createDirectory(at: root.appendingPathComponent("checkout/.build/debug"), withIntermediateDirectories: true)
        try "".write(to: root.appendingPathComponent("checkout/Package.swift"), atomically: true, encoding: .utf8)
        try files.createDirectory(at: root.appendingPathComponent("elsewhere/bin"), withIntermediateDirectories: true)
        #expect(
            ThemeLibrary.shippedDirectory(executablePath: root.path + "/prefix/bin/ibdash")
                == root.path + "/prefix/share/ibdash/themes")
        #expect(
            ThemeLibrary.shippedDirectory(executablePath: root.path + "/checkout/.build/debug/ibdash")
                == root.path + "/checkout/themes")
        #expect(ThemeLibrary.shippedDirectory(executablePath: root.path + "/elsewhere/bin/ibdash") == nil)
    }
}

@Suite struct ThemeSelectionTests {
    @Test func aThemeTheUserChoseAlwaysWins() {
        #expect(ThemeSelection.name(explicit: "gruvbox", configured: "light", environment: ["NO_COLOR": "1"], colorless: true, colorCount: 0) == "gruvbox")
        #expect(ThemeSelection.name(explicit: nil, configured: "light", environment: ["NO_COLOR": "1"], colorless: true, colorCount: 0) == "light")
        #expect(ThemeSelection.isChosen(explicit: nil, configured: "light"))
        #expect(!ThemeSelection.isChosen(explicit: nil, configured: nil))
    }

    @Test func noColorSetAndNotEmptyGivesMono() {
        #expect(ThemeSelection.name(explicit: nil, configured: nil, environment: ["NO_COLOR": "1"], colorCount: 256) == "mono")
        #expect(ThemeSelection.name(explicit: nil, configured: nil, environment: ["NO_COLOR": ""], colorCount: 256) == "default")
    }

    @Test func theNoColorFlagGivesMono() {
        #expect(ThemeSelection.name(explicit: nil, configured: nil, environment: [:], colorless: true, colorCount: nil) == "mono")
    }

    @Test func aTerminalWithFewerThanEightColoursGivesMono() {
        #expect(ThemeSelection.name(explicit: nil, configured: nil, environment: [:], colorCount: 0) == "mono")
        #expect(ThemeSelection.name(explicit: nil, configured: nil, environment: [:], colorCount: 2) == "mono")
        #expect(ThemeSelection.name(explicit: nil, configured: nil, environment: [:], colorCount: 8) == "default")
    }

    @Test func beforeTheScreenOpensTheColourCountIsLeftToIt() {
        #expect(ThemeSelection.name(explicit: nil, configured: nil, environment: [:], colorCount: nil) == "default")
    }
}

@Suite struct ThemeDocumentationTests {
    @Test func theThemesReadmeShowsTheSchemasTable() throws {
        let executable = try #require(ThemeLibrary.currentExecutablePath())
        let themes = try #require(ThemeLibrary.shippedDirectory(executablePath: executable))
        let readme = try String(contentsOfFile: themes + "/README.md", encoding: .utf8)
        let table = ThemeSchema.schema.markdown()
        #expect(readme.hasSuffix("\n" + table), "themes/README.md should end with:\n\(table)")
    }
}

extension Freshness.Level {
    static let allLevels: [Freshness.Level] = [.live, .aging, .missing, .stale, .error]
}
