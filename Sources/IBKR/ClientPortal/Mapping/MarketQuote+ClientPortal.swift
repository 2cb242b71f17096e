import Portfolio

extension MarketQuote {
    /// `nil` for a contract still in pre-flight (no prices yet).
    public init?(_ row: SnapshotRow) {
        guard row.hasPrices else { return nil }
        self.init(
            conid: row.conid, last: row.last, lastIsPriorClose: row.lastIsPriorClose, priorClose: row.priorClose,
            change: row.change, changePercent: row.changePercent,
            availability: row.availability.flatMap { $0.first.map(String.init) }, updated: row.updated)
    }
}
