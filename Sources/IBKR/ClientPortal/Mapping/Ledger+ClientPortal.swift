import Portfolio

extension Ledger {
    /// The ledger's currency rows and its `BASE` row, which is in the account's base currency.
    public init(_ rows: [LedgerRow], baseCurrency: Currency) {
        var entries: [Currency: LedgerEntry] = [:]
        var base: LedgerEntry?
        for row in rows {
            if row.isBase {
                base = row.entry
                base?.currency = baseCurrency
            } else {
                entries[row.entry.currency] = row.entry
            }
        }
        self.init(
            baseCurrency: baseCurrency, entries: entries, base: base, asOf: rows.compactMap(\.timestamp).max())
    }
}
