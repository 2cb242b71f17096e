import Foundation

extension ConsolidatedTotals {
    /// All accounts together in `currency`, by default the first account's base currency, with the exchange rates
    /// of their ledgers; `nil` with no account.
    public static func of(_ accounts: [AccountState], in currency: Currency? = nil) -> ConsolidatedTotals? {
        guard let currency = currency ?? accounts.first?.account.baseCurrency, !accounts.isEmpty else { return nil }
        let converter = CurrencyConverter(ledgers: accounts.compactMap(\.ledger.value))
        return ConsolidatedTotals(accounts: accounts, currency: currency, converter: converter)
    }

    /// All accounts' totals in `currency`. An account whose currency has no rate is left out and its currency named
    /// in `missingRates`; a number any included account lacks is `nil` in the sum, because a partial sum would
    /// look like a whole one.
    public init(accounts: [AccountState], currency: Currency, converter: CurrencyConverter) {
        var included: [AccountID] = []
        var missing = Set<Currency>()
        var converted: [AccountTotals] = []
        for account in accounts {
            guard let rate = converter.rate(from: account.totals.currency, to: currency) else {
                missing.insert(account.totals.currency)
                continue
            }
            included.append(account.id)
            converted.append(account.totals.converted(with: rate, into: currency))
        }
        func sum(_ field: KeyPath<AccountTotals, Decimal?>) -> Decimal? {
            guard !converted.isEmpty else { return nil }
            var total: Decimal = 0
            for totals in converted {
                guard let value = totals[keyPath: field] else { return nil }
                total += value
            }
            return total
        }
        let netLiquidation = sum(\.netLiquidation)
        let excessLiquidity = sum(\.excessLiquidity)
        var cushion: Decimal?
        if let netLiquidation, let excessLiquidity, netLiquidation != 0 { cushion = excessLiquidity / netLiquidation }
        let totals = AccountTotals(
            currency: currency, netLiquidation: netLiquidation, cash: sum(\.cash), excessLiquidity: excessLiquidity,
            cushion: cushion, grossPositionValue: sum(\.grossPositionValue), dailyPnl: sum(\.dailyPnl),
            unrealizedPnl: sum(\.unrealizedPnl), realizedToday: sum(\.realizedToday),
            realizedYearToDate: sum(\.realizedYearToDate))
        self.init(totals: totals, missingRates: missing, includedAccounts: included)
    }
}
