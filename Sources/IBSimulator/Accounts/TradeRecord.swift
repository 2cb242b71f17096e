import Foundation

/// One execution in an account's history, with what it realized: the source of `/iserver/account/trades` and,
/// later, of the Flex statement's trades.
struct TradeRecord: Sendable {
    let tradeID: String
    /// The statement row's id, from the same sequence as the cash entries'.
    let transactionID: String
    /// `0000e0d5.68a41c2b.01.01` style.
    let executionID: String
    let orderID: Int
    let account: String
    let conid: Int
    let time: Date
    /// Signed: positive buys, negative sells.
    let quantity: Decimal
    let price: Decimal
    /// Positive amount charged, in the instrument's currency.
    let commission: Decimal
    let currency: String
    /// quantity × price × multiplier, signed like quantity.
    let tradeMoney: Decimal
    /// Cash the fill moved, commission included (futures: commission and realized P&L only).
    let netCash: Decimal
    /// FIFO realized P&L of the part that closed lots, commission included; 0 for a pure opening fill.
    let realizedPnl: Decimal
    let exchange: String
    let orderRef: String
    /// The lots this fill closed, oldest first.
    let closedLots: [ClosedLot]
    /// The lot this fill opened with what was left after closing, if any.
    let openedLot: Lot?
}
