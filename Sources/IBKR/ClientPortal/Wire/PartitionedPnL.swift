import Portfolio

/// `GET /iserver/account/pnl/partitioned`: rows keyed `U1234567.Core` (models add other keys).
/// The first call of a session answers `{"upnl":{}}`: `isPreflight` tells.
public struct PartitionedPnL: Hashable, Sendable {
    public var rows: [String: PnLRow]

    public var isPreflight: Bool { rows.isEmpty }

    /// The account's own row: `<id>.Core`, else a row keyed by the bare id (IBKR's older shape).
    public func row(for account: AccountID) -> PnLRow? {
        rows["\(account.rawValue).Core"] ?? rows[account.rawValue]
    }

    public static func decode(_ value: JSONValue) throws(WireError) -> PartitionedPnL {
        let object = try WireObject(value, location: "")
        // Early clients saw the rows at the top level, without the `upnl` wrapper.
        let table = try object.object("upnl") ?? object
        var rows: [String: PnLRow] = [:]
        for (key, item) in table.fields {
            guard case .object = item else { continue }
            let name = key.sanitized
            rows[name] = try PnLRow(WireObject(item, location: "row \"\(name)\""))
        }
        return PartitionedPnL(rows: rows)
    }
}
