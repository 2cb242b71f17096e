import Foundation

extension AccountTotals {
    /// The headline numbers of one account from its datasets, in its base currency. Each number comes from the
    /// dataset IBKR computes it in; a number no dataset has is `nil`, never zero.
    public init(
        account: Account, summary: AccountSummary?, ledger: Ledger?, pnl: AccountPnL?, history: AccountHistory?
    ) {
        let netLiquidation = summary?.netLiquidation ?? pnl?.netLiquidation ?? ledger?.base?.netLiquidation
        let excessLiquidity = summary?.excessLiquidity ?? pnl?.excessLiquidity
        var cushion = summary?.cushion
        if cushion == nil, let excessLiquidity, let netLiquidation, netLiquidation != 0 {
            cushion = excessLiquidity / netLiquidation
        }
        var realizedYearToDate: Decimal?
        if let history, let realized = history.realizedYearToDate {
            realizedYearToDate =
                history.baseCurrency == account.baseCurrency
                ? realized : ledger?.fxRates.toBase(realized, from: history.baseCurrency)
        }
        self.init(
            currency: account.baseCurrency,
            netLiquidation: netLiquidation,
            cash: summary?.totalCash ?? ledger?.base?.cashBalance,
            excessLiquidity: excessLiquidity,
            cushion: cushion,
            grossPositionValue: summary?.grossPositionValue,
            dailyPnl: pnl?.daily,
            unrealizedPnl: pnl?.unrealized ?? ledger?.base?.unrealizedPnl,
            realizedToday: ledger?.base?.realizedPnl,
            realizedYearToDate: realizedYearToDate)
    }

    /// Every amount converted with `rate` into `currency`; the cushion is a ratio and stays as it is.
    func converted(with rate: CurrencyConverter.Rate, into currency: Currency) -> AccountTotals {
        AccountTotals(
            currency: currency,
            netLiquidation: netLiquidation.map(rate.convert),
            cash: cash.map(rate.convert),
            excessLiquidity: excessLiquidity.map(rate.convert),
            cushion: cushion,
            grossPositionValue: grossPositionValue.map(rate.convert),
            dailyPnl: dailyPnl.map(rate.convert),
            unrealizedPnl: unrealizedPnl.map(rate.convert),
            realizedToday: realizedToday.map(rate.convert),
            realizedYearToDate: realizedYearToDate.map(rate.convert))
    }
}
