import Foundation

/// Makes an account and its past: a deposit, a year of trades at the day's closes (some closed again, for
/// realized P&L), quarterly dividends, and a NAV close for every business day.
struct AccountFactory {
    let universe: InstrumentUniverse
    let history: PriceHistory
    let calendar: TradingCalendar
    let fx: FXTable

    private struct PlannedTrade {
        let day: Int
        let conid: Int
        let quantity: Decimal
    }

    /// Account number `index` (0 USD, 1 EUR, 2 a USD paper account, then alternating), with an id not in `taken`.
    func make(
        index: Int, positions: Int, taken: Set<String>, ids: inout IdentifierSequence, random: inout SeededRandom
    ) -> SimulatedAccount {
        let isPaper = index == 2
        let base = index % 2 == 0 ? "USD" : "EUR"
        var id = ""
        repeat {
            id = (isPaper ? "DU" : "U") + String(1_000_000 + random.int(in: 0...8_999_999))
        } while taken.contains(id)
        let title = isPaper ? "Paper Trading" : Self.titles[index % Self.titles.count]
        let firstDay = history.days.first ?? Date()
        var account = SimulatedAccount(
            id: id, title: title, baseCurrency: base, isPaper: isPaper,
            openedAt: calendar.newYork.date(byAdding: .day, value: -30, to: firstDay) ?? firstDay)
        let plan = planTrades(base: base, positions: positions, random: &random)
        for deposit in deposits(for: plan, base: base) {
            account.post(
                CashEntry(
                    transactionID: ids.transactionID(), account: id, date: firstDay.addingTimeInterval(10 * 3600),
                    kind: .deposit, currency: deposit.key, amount: deposit.value, conid: nil,
                    description: "CASH RECEIPTS / ELECTRONIC FUND TRANSFERS"))
        }
        let tradesByDay = Dictionary(grouping: plan, by: \.day)
        for (dayIndex, day) in history.days.enumerated() {
            for trade in tradesByDay[dayIndex, default: []] {
                book(trade, on: day, dayIndex: dayIndex, into: &account, ids: &ids)
            }
            payDividends(dayIndex: dayIndex, day: day, into: &account, ids: &ids)
            account.navCloses.append(navClose(of: account, dayIndex: dayIndex, day: day))
        }
        account.closeDay()
        return account
    }

    private func planTrades(base: String, positions: Int, random: inout SeededRandom) -> [PlannedTrade] {
        let lastDay = max(1, history.days.count - 3)
        let optionCount = positions >= 6 ? 2 : 0
        let futureCount = positions >= 5 ? 1 : 0
        let euroCount = positions >= 4 ? min(universe.euroStocks.count, positions / 4 + (base == "EUR" ? 1 : 0)) : 0
        let usCount = positions - optionCount - futureCount - euroCount
        var usPool = universe.usStocks.shuffled(using: &random)
        let usHeld = Array(usPool.prefix(usCount))
        usPool.removeFirst(min(usCount, usPool.count))
        let euroHeld = Array(universe.euroStocks.shuffled(using: &random).prefix(euroCount))
        var plan: [PlannedTrade] = []
        func open(_ conid: Int, _ quantity: Decimal) {
            let day = random.int(in: 0...lastDay)
            plan.append(PlannedTrade(day: day, conid: conid, quantity: quantity))
            if random.chance(0.3), day + 1 <= lastDay {
                let addDay = random.int(in: (day + 1)...lastDay)
                plan.append(PlannedTrade(day: addDay, conid: conid, quantity: (quantity / 2).rounded(0)))
            }
            if quantity >= 20, random.chance(0.2), day + 1 <= lastDay {
                let sellDay = random.int(in: (day + 1)...lastDay)
                plan.append(PlannedTrade(day: sellDay, conid: conid, quantity: -(quantity * 2 / 5).rounded(0)))
            }
        }
        for (offset, conid) in usHeld.enumerated() {
            let size = Decimal(random.int(in: 1...80) * 5)
            open(conid, offset > 0 && random.chance(0.08) ? -size : size)
        }
        for conid in euroHeld { open(conid, Decimal(random.int(in: 1...40) * 5)) }
        let calls = universe.options.filter { universe[$0]?.right == "C" }.shuffled(using: &random)
        let puts = universe.options.filter { universe[$0]?.right == "P" }.shuffled(using: &random)
        if optionCount > 0, let call = calls.first, let put = puts.first {
            open(call, Decimal(random.int(in: 1...10)))
            open(put, -Decimal(random.int(in: 1...5)))
        }
        if futureCount > 0, let future = universe.futures.first(where: { universe[$0]?.currency == base }) {
            open(future, Decimal(random.int(in: 1...3) * (random.chance(0.25) ? -1 : 1)))
        }
        for conid in usPool.prefix(3) {
            let buyDay = random.int(in: 0...max(0, lastDay - 1))
            let sellDay = random.int(in: (buyDay + 1)...max(buyDay + 1, lastDay))
            let size = Decimal(random.int(in: 2...40) * 5)
            plan.append(PlannedTrade(day: buyDay, conid: conid, quantity: size))
            plan.append(PlannedTrade(day: sellDay, conid: conid, quantity: -size))
        }
        return plan
    }

