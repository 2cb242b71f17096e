import Foundation

/// The Trades section (reference §7.6): each execution, followed by the lots it closed.
extension AccountStatement {
    func writeTrades(into writer: inout StatementWriter) {
        writer.open("Trades")
        for event in trades {
            guard let instrument = ledger.universe[event.trade.conid] else { continue }
            let lots = ClosedLotRealization.split(event.trade, multiplier: Decimal(instrument.multiplier))
            writer.row("Trade", executionRow(event, instrument, closed: lots))
            for lot in lots { writer.row("Lot", closedLotRow(event, instrument, lot)) }
        }
        writer.close("Trades")
    }

    private func executionRow(
        _ event: AccountEvents.TradeEvent, _ instrument: Instrument, closed: [ClosedLotRealization]
    ) -> StatementRow {
        let trade = event.trade
        let multiplier = Decimal(instrument.multiplier)
        let closingCommission = closed.reduce(Decimal(0)) { $0 + $1.commission }
        let closedBasis = closed.reduce(Decimal(0)) { $0 + $1.lot.basis }
        // What the opened part cost, its commission included; IBKR's cost of closed lots is negative.
        let openingCost =
            trade.openedLot.map { $0.quantity * trade.price * multiplier + trade.commission - closingCommission } ?? 0
        let closePrice = ledger.close(trade.conid, day: event.day) ?? trade.price
        var row = fillAttributes(event, instrument)
        row.add("tradeID", trade.tradeID)
        row.add("transactionID", trade.transactionID)
        row.add("ibOrderID", trade.orderID)
        row.add("ibExecID", trade.executionID)
        row.add("orderReference", trade.orderRef)
        addAmounts(
            to: &row, instrument: instrument, price: trade.price, quantity: trade.quantity,
            commission: trade.commission, cost: openingCost - closedBasis, realized: trade.realizedPnl)
        row.add("closePrice", closePrice)
        row.add("mtmPnl", (closePrice - trade.price) * trade.quantity * multiplier)
        row.add("openCloseIndicator", closed.isEmpty ? "O" : trade.openedLot == nil ? "C" : "C;O")
        row.add("notes", "")
        row.add("levelOfDetail", "EXECUTION")
        row.add("isAPIOrder", trade.orderRef.isEmpty ? "N" : "Y")
        return row
    }

    private func closedLotRow(
        _ event: AccountEvents.TradeEvent, _ instrument: Instrument, _ closed: ClosedLotRealization
    ) -> StatementRow {
        let opening = events.tradesByID[closed.lot.tradeID]
        var row = fillAttributes(event, instrument)
        row.add("tradeID", "")
        row.add("transactionID", opening?.transactionID ?? "")
        row.add("ibOrderID", opening.map { String($0.orderID) } ?? "")
        addAmounts(
            to: &row, instrument: instrument, price: event.trade.price, quantity: -closed.lot.quantity,
            commission: closed.commission, cost: -closed.lot.basis, realized: closed.realized)
        row.add("closePrice", ledger.close(event.trade.conid, day: event.day) ?? event.trade.price)
        row.add("mtmPnl", "0")
        row.add("openCloseIndicator", "C")
        row.add("openDateTime", clock.dateTime(closed.lot.openedAt))
        row.add("holdingPeriodDateTime", clock.dateTime(closed.lot.openedAt))
        row.add("levelOfDetail", "CLOSED_LOT")
        return row
    }

    /// What an execution and its closed lots share: the contract, the dates, the venue, the side.
    private func fillAttributes(_ event: AccountEvents.TradeEvent, _ instrument: Instrument) -> StatementRow {
        let trade = event.trade
        var row = currencyAttributes(trade.currency)
        row.add(ContractAttributes.of(instrument, clock: clock))
        row.add("reportDate", clock.date(ledger.days[event.day]))
        row.add("dateTime", clock.dateTime(trade.time))
        row.add("tradeDate", clock.date(trade.time))
        row.add("settleDateTarget", clock.date(settlement(of: instrument, tradedAt: trade.time)))
        row.add("transactionType", "ExchTrade")
        row.add("exchange", trade.exchange)
        row.add("buySell", trade.quantity > 0 ? "BUY" : "SELL")
        return row
    }

    /// The money columns; futures exchange no notional, so their net cash is the commission alone (the P&L
    /// reaches cash as variation margin).
    private func addAmounts(
        to row: inout StatementRow, instrument: Instrument, price: Decimal, quantity: Decimal, commission: Decimal,
        cost: Decimal, realized: Decimal
    ) {
        let tradeMoney = quantity * price * Decimal(instrument.multiplier)
        row.add("quantity", quantity)
        row.add("tradePrice", price)
        row.add("tradeMoney", tradeMoney)
        row.add("proceeds", -tradeMoney)
        row.add("taxes", "0")
        row.add("ibCommission", -commission)
        row.add("ibCommissionCurrency", instrument.currency)
        row.add("netCash", instrument.kind == .future ? -commission : -tradeMoney - commission)
        row.add("cost", cost)
        row.add("fifoPnlRealized", realized)
    }

    /// US stocks and options settle the next business day, European stocks the second; futures the same day.
    private func settlement(of instrument: Instrument, tradedAt time: Date) -> Date {
        let day = ledger.calendar.tradingDay(of: time)
        switch instrument.kind {
        case .future: return day
        case .option: return ledger.calendar.addingWeekdays(1, to: day)
        case .stock: return ledger.calendar.addingWeekdays(instrument.currency == "USD" ? 1 : 2, to: day)
        }
    }
}
