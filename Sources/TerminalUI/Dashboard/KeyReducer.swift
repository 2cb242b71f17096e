import Portfolio

/// Keys as a pure function: (view state, key, dashboard state) → (view state, effects). Tested without a terminal.
public enum KeyReducer {
    public static func reduce(
        _ view: inout ViewState, key: Key, state: DashboardState, keymap: Keymap = .standard
    ) -> [Effect] {
        if let pane = view.editingFilter {
            return editFilter(&view, pane: pane, key: key, keymap: keymap)
        }
        guard let action = keymap.action(for: key, filtering: false) else { return [] }
        if view.showHelp {
            // Help stays until it is closed; other keys would change what is behind it unseen.
            switch action {
            case .quit: return [.quit]
            case .help, .back: view.showHelp = false
            default: break
            }
            return []
        }
        return perform(action, key: key, on: &view, state: state)
    }

    private static func perform(_ action: Action, key: Key, on view: inout ViewState, state: DashboardState) -> [Effect] {
        switch action {
        case .quit: return [.quit]
        case .help: view.showHelp = true
        case .focusNext: cycleFocus(&view, by: 1)
        case .focusPrevious: cycleFocus(&view, by: -1)
        case .moveUp: move(&view, state: state, by: .step(-1))
        case .moveDown: move(&view, state: state, by: .step(1))
        case .pageUp: move(&view, state: state, by: .page(-1))
        case .pageDown: move(&view, state: state, by: .page(1))
        case .moveTop: move(&view, state: state, by: .top)
        case .moveBottom: move(&view, state: state, by: .bottom)
        case .drillIn: drillIn(&view, state: state)
        case .back: goBack(&view)
        case .pickAccount:
            guard case .character(let digit) = key, let number = digit.wholeNumberValue,
                state.accounts.indices.contains(number - 1)
            else { return [] }
            pick(state.accounts[number - 1].id, in: &view)
        case .pickAllAccounts: pick(nil, in: &view)
        case .filter:
            guard view.screen == .main, view.focus.isList else { return [] }
            view.editingFilter = view.focus
            view.filters[view.focus] = ""
        case .sortColumn: cycleSort(&view)
        case .sortDirection:
            guard view.screen == .main, view.focus.isList else { return [] }
            view.sorts[view.focus, default: .natural].descending.toggle()
        case .refresh: return [view.screen == .history ? .refreshHistory : .refresh(view.selectedAccount)]
        case .history:
            if view.screen != .history {
                view.screens.append(.history)
                view.detailScroll = 0
            }
        case .toggleCurrency: view.currency = view.currency.toggled
        case .togglePrivacy: view.privacy.toggle()
        case .nextTheme:
            guard !view.themeNames.isEmpty else { return [] }
            view.themeIndex = (view.themeIndex + 1) % view.themeNames.count
            return [.useTheme(view.themeNames[view.themeIndex])]
        case .repaint: return [.repaint]
        case .keepFilter, .clearFilter, .deleteFilterCharacter: break
        }
        return []
    }

    private static func editFilter(_ view: inout ViewState, pane: PaneID, key: Key, keymap: Keymap) -> [Effect] {
        switch keymap.action(for: key, filtering: true) {
        case .keepFilter:
            view.editingFilter = nil
        case .clearFilter:
            view.editingFilter = nil
            view.filters[pane] = nil
        case .deleteFilterCharacter:
            if var text = view.filters[pane], !text.isEmpty {
                text.removeLast()
                view.filters[pane] = text
            }
        default:
            guard case .character(let character) = key else { return [] }
            view.filters[pane, default: ""].append(contentsOf: String(character).sanitized)
        }
        view.cursors[pane] = ListCursor()
        return []
    }

    private static func cycleFocus(_ view: inout ViewState, by step: Int) {
        guard view.screen == .main else { return }
        let panes = ScreenLayout(size: view.size).focusable
        guard !panes.isEmpty else { return }
        let current = panes.firstIndex(of: view.focus) ?? 0
        view.focus = panes[(current + step + panes.count) % panes.count]
    }

