import Foundation

/// A market-data snapshot of one contract, used for the day change of a position.
public struct MarketQuote: Hashable, Sendable {
    public var conid: Int
    public var last: Decimal?
    /// True when `last` is the prior close because nothing traded yet (IBKR's `C` prefix).
    public var lastIsPriorClose: Bool
    public var priorClose: Decimal?
    /// Change against the prior close, per unit.
    public var change: Decimal?
    /// Change against the prior close in percent (1.14 = +1.14 %).
    public var changePercent: Decimal?
    /// IBKR's availability code (`R` real time, `D` delayed, `Z` frozen, …), first character.
    public var availability: String?
    public var updated: Date?

    public init(
        conid: Int, last: Decimal? = nil, lastIsPriorClose: Bool = false, priorClose: Decimal? = nil,
        change: Decimal? = nil, changePercent: Decimal? = nil, availability: String? = nil, updated: Date? = nil
    ) {
        self.conid = conid
        self.last = last
        self.lastIsPriorClose = lastIsPriorClose
        self.priorClose = priorClose
        self.change = change
        self.changePercent = changePercent
        self.availability = availability
        self.updated = updated
    }
}
