/// One IBKR account as the account bar shows it.
public struct Account: Hashable, Sendable, Identifiable {
    public var id: AccountID
    /// The user's alias, or the holder's name when there is no alias; never empty.
    public var displayName: String
    public var baseCurrency: Currency
    /// IBKR's account type, e.g. `INDIVIDUAL`, `JOINT`, `DEMO`.
    public var type: String
    public var isPaper: Bool

    public init(id: AccountID, displayName: String, baseCurrency: Currency, type: String, isPaper: Bool) {
        self.id = id
        self.displayName = displayName.isEmpty ? id.rawValue : displayName
        self.baseCurrency = baseCurrency
        self.type = type
        self.isPaper = isPaper
    }
}
