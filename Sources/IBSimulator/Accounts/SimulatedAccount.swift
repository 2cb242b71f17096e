import Foundation

/// One simulated IBKR account: cash by currency, open lots, and the history every endpoint and statement is
/// derived from.
struct SimulatedAccount: Sendable {
    let id: String
    let title: String
    let baseCurrency: String
    let isPaper: Bool
    let openedAt: Date
    private(set) var cash: [String: Decimal] = [:]
    private(set) var lots: [Int: [Lot]] = [:]
    private(set) var trades: [TradeRecord] = []
    private(set) var cashEntries: [CashEntry] = []
    var navCloses: [NAVClose] = []
    /// Quantities held at the prior close: today's P&L is measured from them.
    private(set) var quantityAtPriorClose: [Int: Decimal] = [:]

    init(id: String, title: String, baseCurrency: String, isPaper: Bool, openedAt: Date) {
        self.id = id
        self.title = title
        self.baseCurrency = baseCurrency
        self.isPaper = isPaper
        self.openedAt = openedAt
    }

    func quantity(_ conid: Int) -> Decimal { lots[conid, default: []].reduce(0) { $0 + $1.quantity } }

    func basis(_ conid: Int) -> Decimal { lots[conid, default: []].reduce(0) { $0 + $1.basis } }

    /// Conids with an open position.
    var heldConids: [Int] { lots.keys.filter { quantity($0) != 0 }.sorted() }

    func trades(since start: Date) -> [TradeRecord] { trades.filter { $0.time >= start } }

    mutating func post(_ entry: CashEntry) {
        cash[entry.currency, default: 0] += entry.amount
        cashEntries.append(entry)
    }

    /// The day closed: today's P&L starts again from what is held now.
    mutating func closeDay() {
        quantityAtPriorClose = Dictionary(uniqueKeysWithValues: heldConids.map { ($0, quantity($0)) })
    }

    /// Books one fill FIFO against the open lots and returns the execution as recorded.
    @discardableResult
    mutating func execute(_ fill: Fill, instrument: Instrument) -> TradeRecord {
        let multiplier = Decimal(instrument.multiplier)
        var open = lots[fill.conid, default: []]
        var remaining = fill.quantity
        var closedBasis: Decimal = 0
        var closedQuantity: Decimal = 0
        var closedLots: [ClosedLot] = []
        while remaining != 0, let first = open.first, (first.quantity > 0) != (remaining > 0) {
            let closable = min(abs(first.quantity), abs(remaining))
            let portion = closable == abs(first.quantity) ? first.basis : (first.basis * closable / abs(first.quantity)).rounded(2)
            closedBasis += portion
            closedQuantity += closable
            closedLots.append(
                ClosedLot(
                    quantity: first.quantity > 0 ? closable : -closable, basis: portion, openedAt: first.openedAt,
                    tradeID: first.tradeID))
            open[0].quantity += first.quantity > 0 ? -closable : closable
            open[0].basis -= portion
            if open[0].quantity == 0 { open.removeFirst() }
            remaining += remaining > 0 ? -closable : closable
        }
        let closingQuantity = fill.quantity - remaining
        let closingCommission =
            closedQuantity > 0 ? (fill.commission * closedQuantity / abs(fill.quantity)).rounded(2) : 0
        let openingCommission = fill.commission - closingCommission
        let tradeMoney = fill.quantity * fill.price * multiplier
        let closingGross = -(closingQuantity * fill.price * multiplier) - closedBasis
        let netCash: Decimal
        let openingBasis: Decimal
        if instrument.kind == .future {
            netCash = closingGross - fill.commission
            openingBasis = remaining * fill.price * multiplier
        } else {
            netCash = -tradeMoney - fill.commission
            openingBasis = remaining * fill.price * multiplier + openingCommission
        }
        let openedLot =
            remaining == 0 ? nil : Lot(quantity: remaining, basis: openingBasis, openedAt: fill.time, tradeID: fill.tradeID)
        if let openedLot { open.append(openedLot) }
        lots[fill.conid] = open.isEmpty ? nil : open
        cash[instrument.currency, default: 0] += netCash
        let record = TradeRecord(
            tradeID: fill.tradeID, transactionID: fill.transactionID, executionID: fill.executionID,
            orderID: fill.orderID, account: id,
            conid: fill.conid, time: fill.time, quantity: fill.quantity, price: fill.price,
            commission: fill.commission, currency: instrument.currency, tradeMoney: tradeMoney, netCash: netCash,
            realizedPnl: closedQuantity > 0 ? closingGross - closingCommission : 0, exchange: fill.exchange,
            orderRef: fill.orderRef, closedLots: closedLots, openedLot: openedLot)
        trades.append(record)
        return record
    }
}

/// An execution about to be booked.
struct Fill: Sendable {
    let conid: Int
    /// Signed: positive buys.
    let quantity: Decimal
    let price: Decimal
    let commission: Decimal
    let time: Date
    let orderID: Int
    let tradeID: String
    let transactionID: String
    let executionID: String
    let exchange: String
    let orderRef: String
}
