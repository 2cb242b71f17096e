import Foundation

/// A value IBKR stamps with the time it computed it: the stamp moves on every fetch while the values may stay.
public protocol TimeStamped: Equatable {
    var asOf: Date? { get set }
}

extension TimeStamped {
    /// True when `other` holds the same values, whenever each was computed.
    public func sameValues(as other: Self) -> Bool {
        var restamped = other
        restamped.asOf = asOf
        return restamped == self
    }
}

extension AccountSummary: TimeStamped {}
extension Ledger: TimeStamped {}
