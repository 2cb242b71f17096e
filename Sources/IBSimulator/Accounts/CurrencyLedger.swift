import Foundation

/// One currency's line of `/portfolio/{id}/ledger`, in that currency (the BASE line: in the base currency).
struct CurrencyLedger: Sendable {
    let currency: String
    let cash: Decimal
    let stockValue: Decimal
    let optionValue: Decimal
    /// Futures at notional.
    let futureValue: Decimal
    /// Open futures P&L: what futures add to the net liquidation value.
    let futuresPnl: Decimal
    let unrealizedPnl: Decimal
    let realizedPnl: Decimal
    /// Value of one unit in the base currency.
    let exchangeRate: Decimal

    var netLiquidation: Decimal { cash + stockValue + optionValue + futuresPnl }

    /// This line converted into the base currency.
    var inBase: CurrencyLedger {
        CurrencyLedger(
            currency: "BASE", cash: cash * exchangeRate, stockValue: stockValue * exchangeRate,
            optionValue: optionValue * exchangeRate, futureValue: futureValue * exchangeRate,
            futuresPnl: futuresPnl * exchangeRate, unrealizedPnl: unrealizedPnl * exchangeRate,
            realizedPnl: realizedPnl * exchangeRate, exchangeRate: 1)
    }

    static func + (lhs: CurrencyLedger, rhs: CurrencyLedger) -> CurrencyLedger {
        CurrencyLedger(
            currency: lhs.currency, cash: lhs.cash + rhs.cash, stockValue: lhs.stockValue + rhs.stockValue,
            optionValue: lhs.optionValue + rhs.optionValue, futureValue: lhs.futureValue + rhs.futureValue,
            futuresPnl: lhs.futuresPnl + rhs.futuresPnl, unrealizedPnl: lhs.unrealizedPnl + rhs.unrealizedPnl,
            realizedPnl: lhs.realizedPnl + rhs.realizedPnl, exchangeRate: lhs.exchangeRate)
    }

    static func empty(_ currency: String, rate: Decimal) -> CurrencyLedger {
        CurrencyLedger(
            currency: currency, cash: 0, stockValue: 0, optionValue: 0, futureValue: 0, futuresPnl: 0,
            unrealizedPnl: 0, realizedPnl: 0, exchangeRate: rate)
    }
}