    private enum Movement {
        case step(Int), page(Int), top, bottom
    }

    private static func move(_ view: inout ViewState, state: DashboardState, by movement: Movement) {
        let layout = ScreenLayout(size: view.size, alerts: state.alerts.count)
        guard view.screen == .main else {
            let count = DetailPage(screen: view.screen, state: state, view: view).lines(width: layout.body.width).count
            let page = layout.detailRows
            let last = max(0, count - page)
            view.detailScroll = min(last, max(0, target(view.detailScroll, movement, page: page, last: last)))
            return
        }
        let pane = layout.panes[view.focus] == nil && view.focus != .accounts ? PaneID.positions : view.focus
        let keys = DashboardModel(state: state, view: view).keys(of: pane, state: state)
        guard !keys.isEmpty else { return }
        var cursor = view.cursor(pane)
        if pane == .accounts {
            cursor.index = view.selectedAccount.flatMap { id in state.accounts.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0
        } else {
            cursor.index = cursor.resolvedIndex(in: keys)
        }
        let page = max(1, layout.listRows(pane))
        cursor.index = min(keys.count - 1, max(0, target(cursor.index, movement, page: page, last: keys.count - 1)))
        cursor.key = keys[cursor.index]
        cursor.top = cursor.visibleTop(selected: cursor.index, count: keys.count, height: page)
        view.cursors[pane] = cursor
        if pane == .accounts {
            view.selectedAccount = cursor.index == 0 ? nil : state.accounts[cursor.index - 1].id
            resetLists(&view)
        }
    }

    private static func target(_ current: Int, _ movement: Movement, page: Int, last: Int) -> Int {
        switch movement {
        case .step(let step): current + step
        case .page(let pages): current + pages * page
        case .top: 0
        case .bottom: last
        }
    }

    private static func drillIn(_ view: inout ViewState, state: DashboardState) {
        guard view.screen == .main else { return }
        let model = DashboardModel(state: state, view: view)
        switch view.focus {
        case .accounts:
            guard let id = view.selectedAccount else { return }
            push(.account(id), on: &view)
        case .positions:
            let index = view.cursor(.positions).resolvedIndex(in: model.positions.keys)
            guard model.positions.indices.contains(index) else { return }
            push(.position(model.positions.position(at: index).id), on: &view)
        case .orders:
            let keys = model.keys(of: .orders, state: state)
            let index = view.cursor(.orders).resolvedIndex(in: keys)
            guard model.orders.indices.contains(index) else { return }
            let order = model.orders[index]
            push(.position(PositionID(account: order.account, conid: order.conid)), on: &view)
        case .pnl, .alerts:
            return
        }
    }

    private static func push(_ screen: Screen, on view: inout ViewState) {
        view.screens.append(screen)
        view.detailScroll = 0
    }

    private static func goBack(_ view: inout ViewState) {
        if view.screens.count > 1 {
            view.screens.removeLast()
            view.detailScroll = 0
        } else if view.focus.isList, view.filters[view.focus] != nil {
            view.filters[view.focus] = nil
        }
    }

    private static func pick(_ account: AccountID?, in view: inout ViewState) {
        view.selectedAccount = account
        if view.screen != .history { view.screens = [.main] }
        view.detailScroll = 0
        resetLists(&view)
    }

    /// Another account's lists start at their top.
    private static func resetLists(_ view: inout ViewState) {
        for pane in PaneID.allCases where pane.isList { view.cursors[pane] = nil }
    }

    private static func cycleSort(_ view: inout ViewState) {
        guard view.screen == .main else { return }
        let columns = DashboardModel.sortableColumns(of: view.focus)
        guard !columns.isEmpty else { return }
        var order = view.sort(view.focus)
        // Natural order, then each column in turn, then natural again.
        let next = order.column.flatMap { columns.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        order.column = next < columns.count ? columns[next] : nil
        view.sorts[view.focus] = order
    }
}
