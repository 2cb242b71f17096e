import Portfolio

/// Everything about the screen that is the user's and not the data's: what is shown, where the selection is,
/// filters, sorting, currency, privacy, theme. Layout is a pure function of it and the terminal's size.
public struct ViewState: Hashable, Sendable {
    public var size: TerminalSize
    /// The screens drilled into, `.main` first; the last is shown and Esc goes back one.
    public var screens: [Screen] = [.main]
    public var focus: PaneID = .positions
    /// The account whose data is shown; `nil` for all accounts.
    public var selectedAccount: AccountID?
    public var cursors: [PaneID: ListCursor] = [:]
    /// The first line shown of a detail screen.
    public var detailScroll = 0
    public var filters: [PaneID: String] = [:]
    /// The list whose filter is being typed; keys go to it until Enter or Esc.
    public var editingFilter: PaneID?
    public var sorts: [PaneID: SortOrder] = [.positions: SortOrder(column: .marketValue, descending: true)]
    public var currency: CurrencyMode = .native
    /// Amounts masked, for sharing the screen.
    public var privacy = false
    public var showHelp = false
    /// The themes `t` cycles through, and the one in use.
    public var themeNames: [String]
    public var themeIndex: Int

    public init(size: TerminalSize, themeNames: [String] = [], theme: String? = nil) {
        self.size = size
        self.themeNames = themeNames
        themeIndex = theme.flatMap { themeNames.firstIndex(of: $0) } ?? 0
    }

    public var screen: Screen { screens.last ?? .main }

    public func cursor(_ pane: PaneID) -> ListCursor { cursors[pane] ?? ListCursor() }

    public func filter(_ pane: PaneID) -> String { filters[pane] ?? "" }

    public func sort(_ pane: PaneID) -> SortOrder { sorts[pane] ?? .natural }

    public var themeName: String? { themeNames.indices.contains(themeIndex) ? themeNames[themeIndex] : nil }
}
