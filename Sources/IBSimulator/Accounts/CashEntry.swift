import Foundation

/// A cash movement that is not a trade: deposits, dividends, the tax withheld on them, and interest.
struct CashEntry: Sendable {
    enum Kind: String, Sendable {
        case deposit = "Deposits/Withdrawals"
        case dividend = "Dividends"
        case withholdingTax = "Withholding Tax"
        case interest = "Broker Interest Received"
    }

    let transactionID: String
    let account: String
    let date: Date
    let kind: Kind
    let currency: String
    /// Signed, in `currency`.
    let amount: Decimal
    let conid: Int?
    let description: String
}
