import Foundation
import Portfolio

/// A holding, in the instrument's currency unless said otherwise.
public struct SnapshotPosition: Codable, Hashable, Sendable {
    public var conid: Int
    @Sanitized public var symbol: String
    @Sanitized public var description: String
    /// IBKR's code: `STK`, `OPT`, `FUT`, …
    @Sanitized public var assetClass: String
    @Sanitized public var currency: String
    /// Negative is short.
    @DecimalText public var quantity: Decimal?
    @DecimalText public var marketPrice: Decimal?
    @DecimalText public var marketValue: Decimal?
    /// Per unit, including the multiplier.
    @DecimalText public var averageCost: Decimal?
    @DecimalText public var unrealizedPnl: Decimal?
    /// Share of the account's net liquidation in percent (12.5 = 12.5 %), in the base currency.
    @DecimalText public var weightPercent: Decimal?

    public init(_ valued: ValuedPosition) {
        let position = valued.position
        conid = position.contract.conid
        symbol = position.contract.symbol
        description = position.contract.description
        assetClass = position.contract.assetClass.code
        currency = position.contract.currency.code
        quantity = position.quantity
        marketPrice = position.marketPrice
        marketValue = valued.marketValue?.amount
        averageCost = position.averageCost
        unrealizedPnl = position.unrealizedPnl
        weightPercent = valued.weightPercent
    }
}
