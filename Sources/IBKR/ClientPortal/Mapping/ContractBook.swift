import Foundation
import Portfolio

/// The last full contract definition seen for each conid, so that a position row IBKR sends without one
/// ("no secdef") keeps its symbol, multiplier and expiry instead of blanking those columns.
public struct ContractBook: Sendable {
    private var contracts: [Int: Contract] = [:]

    public init() {}

    public subscript(conid: Int) -> Contract? { contracts[conid] }

    /// The position of a row, with its contract from the row or, for a partial row, merged with the last
    /// full definition of the same conid.
    public mutating func position(_ row: PositionRow, account: AccountID) throws(WireError) -> Position {
        let contract: Contract
        var fromCache = false
        if row.hasContractDefinition {
            contract = try Self.contract(row)
            contracts[row.conid] = contract
        } else if var known = contracts[row.conid] {
            // The row's own values are newer where it has them; the definition fills the rest.
            if let description = row.contractDescription { known.description = description }
            if let currency = row.currency { known.currency = Currency(currency) }
            if let assetClass = row.assetClass { known.assetClass = AssetClass(code: assetClass) }
            contract = known
            fromCache = true
        } else {
            contract = try Self.contract(row)
        }
        return Position(
            account: account, contract: contract, quantity: row.quantity, marketPrice: row.marketPrice,
            marketValue: row.marketValue, averageCost: row.averageCost, averagePrice: row.averagePrice,
            unrealizedPnl: row.unrealizedPnl, realizedPnl: row.realizedPnl, contractFromCache: fromCache)
    }

    private static func contract(_ row: PositionRow) throws(WireError) -> Contract {
        guard let currency = row.currency else {
            throw WireError(location: row.location, field: "currency", problem: "missing")
        }
        let multiplier = row.multiplier.flatMap { $0 == 0 ? nil : $0 } ?? 1
        let strike = row.strike.flatMap { $0 > 0 ? $0 : nil }
        return Contract(
            conid: row.conid, symbol: row.ticker ?? row.contractDescription ?? String(row.conid),
            description: row.contractDescription ?? "", name: row.name ?? "",
            assetClass: AssetClass(code: row.assetClass ?? ""), currency: Currency(currency), multiplier: multiplier,
            expiry: row.expiry, strike: strike, right: row.putOrCall.flatMap { OptionRight(wire: $0) },
            listingExchange: row.listingExchange, underlyingSymbol: row.underlyingSymbol, sector: row.sector)
    }
}

extension OptionRight {
    /// `C`, `P`, `CALL` or `PUT`.
    init?(wire: String) {
        switch wire.uppercased() {
        case "C", "CALL": self = .call
        case "P", "PUT": self = .put
        default: return nil
        }
    }
}
