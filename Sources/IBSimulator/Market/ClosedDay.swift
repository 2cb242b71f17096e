import Foundation

/// A trading day the running simulator closed, with every instrument's close: the days after the price history
/// that Flex statements report.
struct ClosedDay: Sendable {
    /// New York midnight.
    let day: Date
    let closes: [Int: Decimal]
}
