import Portfolio

/// How tables of the all-accounts view tell accounts apart: by alias when it is short, else by id, so that two rows
/// of the same symbol in two accounts never look the same.
struct AccountLabel {
    /// An alias wider than this gives way to the id.
    static let aliasWidth = 10

    private let labels: [AccountID: String]

    init(state: DashboardState) {
        labels = Dictionary(
            state.accounts.map { account in
                let alias = account.account.displayName.sanitized
                return (account.id, TextWidth.of(alias) <= Self.aliasWidth ? alias : account.id.rawValue.sanitized)
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