    /// Enough of each currency for the planned purchases, with a margin, in round thousands.
    private func deposits(for plan: [PlannedTrade], base: String) -> [String: Decimal] {
        var needed: [String: Decimal] = [base: 20_000]
        for trade in plan where trade.quantity > 0 {
            guard let instrument = universe[trade.conid], instrument.kind != .future,
                let price = history.closes[trade.conid]?[trade.day]
            else { continue }
            needed[instrument.currency, default: 2_000] += trade.quantity * price * Decimal(instrument.multiplier)
        }
        return needed.mapValues { (($0 * Decimal(11) / 10) / 1_000).rounded(0) * 1_000 + 1_000 }
    }

    private func book(
        _ trade: PlannedTrade, on day: Date, dayIndex: Int, into account: inout SimulatedAccount,
        ids: inout IdentifierSequence
    ) {
        guard let instrument = universe[trade.conid], let price = history.closes[trade.conid]?[dayIndex] else { return }
        let time = day.addingTimeInterval(15 * 3600 + Double(trade.conid % 1_800))
        let fill = Fill(
            conid: trade.conid, quantity: trade.quantity, price: price,
            commission: Commission.charge(for: instrument, quantity: trade.quantity, price: price), time: time,
            orderID: ids.orderID(), tradeID: ids.tradeID(), executionID: ids.executionID(at: time),
            exchange: instrument.exchange, orderRef: "")
        account.execute(fill, instrument: instrument)
    }

    private func payDividends(dayIndex: Int, day: Date, into account: inout SimulatedAccount, ids: inout IdentifierSequence) {
        for conid in account.heldConids where (dayIndex + conid) % 63 == 0 {
            guard let instrument = universe[conid], instrument.quarterlyDividend > 0 else { continue }
            let quantity = account.quantity(conid)
            guard quantity > 0 else { continue }
            let gross = (quantity * instrument.quarterlyDividend).rounded(2)
            let time = day.addingTimeInterval(20 * 3600)
            let perShare = instrument.quarterlyDividend.plainText
            account.post(
                CashEntry(
                    transactionID: ids.transactionID(), account: account.id, date: time, kind: .dividend,
                    currency: instrument.currency, amount: gross, conid: conid,
                    description: "\(instrument.symbol) CASH DIVIDEND \(instrument.currency) \(perShare) PER SHARE (Ordinary Dividend)"))
            account.post(
                CashEntry(
                    transactionID: ids.transactionID(), account: account.id, date: time, kind: .withholdingTax,
                    currency: instrument.currency, amount: -(gross * Decimal(15) / 100).rounded(2), conid: conid,
                    description: "\(instrument.symbol) CASH DIVIDEND \(instrument.currency) \(perShare) PER SHARE - US TAX"))
        }
    }

    private func navClose(of account: SimulatedAccount, dayIndex: Int, day: Date) -> NAVClose {
        let base = account.baseCurrency
        var cash = 0.0
        for (currency, amount) in account.cash {
            cash += amount.doubleValue * fx.rate(currency, base: base).doubleValue
        }
        var stock = 0.0
        var options = 0.0
        var futures = 0.0
        for conid in account.heldConids {
            guard let instrument = universe[conid], let close = history.closes[conid]?[dayIndex] else { continue }
            let rate = fx.rate(instrument.currency, base: base).doubleValue
            let value = account.quantity(conid).doubleValue * close.doubleValue * Double(instrument.multiplier) * rate
            switch instrument.kind {
            case .stock: stock += value
            case .option: options += value
            case .future: futures += value - account.basis(conid).doubleValue * rate
            }
        }
        return NAVClose(
            day: day, cash: Decimal(rounding: cash, scale: 2), stock: Decimal(rounding: stock, scale: 2),
            options: Decimal(rounding: options, scale: 2), futures: Decimal(rounding: futures, scale: 2))
    }

    private static let titles = [
        "Jane Doe", "Erika Mustermann", "Doe Family Trust", "John Q Public", "Max Muster GmbH", "Ada Lovelace",
    ]
}
