/// Which currency amounts of positions are shown in: the instrument's own, or the account's base currency
/// (the consolidated currency when all accounts are shown).
public enum CurrencyMode: Hashable, Sendable {
    case native, base

    public var toggled: CurrencyMode { self == .native ? .base : .native }
}
