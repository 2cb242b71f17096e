import Foundation
import Portfolio

/// One row of the positions table: a valued position with its amounts in the currency the view asks for.
public struct PositionLine: Hashable, Sendable {
    public var valued: ValuedPosition
    public var marketValue: Money?
    public var unrealized: Money?
    public var dayChange: Money?
    /// Percent of the net liquidation shown (the account's, or all accounts' together).
    public var weightPercent: Decimal?

    /// Identifies the row across frames: the selection stays on it when the list re-sorts.
    public let key: String

    public var position: Position { valued.position }

    /// For all accounts together: the rate from the account's base currency into the consolidated one, and the
    /// consolidated net liquidation.
    public struct Consolidation: Hashable, Sendable {
        public var rate: CurrencyConverter.Rate?
        public var currency: Currency
        public var netLiquidation: Decimal?
    }

    static func key(of position: Position) -> String { key(account: position.account, conid: position.contract.conid) }

    static func key(account: AccountID, conid: Int) -> String { "\(account.rawValue)/\(conid)" }

    /// - Parameters:
    ///   - consolidation: `nil` when one account is shown.
    ///   - key: `key(of:)` of the position, when already made.
    init(valued: ValuedPosition, rates: FXRates, mode: CurrencyMode, consolidation: Consolidation?, key: String? = nil) {
        self.valued = valued
        let position = valued.position
        self.key = key ?? Self.key(of: position)
        let native = position.unrealizedPnl.map { Money($0, position.contract.currency) }
        switch mode {
        case .native:
            marketValue = valued.marketValue
            unrealized = native
            dayChange = valued.dayChange
        case .base:
            marketValue = valued.baseMarketValue
            unrealized = native.flatMap(rates.toBase)
            dayChange = valued.baseDayChange
        }
        weightPercent = valued.weightPercent
        guard let consolidation else { return }
        let convert: (Money?) -> Money? = { money in
            guard let money, let rate = consolidation.rate else { return nil }
            return Money(rate.convert(money.amount), consolidation.currency)
        }
        if mode == .base {
            marketValue = convert(marketValue)
            unrealized = convert(unrealized)
            dayChange = convert(dayChange)
        }
        weightPercent = nil
        if let base = convert(valued.baseMarketValue), let total = consolidation.netLiquidation, total != 0 {
            weightPercent = base.amount.divided(by: total).movingPoint(by: 2)
        }
    }
}
