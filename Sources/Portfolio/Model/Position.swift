import Foundation

/// A holding in one account, in the instrument's currency (`contract.currency`).
public struct Position: Hashable, Sendable, Identifiable {
    public var account: AccountID
    public var contract: Contract
    /// Signed quantity: negative is short.
    public var quantity: Decimal
    public var marketPrice: Decimal?
    /// quantity × price × multiplier, negative for shorts.
    public var marketValue: Decimal?
    /// Average cost per unit including the multiplier (IBKR's `avgCost`).
    public var averageCost: Decimal?
    /// Average price per unit without the multiplier (IBKR's `avgPrice`).
    public var averagePrice: Decimal?
    public var unrealizedPnl: Decimal?
    public var realizedPnl: Decimal?
    /// True when IBKR sent the row without its contract definition and the contract came from an earlier row.
    public var contractFromCache: Bool

    public var id: PositionID { PositionID(account: account, conid: contract.conid) }

    public init(
        account: AccountID, contract: Contract, quantity: Decimal, marketPrice: Decimal? = nil,
        marketValue: Decimal? = nil, averageCost: Decimal? = nil, averagePrice: Decimal? = nil,
        unrealizedPnl: Decimal? = nil, realizedPnl: Decimal? = nil, contractFromCache: Bool = false
    ) {
        self.account = account
        self.contract = contract
        self.quantity = quantity
        self.marketPrice = marketPrice
        self.marketValue = marketValue
        self.averageCost = averageCost
        self.averagePrice = averagePrice
        self.unrealizedPnl = unrealizedPnl
        self.realizedPnl = realizedPnl
        self.contractFromCache = contractFromCache
    }

    /// What the position's units are worth at `perUnit` each (a price, or a change of price), with the contract's
    /// multiplier.
    public func amount(perUnit: Decimal) -> Decimal {
        perUnit.multiplied(by: quantity).multiplied(by: contract.multiplier)
    }

    /// The market value IBKR reported, else price × quantity × multiplier; in the instrument's currency.
    public var nativeMarketValue: Decimal? { marketValue ?? marketPrice.map { amount(perUnit: $0) } }

    /// Unrealized P&L as a fraction of the cost basis (0.05 = 5 %); `nil` without a cost.
    public var unrealizedPnlFraction: Decimal? {
        guard let pnl = unrealizedPnl, let cost = averageCost, quantity != 0, cost != 0 else { return nil }
        return pnl.divided(by: quantity.multiplied(by: cost).magnitude)
    }
}

public struct PositionID: Hashable, Sendable {
    public var account: AccountID
    public var conid: Int

    public init(account: AccountID, conid: Int) {
        self.account = account
        self.conid = conid
    }
}
