import Foundation

/// What every cached dataset has, whatever its value: lets the engine treat an account's datasets alike.
protocol CacheSlot: Sendable {
    var fetchedAt: Date? { get }
    var lastError: SourceError? { get }
    var lastErrorAt: Date? { get }
    var cadence: Duration { get set }
    mutating func fail(_ error: SourceError, at time: Date)
}

extension CacheSlot {
    /// The last try failed after the value shown was fetched (or there is none).
    var lastTryFailed: Bool {
        guard let lastErrorAt else { return false }
        return fetchedAt.map { lastErrorAt > $0 } ?? true
    }
}

extension Cached: CacheSlot {}

extension AccountState {
    /// The cached dataset, `nil` for the Flex history, which is kept for all accounts together.
    func slot(_ dataset: Dataset) -> (any CacheSlot)? {
        switch dataset {
        case .summary: summary
        case .ledger: ledger
        case .positions: positions
        case .pnl: pnl
        case .orders: orders
        case .trades: executions
        case .quotes: quotes
        case .history: nil
        }
    }

    mutating func updateSlot(_ dataset: Dataset, _ change: (inout any CacheSlot) -> Void) {
        switch dataset {
        case .summary: summary = Self.updated(summary, change)
        case .ledger: ledger = Self.updated(ledger, change)
        case .positions: positions = Self.updated(positions, change)
        case .pnl: pnl = Self.updated(pnl, change)
        case .orders: orders = Self.updated(orders, change)
        case .trades: executions = Self.updated(executions, change)
        case .quotes: quotes = Self.updated(quotes, change)
        case .history: break
        }
    }

    func lastTryFailed(_ dataset: Dataset) -> Bool { slot(dataset)?.lastTryFailed ?? false }

    private static func updated<Value>(_ cached: Cached<Value>, _ change: (inout any CacheSlot) -> Void) -> Cached<Value> {
        var slot: any CacheSlot = cached
        change(&slot)
        // The closure can only change the slot in place, so it is still the same `Cached<Value>`.
        return slot as? Cached<Value> ?? cached
    }
}
