import Foundation

/// A statement asked for with SendRequest, fetched with its reference code by the same token.
struct FlexReference: Sendable {
    let token: String
    let query: FlexQuery
    let createdAt: Date
    /// The accounts as they were when it was asked for.
    let ledger: FlexLedger
    let period: StatementPeriod
    /// Rendered at the first fetch once ready, then served again as it is.
    var statement: String?
}
