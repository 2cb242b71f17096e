import Portfolio

/// `POST /iserver/account`: whether the gateway switched the selected account.
public struct AccountSelection: Hashable, Sendable {
    public var set: Bool
    public var account: AccountID?

    public static func decode(_ value: JSONValue) throws(WireError) -> AccountSelection {
        let object = try WireObject(value, location: "")
        return AccountSelection(
            set: try object.bool("set") ?? false, account: try object.string("acctId").map { AccountID($0) })
    }
}
