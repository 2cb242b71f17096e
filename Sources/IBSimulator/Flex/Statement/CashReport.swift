import Foundation

/// An account's cash over a statement's period, per currency and in the base currency. Cash is counted as IBKR
/// counts it: open futures P&L is already settled into it, so the simulator's cash is raised by that P&L at both
/// ends and its change shows as `cashSettlingMtm`.
struct CashReport: Sendable {
    /// Base currency first, then the others by code.
    let currencies: [(currency: String, amounts: [CashColumn: Decimal])]
    /// The `BASE_SUMMARY` line: every currency converted and rounded to cents, the rounding left in
    /// `fxTranslationGainLoss`.
    let base: [CashColumn: Decimal]

    init(_ statement: AccountStatement) {
        let ledger = statement.ledger
        let first = statement.days.lowerBound
        let last = statement.days.upperBound
        var lines: [String: [CashColumn: Decimal]] = [:]
        func add(_ amount: Decimal, _ column: CashColumn, _ currency: String) {
            lines[currency, default: [:]][column, default: 0] += amount
        }
        for event in statement.trades {
            let trade = event.trade
            add(-trade.commission, .commissions, trade.currency)
            if ledger.universe[trade.conid]?.kind == .future {
                add(trade.netCash + trade.commission, .cashSettlingMtm, trade.currency)
            } else {
                add(-trade.tradeMoney, trade.tradeMoney < 0 ? .netTradesSales : .netTradesPurchases, trade.currency)
            }
        }
        for event in statement.entries {
            let entry = event.entry
            switch entry.kind {
            case .deposit:
                add(entry.amount, .depositWithdrawals, entry.currency)
                add(entry.amount, entry.amount >= 0 ? .deposits : .withdrawals, entry.currency)
            case .dividend: add(entry.amount, .dividends, entry.currency)
            case .withholdingTax: add(entry.amount, .withholdingTax, entry.currency)
            case .interest: add(entry.amount, .brokerInterest, entry.currency)
            }
        }
        let held = Set(statement.opening.cash.keys).union(statement.closing.cash.keys).union(lines.keys)
        for currency in held {
            let openingFutures = statement.opening.openFuturesPnl(currency, ledger: ledger, day: first - 1)
            let closingFutures = statement.closing.openFuturesPnl(currency, ledger: ledger, day: last)
            add(statement.opening.cash[currency, default: 0] + openingFutures, .startingCash, currency)
            add(closingFutures - openingFutures, .cashSettlingMtm, currency)
            add(statement.closing.cash[currency, default: 0] + closingFutures, .endingCash, currency)
        }
        let baseCurrency = statement.account.baseCurrency
        func rank(_ currency: String) -> (Int, String) { (currency == baseCurrency ? 0 : 1, currency) }
        currencies = lines.keys.sorted { rank($0) < rank($1) }.map { ($0, lines[$0] ?? [:]) }
        var base: [CashColumn: Decimal] = [:]
        for (currency, amounts) in currencies {
            for (column, amount) in amounts { base[column, default: 0] += statement.inBase(amount, currency) }
        }
        let flows = CashColumn.flows.reduce(Decimal(0)) { $0 + base[$1, default: 0] }
        base[.fxTranslationGainLoss] = base[.endingCash, default: 0] - base[.startingCash, default: 0] - flows
        self.base = base
    }
}
