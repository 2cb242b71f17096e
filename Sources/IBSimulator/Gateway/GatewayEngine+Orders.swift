import Foundation

/// Order life: new orders now and then, PreSubmitted → Submitted → Filled or Cancelled (or Inactive with a
/// reason), and fills that move positions, cash, realized P&L and the trades list together.
extension GatewayEngine {
    static let rejectionReasons = [
        "Order rejected - reason:YOUR ORDER IS NOT ACCEPTED. IN ORDER TO OBTAIN THE DESIRED POSITION YOUR EQUITY WITH LOAN VALUE MUST EXCEED THE INITIAL MARGIN",
        "Order rejected - reason:The contract is not available for trading at this time",
    ]

    /// Two resting orders in each account, so that the orders pane is not empty at start.
    static func restingOrders(
        for accounts: ArraySlice<SimulatedAccount>, market: Market, ids: inout IdentifierSequence, at now: Date
    ) -> [SimulatedOrder] {
        var orders: [SimulatedOrder] = []
        for account in accounts {
            guard
                let conid = account.heldConids.first(where: {
                    market.universe[$0]?.kind == .stock && account.quantity($0) > 0
                }),
                let instrument = market.universe[conid]
            else { continue }
            let price = market.price(conid)
            let decimals = instrument.priceDecimals
            var resting = makeOrder(
                ids: &ids, account: account.id, conid: conid, isBuy: true,
                limit: (price * Decimal(95) / 100).rounded(decimals), quantity: 10, tif: "GTC", at: now)
            resting.status = .submitted
            orders.append(resting)
            orders.append(
                makeOrder(
                    ids: &ids, account: account.id, conid: conid, isBuy: false,
                    limit: (price * Decimal(106) / 100).rounded(decimals), quantity: 5, tif: "GTC", at: now))
        }
        return orders
    }

    static func makeOrder(
        ids: inout IdentifierSequence, account: String, conid: Int, isBuy: Bool, limit: Decimal?, quantity: Decimal,
        tif: String, at now: Date
    ) -> SimulatedOrder {
        let id = ids.orderID()
        return SimulatedOrder(
            id: id, account: account, conid: conid, isBuy: isBuy, limitPrice: limit, quantity: quantity,
            timeInForce: tif, orderRef: "sim-\(id % 100_000)", submittedAt: now, updatedAt: now)
    }

    /// A plausible order in `account` (a random one when `nil`) on something it holds or a large US stock.
    @discardableResult
    func placeRandomOrder(account: String?, at now: Date) -> Int? {
        guard !accounts.isEmpty else { return nil }
        let index = account.flatMap(accountIndex) ?? random.int(in: 0...(accounts.count - 1))
        let held = accounts[index].heldConids
        let pool = held.isEmpty ? market.universe.usStocks : held
        let conid = pool[random.int(in: 0...(pool.count - 1))]
        guard let instrument = market.universe[conid] else { return nil }
        let holding = accounts[index].quantity(conid)
        let isBuy = holding <= 0 || random.chance(0.5)
        let quantity: Decimal = switch instrument.kind {
        case .stock: Decimal(random.int(in: 1...20) * 5)
        case .option: Decimal(random.int(in: 1...5))
        case .future: Decimal(random.int(in: 1...2))
        }
        let price = market.price(conid)
        var limit: Decimal?
        if !random.chance(0.25) {
            let offset = Decimal(random.int(in: 0...60)) / 10_000
            let raw = isBuy ? price * (1 - offset) : price * (1 + offset)
            limit = max(instrument.tick, (raw / instrument.tick).rounded(0) * instrument.tick)
        }
        let order = Self.makeOrder(
            ids: &ids, account: accounts[index].id, conid: conid, isBuy: isBuy, limit: limit, quantity: quantity,
            tif: random.chance(0.7) ? "DAY" : "GTC", at: now)
        orders.append(order)
        return order.id
    }

    /// One tick of order life.
    func stepOrders(at now: Date) {
        if random.chance(configuration.orderActivity) { placeRandomOrder(account: nil, at: now) }
        for index in orders.indices {
            let order = orders[index]
            switch order.status {
            case .preSubmitted where now.timeIntervalSince(order.submittedAt) >= 2 * configuration.priceTick.seconds:
                if random.chance(0.06) {
                    orders[index].status = .inactive
                    orders[index].rejectionReason = Self.rejectionReasons[random.int(in: 0...(Self.rejectionReasons.count - 1))]
                } else {
                    orders[index].status = .submitted
                }
                orders[index].updatedAt = now
            case .submitted:
                let price = market.price(order.conid)
                let marketable = order.limitPrice.map { order.isBuy ? price <= $0 : price >= $0 } ?? true
                if marketable && market.isOpen(order.conid, at: now, hours: configuration.marketHours) {
                    let partial = order.remaining >= 4 && random.chance(0.3)
                    execute(orderAt: index, quantity: partial ? (order.remaining / 2).rounded(0) : order.remaining, at: now)
                } else if random.chance(0.004) {
                    orders[index].status = .cancelled
                    orders[index].updatedAt = now
                }
            default: break
            }
        }
    }

    /// Fills `quantity` of the order at the limit (or the market price), booking it in its account.
    func execute(orderAt index: Int, quantity: Decimal, at now: Date) {
        let order = orders[index]
        guard let instrument = market.universe[order.conid], let accountIndex = accountIndex(order.account),
            quantity > 0
        else { return }
        let marketPrice = market.price(order.conid)
        let price = order.limitPrice.map { order.isBuy ? min($0, marketPrice) : max($0, marketPrice) } ?? marketPrice
        let signed = order.isBuy ? quantity : -quantity
        let fill = Fill(
            conid: order.conid, quantity: signed, price: price,
            commission: Commission.charge(for: instrument, quantity: signed, price: price), time: now,
            orderID: order.id, tradeID: ids.tradeID(), transactionID: ids.transactionID(),
            executionID: ids.executionID(at: now),
            exchange: instrument.currency == "USD" ? "ISLAND" : instrument.exchange, orderRef: order.orderRef)
        accounts[accountIndex].execute(fill, instrument: instrument)
        let filledBefore = order.filled
        let filledAfter = filledBefore + quantity
        let average = ((order.averagePrice ?? 0) * filledBefore + price * quantity) / filledAfter
        orders[index].filled = filledAfter
        orders[index].averagePrice = average.rounded(6)
        orders[index].lastExecution = now
        orders[index].updatedAt = now
        orders[index].status = filledAfter >= order.quantity ? .filled : .submitted
    }
}
