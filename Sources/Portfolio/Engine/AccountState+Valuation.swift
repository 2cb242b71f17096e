import Foundation

extension AccountState {
    /// The positions valued in native and base currency, weighted against net liquidation, with their day change.
    public var valuedPositions: [ValuedPosition] {
        // Without a ledger yet, positions in the base currency can still be valued.
        let rates = ledger.value?.fxRates ?? FXRates(base: account.baseCurrency, rates: [:])
        let quotes = quotes.value ?? [:]
        return (positions.value ?? []).map { position in
            ValuedPosition(
                position: position, rates: rates, netLiquidation: totals.netLiquidation,
                quote: quotes[position.contract.conid])
        }
    }

    /// True when the account holds a contract now: whether there is anything to quote, without listing them.
    var holdsContracts: Bool { positions.value?.contains { !$0.quantity.isZero } ?? false }

    /// The contracts held now, for the market snapshot.
    var heldConids: [Int] {
        Set((positions.value ?? []).filter { $0.quantity != 0 }.map(\.contract.conid)).sorted()
    }

    /// Recomputes the headline numbers after any dataset changed.
    mutating func updateTotals() {
        totals = AccountTotals(
            account: account, summary: summary.value, ledger: ledger.value, pnl: pnl.value, history: history)
    }
}
