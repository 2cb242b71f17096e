import Foundation

/// Which contracts a fetch changed, against the fetch before it: a screen that drew the data fetched at `since`
/// has only these to look at again in the data fetched at `until`. The engine compares once per fetch, so a frame never compares a thousand
/// positions to find the one whose price moved.
///
/// Anything else (no earlier fetch, contracts added, removed or in another order) is `everything`: a screen must
/// look at all of it.
public struct ContractChanges: Sendable, Equatable {
    /// When the data these changes lead from, and to, was fetched; nil for `everything`.
    public var since: Date?
    public var until: Date?
    /// The contracts whose values changed.
    public var conids: Set<Int>

    public static let everything = ContractChanges(since: nil, until: nil, conids: [])

    public init(since: Date?, until: Date?, conids: Set<Int>) {
        self.since = since
        self.until = until
        self.conids = conids
    }

    /// True when the later fetch held the same contracts with the same values.
    public var changeNothing: Bool { since != nil && conids.isEmpty }

    /// True when these are the changes from the data fetched at `drawn` to the data fetched at `now`.
    public func lead(from drawn: Date?, to now: Date?) -> Bool {
        since != nil && since == drawn && until == now
    }

    /// From the positions fetched at `time` to `new`, fetched at `now`: the same contracts in the same order,
    /// compared value by value.
    public static func between(
        _ old: [Position]?, fetchedAt time: Date?, and new: [Position], fetchedAt now: Date
    ) -> ContractChanges {
        guard let old, let time, old.count == new.count else { return .everything }
        var conids = Set<Int>()
        for index in new.indices {
            let conid = new[index].contract.conid
            guard old[index].contract.conid == conid else { return .everything }
            if old[index] != new[index] { conids.insert(conid) }
        }
        return ContractChanges(since: time, until: now, conids: conids)
    }

    /// From the quotes fetched at `time` to `new`, fetched at `now`: the same contracts, compared value by value.
    public static func between(
        _ old: [Int: MarketQuote]?, fetchedAt time: Date?, and new: [Int: MarketQuote], fetchedAt now: Date
    ) -> ContractChanges {
        guard let old, let time, old.count == new.count else { return .everything }
        var conids = Set<Int>()
        for (conid, quote) in new {
            guard let before = old[conid] else { return .everything }
            if before != quote { conids.insert(conid) }
        }
        return ContractChanges(since: time, until: now, conids: conids)
    }
}
