import Foundation
import Portfolio

/// One row of `GET /portfolio/{accountId}/ledger`, under a currency code or `BASE`: amounts in that currency
/// (in the base currency for `BASE`).
public struct LedgerRow: Hashable, Sendable {
    /// A currency code or `BASE`.
    public var key: String
    /// The amounts; for the `BASE` row its currency is `BASE` until the account's base currency is known.
    public var entry: LedgerEntry
    /// Seconds epoch, unlike the summary's milliseconds.
    public var timestamp: Date?

    public var isBase: Bool { key.uppercased() == "BASE" }

    public init(key: String, _ object: WireObject) throws(WireError) {
        self.key = key
        entry = LedgerEntry(
            currency: Currency(key), cashBalance: try object.decimal("cashbalance"),
            settledCash: try object.decimal("settledcash"), netLiquidation: try object.decimal("netliquidationvalue"),
            stockMarketValue: try object.decimal("stockmarketvalue"),
            optionMarketValue: try object.decimal("stockoptionmarketvalue"),
            futureMarketValue: try object.decimal("futuremarketvalue"),
            unrealizedPnl: try object.decimal("unrealizedpnl"), realizedPnl: try object.decimal("realizedpnl"),
            interest: try object.decimal("interest"), dividends: try object.decimal("dividends"),
            exchangeRate: try object.decimal("exchangerate"))
        timestamp = try object.int("timestamp").map(EpochTime.seconds)
    }

    /// Every row, keyed by currency code or `BASE`, in key order.
    public static func decodeAll(_ value: JSONValue) throws(WireError) -> [LedgerRow] {
        let object = try WireObject(value, location: "")
        var rows: [LedgerRow] = []
        for (key, item) in object.fields.sorted(by: { $0.key < $1.key }) {
            let name = key.sanitized
            // Keys other than currency codes and BASE are not ledger rows and are ignored.
            guard name.uppercased() == "BASE" || (name.count == 3 && name.allSatisfy(\.isLetter)) else { continue }
            rows.append(try LedgerRow(key: name, WireObject(item, location: "currency \"\(name)\"")))
        }
        return rows
    }
}
