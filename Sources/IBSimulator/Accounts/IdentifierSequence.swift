import Foundation

/// Hands out trade, execution, order and transaction ids, unique within one simulator.
struct IdentifierSequence: Sendable {
    private var next = 1

    mutating func take() -> Int {
        defer { next += 1 }
        return next
    }

    mutating func tradeID() -> String { String(480_000_000 + take()) }

    mutating func orderID() -> Int { 1_432_000_000 + take() }

    mutating func transactionID() -> String { String(2_900_000_000 + take()) }

    /// IBKR's `0000e0d5.68a41c2b.01.01` execution id shape.
    mutating func executionID(at time: Date) -> String {
        String(format: "0000%04x.%08x.01.01", UInt32(take() & 0xFFFF), UInt32(truncatingIfNeeded: Int(time.timeIntervalSince1970)))
    }
}
