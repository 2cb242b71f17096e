/// What a key does. The keymap binds keys to actions; the reducer carries them out.
public enum Action: String, Hashable, Sendable, CaseIterable {
    case quit, help
    case focusNext, focusPrevious
    case moveUp, moveDown, pageUp, pageDown, moveTop, moveBottom
    case drillIn, back
    /// `1`–`9`: account N of the account bar.
    case pickAccount
    /// `0`: all accounts.
    case pickAllAccounts
    case filter, sortColumn, sortDirection
    case refresh, history, toggleCurrency, togglePrivacy, nextTheme, repaint
    /// While a filter is typed.
    case keepFilter, clearFilter, deleteFilterCharacter
}
