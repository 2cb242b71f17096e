import Foundation

/// An account valued at one instant. Summary, ledger, P&L and allocation are all read from one valuation, so
/// their numbers agree exactly: netliquidation = ledger BASE netliquidationvalue = pnl nl, and so on.
struct AccountValuation: Sendable {
    let positions: [PositionValuation]
    /// One line per currency with cash or positions, base currency first.
    let ledgers: [CurrencyLedger]
    /// Σ over `ledgers` of each amount × its exchange rate.
    let base: CurrencyLedger
    /// Σ |marketValue| × exchange rate.
    let grossPositionValue: Decimal
    let maintenanceMargin: Decimal
    let initialMargin: Decimal
    /// Since the prior close, in the base currency.
    let dailyPnl: Decimal

    var netLiquidation: Decimal { base.netLiquidation }
    var equityWithLoan: Decimal { netLiquidation }
    var excessLiquidity: Decimal { equityWithLoan - maintenanceMargin }
    var availableFunds: Decimal { equityWithLoan - initialMargin }
    var buyingPower: Decimal { max(0, availableFunds * 4) }
    /// excessLiquidity / netLiquidation; 0 for an empty account.
    var cushion: Decimal { netLiquidation == 0 ? 0 : excessLiquidity / netLiquidation }
    var leverage: Decimal { netLiquidation == 0 ? 0 : grossPositionValue / netLiquidation }

    init(account: SimulatedAccount, market: Market, fx: FXTable, dayStart: Date) {
        let todaysTrades = account.trades(since: dayStart)
        var lines: [String: CurrencyLedger] = [:]
        for (currency, amount) in account.cash {
            lines[currency] = CurrencyLedger.empty(currency, rate: fx.rate(currency, base: account.baseCurrency))
                + CurrencyLedger(
                    currency: currency, cash: amount, stockValue: 0, optionValue: 0, futureValue: 0, futuresPnl: 0,
                    unrealizedPnl: 0, realizedPnl: 0, exchangeRate: 0)
        }
        var positions: [PositionValuation] = []
        var gross: Decimal = 0
        var maintenance: Decimal = 0
        var daily: Decimal = 0
        let traded = Set(todaysTrades.map(\.conid)).union(account.heldConids).union(account.quantityAtPriorClose.keys)
        for conid in traded.sorted() {
            guard let instrument = market.universe[conid] else { continue }
            let rate = fx.rate(instrument.currency, base: account.baseCurrency)
            let multiplier = Decimal(instrument.multiplier)
            let quantity = account.quantity(conid)
            let price = market.price(conid)
            let trades = todaysTrades.filter { $0.conid == conid }
            let realized = trades.reduce(Decimal(0)) { $0 + $1.realizedPnl }
            let startQuantity = account.quantityAtPriorClose[conid] ?? 0
            let prior = market.priorClose[conid] ?? price
            let tradedValue = trades.reduce(Decimal(0)) { $0 + $1.quantity * $1.price }
            let commissions = trades.reduce(Decimal(0)) { $0 + $1.commission }
            daily += (multiplier * (quantity * price - startQuantity * prior - tradedValue) - commissions) * rate
            var line = lines[instrument.currency] ?? CurrencyLedger.empty(instrument.currency, rate: rate)
            line = line + CurrencyLedger(
                currency: instrument.currency, cash: 0, stockValue: 0, optionValue: 0, futureValue: 0, futuresPnl: 0,
                unrealizedPnl: 0, realizedPnl: realized, exchangeRate: 0)
            if quantity != 0 {
                let averagePrice = (account.basis(conid) / (quantity * multiplier)).rounded(8)
                let averageCost = averagePrice * multiplier
                let marketValue = quantity * price * multiplier
                let unrealized = marketValue - quantity * averageCost
                positions.append(
                    PositionValuation(
                        instrument: instrument, quantity: quantity, price: price, marketValue: marketValue,
                        averagePrice: averagePrice, averageCost: averageCost, unrealizedPnl: unrealized,
                        realizedPnl: realized))
                gross += abs(marketValue) * rate
                switch instrument.kind {
                case .stock, .option: maintenance += abs(marketValue) * rate / 4
                case .future: maintenance += abs(quantity) * instrument.futureMargin * rate
                }
                line = line + CurrencyLedger(
                    currency: instrument.currency, cash: 0,
                    stockValue: instrument.kind == .stock ? marketValue : 0,
                    optionValue: instrument.kind == .option ? marketValue : 0,
                    futureValue: instrument.kind == .future ? marketValue : 0,
                    futuresPnl: instrument.kind == .future ? unrealized : 0, unrealizedPnl: unrealized,
                    realizedPnl: 0, exchangeRate: 0)
            }
            lines[instrument.currency] = line
        }
        let ordered = lines.values.sorted {
            ($0.currency == account.baseCurrency ? 0 : 1, $0.currency) < ($1.currency == account.baseCurrency ? 0 : 1, $1.currency)
        }
        self.positions = positions
        ledgers = ordered
        base = ordered.map(\.inBase).reduce(CurrencyLedger.empty("BASE", rate: 1), +)
        grossPositionValue = gross
        maintenanceMargin = maintenance.rounded(2)
        initialMargin = (maintenance * Decimal(6) / 5).rounded(2)
        dailyPnl = daily.rounded(2)
    }
}
