import Foundation

/// A position with what it is worth in its own currency and in the account's base currency, its share of the
/// account's net liquidation, and its change since the prior close. A value that cannot be known is `nil`.
public struct ValuedPosition: Hashable, Sendable, Identifiable {
    public var position: Position
    /// In the instrument's currency.
    public var marketValue: Money?
    /// In the account's base currency, at the ledger's rate.
    public var baseMarketValue: Money?
    /// Share of the account's net liquidation in percent (12.5 = 12.5 %); negative for shorts.
    public var weightPercent: Decimal?
    /// Change since the prior close, in the instrument's currency.
    public var dayChange: Money?
    public var baseDayChange: Money?
    /// Change of the price since the prior close, in percent.
    public var dayChangePercent: Decimal?
    public var quote: MarketQuote?

    public var id: PositionID { position.id }

    /// - Parameters:
    ///   - rates: the account ledger's rates into its base currency (at least the base currency itself).
    ///   - netLiquidation: the account's net liquidation in `rates.base`.
    public init(position: Position, rates: FXRates, netLiquidation: Decimal?, quote: MarketQuote?) {
        self.position = position
        self.quote = quote
        let contract = position.contract
        marketValue = position.nativeMarketValue.map { Money($0, contract.currency) }
        baseMarketValue = marketValue.flatMap(rates.toBase)
        if let base = baseMarketValue?.amount, let netLiquidation, netLiquidation != 0 {
            weightPercent = base.divided(by: netLiquidation).movingPoint(by: 2)
        }
        let perUnit = quote.flatMap(Self.changePerUnit)
        dayChange = perUnit.map { Money(position.amount(perUnit: $0), contract.currency) }
        baseDayChange = dayChange.flatMap(rates.toBase)
        dayChangePercent = quote?.changePercent ?? quote.flatMap { quote in
            guard let perUnit, let close = quote.priorClose, close != 0 else { return nil }
            return perUnit.divided(by: close).movingPoint(by: 2)
        }
    }

    private static func changePerUnit(_ quote: MarketQuote) -> Decimal? {
        if let change = quote.change { return change }
        // A `last` that is really the prior close says nothing about today.
        guard !quote.lastIsPriorClose, let last = quote.last, let close = quote.priorClose else { return nil }
        return last.subtracting(close)
    }
}
