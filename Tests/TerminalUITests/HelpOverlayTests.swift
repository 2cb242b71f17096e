import Testing

@testable import TerminalUI

@Suite struct HelpOverlayTests {
    init() { TestLocale.useUTF8() }

    @Test func helpListsEveryBindingOfTheKeymap() throws {
        let grid = DashboardRenderer.frame(
            SampleDashboard.state(), view: GoldenFrameTests.view(.help, size: TerminalSize(cols: 120, rows: 40)),
            theme: try ThemeFixtures.theme("default"))
        let screen = grid.lines.joined(separator: "\n")
        for binding in Keymap.standard.bindings {
            let line = grid.lines.first { $0.contains(binding.label + " ") && $0.contains(binding.summary) }
            #expect(line != nil, "help lacks \(binding.label): \(binding.summary)")
        }
        for context in KeyContext.allCases { #expect(screen.contains(context.title)) }
    }

    @Test func everyActionHasABindingAndEveryKeyOneMeaning() {
        let bindings = Keymap.standard.bindings
        for action in Action.allCases { #expect(bindings.contains { $0.action == action }, "\(action) has no key") }
        for context in KeyContext.allCases {
            let keys = bindings.filter { $0.context == context || (context == .lists && $0.context == .global) }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "a key is bound twice in \(context)")
        }
    }

    @Test func theMarkdownTableHasARowPerBinding() {
        let table = Keymap.standard.markdownTable.split(separator: "\n")
        #expect(table.count == Keymap.standard.bindings.count + 2)
        #expect(table.contains { $0.contains("`q`") && $0.contains("Quit") })
    }
}
