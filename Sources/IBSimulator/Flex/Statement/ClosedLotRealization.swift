import Foundation

/// One lot a closing fill closed, with its share of the fill's commission and what it realized: the statement's
/// `CLOSED_LOT` rows and the FIFO summary's split by holding period. The shares add up to the fill's realized P&L
/// to the cent.
struct ClosedLotRealization: Sendable {
    let lot: ClosedLot
    /// The lot's quantity at the fill's price, multiplier included: positive when a long lot was sold.
    let proceeds: Decimal
    /// Charged, positive.
    let commission: Decimal

    var realized: Decimal { proceeds - commission - lot.basis }

    /// The lots of `trade`, each with a share of the commission that closing charged, in proportion to its
    /// quantity and the rest to the last.
    static func split(_ trade: TradeRecord, multiplier: Decimal) -> [ClosedLotRealization] {
        let proceeds = trade.closedLots.map { $0.quantity * trade.price * multiplier }
        let gross = zip(trade.closedLots, proceeds).reduce(Decimal(0)) { $0 + $1.1 - $1.0.basis }
        // The account booked the realized P&L net of the closing part of the commission.
        let closingCommission = gross - trade.realizedPnl
        let closedQuantity = trade.closedLots.reduce(Decimal(0)) { $0 + abs($1.quantity) }
        var left = closingCommission
        var result: [ClosedLotRealization] = []
        for (index, lot) in trade.closedLots.enumerated() {
            let isLast = index == trade.closedLots.count - 1
            let share =
                isLast || closedQuantity == 0 ? left : (closingCommission * abs(lot.quantity) / closedQuantity).rounded(2)
            left -= share
            result.append(ClosedLotRealization(lot: lot, proceeds: proceeds[index], commission: share))
        }
        return result
    }
}
