import Foundation

/// The net asset value of an account at the close of one report date, in its base currency.
public struct NAVPoint: Hashable, Sendable {
    /// The report date as a calendar day (midnight UTC of that day).
    public var date: Date
    public var total: Decimal
    public var cash: Decimal?

    public init(date: Date, total: Decimal, cash: Decimal? = nil) {
        self.date = date
        self.total = total
        self.cash = cash
    }
}
