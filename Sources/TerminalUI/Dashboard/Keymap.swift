/// The one table of keys: the reducer looks actions up in it, the help overlay is generated from it, and the
/// README's keys table is checked against it.
public struct Keymap: Hashable, Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    /// The action of `key` in `context`; global bindings apply outside filtering only.
    public func action(for key: Key, filtering: Bool) -> Action? {
        let context: Set<KeyContext> = filtering ? [.filtering] : [.global, .lists]
        return bindings.first { context.contains($0.context) && $0.keys.contains(key) }?.action
    }

    public func bindings(in context: KeyContext) -> [KeyBinding] { bindings.filter { $0.context == context } }

    /// The keys as a Markdown table, for the README.
    public var markdownTable: String {
        var lines = ["| Keys | Action | Where |", "| --- | --- | --- |"]
        for binding in bindings {
            let label = binding.label.replacingOccurrences(of: "|", with: "\\|")
            lines.append("| `\(label)` | \(binding.summary) | \(binding.context.title) |")
        }
        return lines.joined(separator: "\n")
    }

    /// Summaries stay short enough for the help overlay's two columns on an 80-column screen.
    public static let standard = Keymap(bindings: [
        KeyBinding([.character("q")], label: "q", action: .quit, summary: "Quit", context: .global),
        KeyBinding([.character("?")], label: "?", action: .help, summary: "Show or hide this help", context: .global),
        KeyBinding([.tab], label: "Tab", action: .focusNext, summary: "Focus the next pane", context: .global),
        KeyBinding(
            [.backTab], label: "Shift-Tab", action: .focusPrevious, summary: "Focus the previous pane",
            context: .global),
        KeyBinding(
            [.character("k"), .up, .left], label: "k ↑", action: .moveUp, summary: "Up; left in the account bar",
            context: .lists),
        KeyBinding(
            [.character("j"), .down, .right], label: "j ↓", action: .moveDown,
            summary: "Down; right in the account bar", context: .lists),
        KeyBinding([.pageUp], label: "PgUp", action: .pageUp, summary: "Up one page", context: .lists),
        KeyBinding([.pageDown], label: "PgDn", action: .pageDown, summary: "Down one page", context: .lists),
        KeyBinding([.character("g"), .home], label: "g Home", action: .moveTop, summary: "First row", context: .lists),
        KeyBinding([.character("G"), .end], label: "G End", action: .moveBottom, summary: "Last row", context: .lists),
        KeyBinding(
            [.enter], label: "Enter", action: .drillIn, summary: "Open the account or position",
            context: .lists),
        KeyBinding([.escape], label: "Esc", action: .back, summary: "Go back; close help", context: .global),
        KeyBinding(
            (1...9).map { .character(Character(String($0))) }, label: "1–9", action: .pickAccount,
            summary: "Show account N of the bar", context: .global),
        KeyBinding(
            [.character("0")], label: "0", action: .pickAllAccounts, summary: "Show all accounts", context: .global),
        KeyBinding(
            [.character("/")], label: "/", action: .filter, summary: "Filter the list as you type",
            context: .lists),
        KeyBinding(
            [.character("s")], label: "s", action: .sortColumn, summary: "Sort by the next column",
            context: .lists),
        KeyBinding(
            [.character("S")], label: "S", action: .sortDirection, summary: "Reverse the sort direction",
            context: .lists),
        KeyBinding(
            [.character("r")], label: "r", action: .refresh,
            summary: "Refresh now (history: Flex)", context: .global),
        KeyBinding(
            [.character("H")], label: "H", action: .history,
            summary: "History: NAV, trades, cash", context: .global),
        KeyBinding(
            [.character("c")], label: "c", action: .toggleCurrency, summary: "Native or base currency",
            context: .global),
        KeyBinding(
            [.character("p")], label: "p", action: .togglePrivacy, summary: "Privacy: mask every amount",
            context: .global),
        KeyBinding([.character("t")], label: "t", action: .nextTheme, summary: "Next theme", context: .global),
        KeyBinding([.control("l")], label: "Ctrl-L", action: .repaint, summary: "Repaint the screen", context: .global),
        KeyBinding([.enter], label: "Enter", action: .keepFilter, summary: "Keep the filter", context: .filtering),
        KeyBinding([.escape], label: "Esc", action: .clearFilter, summary: "Clear the filter", context: .filtering),
        KeyBinding(
            [.backspace, .delete], label: "Backspace", action: .deleteFilterCharacter,
            summary: "Delete the last character", context: .filtering),
    ])
}
