import Portfolio

/// How tables of the all-accounts view tell accounts apart: one kind of name for every row, so that a column never
/// mixes `Jane Doe` with `U9210945`: the aliases, cut to a fixed width, when every account has one, else the ids.
struct AccountLabel {
    /// Aliases are cut to this width.
    static let aliasWidth = 10

    private let labels: [AccountID: String]

    init(state: DashboardState) {
        let aliases = state.accounts.map { account in
            let alias = account.account.displayName.sanitized
            return alias.isEmpty || alias == account.id.rawValue ? nil : TextWidth.truncate(alias, to: Self.aliasWidth)
        }
        let useAliases = aliases.allSatisfy { $0 != nil } && Set(aliases).count == aliases.count
        labels = Dictionary(
            zip(state.accounts, aliases).map { account, alias in
                (account.id, useAliases ? alias ?? "" : account.id.rawValue.sanitized)
            }, uniquingKeysWith: { first, _ in first })
    }

    func text(_ id: AccountID) -> String { labels[id] ?? id.rawValue.sanitized }

    /// The column width that shows every label whole: at least the heading, at most an alias's width.
    var width: Int {
        let widest = labels.values.map(TextWidth.of).max() ?? 0
        return min(max(widest, TextWidth.of(Column.account.heading)), max(Self.aliasWidth, 8))
    }

    /// The account column for a table of the all-accounts view; it matters as much as the price, so it stays on an
    /// 80-column screen.
    func spec() -> TableColumnSpec { TableColumnSpec(.account, width: width, priority: 2, alignment: .left) }
}
