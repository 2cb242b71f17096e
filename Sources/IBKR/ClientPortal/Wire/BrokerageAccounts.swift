import Portfolio

/// `GET /iserver/accounts`: the accounts the brokerage session can trade, and which one is selected.
public struct BrokerageAccounts: Hashable, Sendable {
    public var accounts: [AccountID]
    public var aliases: [AccountID: String]
    /// The account orders, trades and P&L refer to.
    public var selectedAccount: AccountID?
    public var isPaper: Bool?

    public init(accounts: [AccountID], aliases: [AccountID: String] = [:], selectedAccount: AccountID?, isPaper: Bool? = nil) {
        self.accounts = accounts
        self.aliases = aliases
        self.selectedAccount = selectedAccount
        self.isPaper = isPaper
    }

    /// An empty answer (`{}`, seen with a competing session) means the brokerage session is not usable.
    public var isUsable: Bool { !accounts.isEmpty }

    public static func decode(_ value: JSONValue) throws(WireError) -> BrokerageAccounts {
        let object = try WireObject(value, location: "")
        var accounts: [AccountID] = []
        for (index, item) in (try object.array("accounts") ?? []).enumerated() {
            guard case .string(let id) = item else {
                throw .unexpected(item, expected: "an account id", location: "accounts", field: "\(index)")
            }
            accounts.append(AccountID(id.sanitized))
        }
        var aliases: [AccountID: String] = [:]
        if let table = try object.object("aliases") {
            for key in table.fields.keys {
                if let alias = try table.string(key) { aliases[AccountID(key.sanitized)] = alias }
            }
        }
        return BrokerageAccounts(
            accounts: accounts, aliases: aliases, selectedAccount: try object.string("selectedAccount").map { AccountID($0) },
            isPaper: try object.bool("isPaper"))
    }
}
