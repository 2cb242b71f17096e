import Portfolio

/// `==` for the inputs of a position row, field by field with the bits compared first (`isSame`): a fetch of a
/// thousand positions where one price moved compares a thousand positions, and the synthesized `==` spends most
/// of that in `Decimal`'s. Every stored field is listed; `SameValuesTests` fails when one is added and not here.
extension Position {
    func hasSameValues(as other: Position) -> Bool {
        contract.conid == other.contract.conid && isSame(quantity, other.quantity)
            && isSame(marketPrice, other.marketPrice) && isSame(marketValue, other.marketValue)
            && isSame(unrealizedPnl, other.unrealizedPnl) && isSame(averageCost, other.averageCost)
            && isSame(averagePrice, other.averagePrice) && isSame(realizedPnl, other.realizedPnl)
            && account == other.account && contractFromCache == other.contractFromCache
            && contract.hasSameValues(as: other.contract)
    }
}

extension Contract {
    func hasSameValues(as other: Contract) -> Bool {
        conid == other.conid && symbol == other.symbol && description == other.description && name == other.name
            && assetClass == other.assetClass && currency == other.currency && isSame(multiplier, other.multiplier)
            && expiry == other.expiry && isSame(strike, other.strike) && right == other.right
            && listingExchange == other.listingExchange && underlyingSymbol == other.underlyingSymbol
            && sector == other.sector
    }
}

extension MarketQuote {
    static func haveSameValues(_ lhs: MarketQuote?, _ rhs: MarketQuote?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): true
        case (let lhs?, let rhs?):
            lhs.conid == rhs.conid && isSame(lhs.last, rhs.last) && lhs.lastIsPriorClose == rhs.lastIsPriorClose
                && isSame(lhs.priorClose, rhs.priorClose) && isSame(lhs.change, rhs.change)
                && isSame(lhs.changePercent, rhs.changePercent) && lhs.availability == rhs.availability
                && lhs.updated == rhs.updated
        default: false
        }
    }
}
