import Foundation

/// Makes an account and its past: a deposit, a year of trades at the day's closes (some closed again, for
/// realized P&L), quarterly dividends, monthly interest, and a NAV close for every business day.
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
            openedAt: calendar.newYork.adding(days: -30, to: firstDay))
        let plan = planTrades(base: base, positions: positions, random: &random)
        for deposit in deposits(for: plan, base: base) {
            account.post(
                CashEntry(
                    transactionID: ids.transactionID(), account: id, date: firstDay.addingTimeInterval(10 * 3600),
                    kind: .deposit, currency: deposit.key, amount: deposit.value, conid: nil,
                    description: "CASH RECEIPTS / ELECTRONIC FUND TRANSFERS"))
        }
        let tradesByDay = Dictionary(grouping: plan, by: \.day)
        var replay = ReplayBook(account: account, universe: universe, history: history, fx: fx)
        for (dayIndex, day) in history.days.enumerated() {
            for trade in tradesByDay[dayIndex, default: []] {
                book(trade, on: day, dayIndex: dayIndex, into: &account, ids: &ids)
                replay.refresh(trade.conid, from: account)
            }
            let paid = payDividends(dayIndex: dayIndex, day: day, held: replay.held, into: &account, ids: &ids)
            let credited = creditInterest(dayIndex: dayIndex, day: day, into: &account, ids: &ids)
            if paid || credited || tradesByDay[dayIndex] != nil { replay.refreshCash(from: account) }
            account.navCloses.append(navClose(of: replay, dayIndex: dayIndex, day: day))
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
            orderID: ids.orderID(), tradeID: ids.tradeID(), transactionID: ids.transactionID(),
            executionID: ids.executionID(at: time),
            exchange: instrument.exchange, orderRef: "")
        account.execute(fill, instrument: instrument)
    }

    /// Pays the quarterly dividends due on `dayIndex`; tells whether any was.
    private func payDividends(
        dayIndex: Int, day: Date, held: [Int], into account: inout SimulatedAccount, ids: inout IdentifierSequence
    ) -> Bool {
        var paid = false
        for conid in held where (dayIndex + conid) % 63 == 0 {
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
            paid = true
        }
        return paid
    }

    private func navClose(of book: ReplayBook, dayIndex: Int, day: Date) -> NAVClose {
        var stock = 0.0
        var options = 0.0
        var futures = 0.0
        for holding in book.holdings.values where holding.closes.indices.contains(dayIndex) {
            let value = holding.quantity * holding.closes[dayIndex] * holding.valuePerPoint
            switch holding.kind {
            case .stock: stock += value
            case .option: options += value
            case .future: futures += value - holding.basisInBase
            }
        }
        return NAVClose(
            day: day, cash: Decimal(rounding: book.cashInBase, scale: 2), stock: Decimal(rounding: stock, scale: 2),
            options: Decimal(rounding: options, scale: 2), futures: Decimal(rounding: futures, scale: 2))
    }

    /// The account's holdings and cash in the base currency as floating-point numbers, refreshed only when a
    /// trade or dividend changes them: a year of daily NAV closes for many positions would otherwise convert
    /// every decimal every day.
    private struct ReplayBook {
        struct Holding {
            let kind: AssetKind
            let closes: [Double]
            let quantity: Double
            /// Multiplier × exchange rate into the base currency.
            let valuePerPoint: Double
            let basisInBase: Double
        }

        let universe: InstrumentUniverse
        let history: PriceHistory
        let fx: FXTable
        let base: String
        private(set) var holdings: [Int: Holding] = [:]
        /// Held conids in order, so that what is paid on them is numbered the same way in every run.
        private(set) var held: [Int] = []
        private(set) var cashInBase = 0.0

        init(account: SimulatedAccount, universe: InstrumentUniverse, history: PriceHistory, fx: FXTable) {
            self.universe = universe
            self.history = history
            self.fx = fx
            base = account.baseCurrency
            refreshCash(from: account)
        }

        mutating func refresh(_ conid: Int, from account: SimulatedAccount) {
            let wasHeld = holdings[conid] != nil
            let quantity = account.quantity(conid)
            if quantity == 0 {
                holdings[conid] = nil
            } else if let instrument = universe[conid] {
                let rate = fx.rate(instrument.currency, base: base).doubleValue
                holdings[conid] = Holding(
                    kind: instrument.kind, closes: history.closeLevels[conid] ?? [], quantity: quantity.doubleValue,
                    valuePerPoint: Double(instrument.multiplier) * rate,
                    basisInBase: account.basis(conid).doubleValue * rate)
            }
            if wasHeld != (holdings[conid] != nil) { held = holdings.keys.sorted() }
        }

        mutating func refreshCash(from account: SimulatedAccount) {
            cashInBase = account.cash.reduce(0.0) { $0 + $1.value.doubleValue * fx.rate($1.key, base: base).doubleValue }
        }
    }

    private static let titles = [
        "Jane Doe", "Erika Mustermann", "Doe Family Trust", "John Q Public", "Max Muster GmbH", "Ada Lovelace",
    ]
}
