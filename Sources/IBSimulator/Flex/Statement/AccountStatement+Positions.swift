import Foundation

/// Positions at the period's last close and FIFO P&L (reference §7.5, 7.11).
extension AccountStatement {
    /// The held instruments at the last close, in statement order.
    private var heldInstruments: [(instrument: Instrument, lots: [Lot])] {
        closing.lots.compactMap { conid, lots in ledger.universe[conid].map { (instrument: $0, lots: lots) } }
            .sorted { ContractAttributes.order($0.instrument) < ContractAttributes.order($1.instrument) }
    }

    /// A `SUMMARY` row per position, each followed by its `LOT` rows: the gateway's positions at that close.
    func openPositionRows() -> [StatementRow] {
        let last = days.upperBound
        let nav = navClose(last)?.total ?? 0
        var rows: [StatementRow] = []
        for (instrument, lots) in heldInstruments {
            guard let mark = ledger.close(instrument.conid, day: last) else { continue }
            let multiplier = Decimal(instrument.multiplier)
            let quantity = lots.reduce(Decimal(0)) { $0 + $1.quantity }
            guard quantity != 0 else { continue }
            let basis = lots.reduce(Decimal(0)) { $0 + $1.basis }
            let openValue = lots.reduce(Decimal(0)) { $0 + $1.quantity * openPrice(of: $1) }
            let value = quantity * mark * multiplier
            var summary = positionRow(instrument, mark: mark, quantity: quantity, basis: basis)
            summary.add("openPrice", (openValue / quantity).rounded(8))
            summary.add("percentOfNAV", nav == 0 ? Decimal(0) : (inBase(value, instrument.currency) / nav * 100).rounded(2))
            summary.add("levelOfDetail", "SUMMARY")
            rows.append(summary)
            for lot in lots {
                let opening = events.tradesByID[lot.tradeID]
                var row = positionRow(instrument, mark: mark, quantity: lot.quantity, basis: lot.basis)
                row.add("openPrice", openPrice(of: lot))
                row.add("percentOfNAV", "")
                row.add("levelOfDetail", "LOT")
                row.add("openDateTime", clock.dateTime(lot.openedAt))
                row.add("holdingPeriodDateTime", clock.dateTime(lot.openedAt))
                row.add("originatingOrderID", opening.map { String($0.orderID) } ?? "")
                row.add("originatingTransactionID", opening?.transactionID ?? "")
                rows.append(row)
            }
        }
        return rows
    }

    private func positionRow(_ instrument: Instrument, mark: Decimal, quantity: Decimal, basis: Decimal) -> StatementRow {
        let value = quantity * mark * Decimal(instrument.multiplier)
        var row = currencyAttributes(instrument.currency)
        row.add(ContractAttributes.of(instrument, clock: clock))
        row.add("reportDate", clock.date(ledger.days[days.upperBound]))
        row.add("position", quantity)
        row.add("markPrice", mark)
        row.add("positionValue", value)
        row.add("costBasisMoney", basis)
        row.add("costBasisPrice", (basis / (quantity * Decimal(instrument.multiplier))).rounded(8))
        row.add("fifoPnlUnrealized", value - basis)
        row.add("side", quantity > 0 ? "Long" : "Short")
        return row
    }

    /// The price of the fill that opened the lot, without commission.
    private func openPrice(of lot: Lot) -> Decimal { events.tradesByID[lot.tradeID]?.price ?? 0 }

    /// Realized P&L of the period by holding period and sign, and unrealized P&L at its last close, per
    /// instrument, in the base currency.
    func fifoPerformanceRows() -> [StatementRow] {
        enum Bucket: String, CaseIterable {
            case realizedSTProfit, realizedSTLoss, realizedLTProfit, realizedLTLoss
            case unrealizedSTProfit, unrealizedSTLoss, unrealizedLTProfit, unrealizedLTLoss
        }
        var buckets: [Int: [Bucket: Decimal]] = [:]
        func book(_ conid: Int, _ amount: Decimal, realized: Bool, longTerm: Bool) {
            let bucket: Bucket =
                switch (realized, longTerm, amount >= 0) {
                case (true, false, true): .realizedSTProfit
                case (true, false, false): .realizedSTLoss
                case (true, true, true): .realizedLTProfit
                case (true, true, false): .realizedLTLoss
                case (false, false, true): .unrealizedSTProfit
                case (false, false, false): .unrealizedSTLoss
                case (false, true, true): .unrealizedLTProfit
                case (false, true, false): .unrealizedLTLoss
                }
            buckets[conid, default: [:]][bucket, default: 0] += amount
        }
        for event in trades {
            guard let instrument = ledger.universe[event.trade.conid] else { continue }
            for lot in ClosedLotRealization.split(event.trade, multiplier: Decimal(instrument.multiplier)) {
                book(
                    instrument.conid, inBase(lot.realized, instrument.currency), realized: true,
                    longTerm: isLongTerm(openedAt: lot.lot.openedAt, at: event.trade.time))
            }
        }
        let lastDay = ledger.days[days.upperBound]
        for (instrument, lots) in heldInstruments {
            guard let mark = ledger.close(instrument.conid, day: days.upperBound) else { continue }
            for lot in lots {
                let unrealized = lot.quantity * mark * Decimal(instrument.multiplier) - lot.basis
                book(
                    instrument.conid, inBase(unrealized, instrument.currency), realized: false,
                    longTerm: isLongTerm(openedAt: lot.openedAt, at: lastDay))
            }
        }
        let instruments = buckets.keys.compactMap { ledger.universe[$0] }.sorted {
            ContractAttributes.order($0) < ContractAttributes.order($1)
        }
        return instruments.map { instrument in
            let amounts = buckets[instrument.conid] ?? [:]
            func sum(_ chosen: [Bucket]) -> Decimal { chosen.reduce(Decimal(0)) { $0 + amounts[$1, default: 0] } }
            var row = accountAttributes
            row.add(ContractAttributes.of(instrument, clock: clock))
            row.add("reportDate", "")
            for bucket in Bucket.allCases.prefix(4) { row.add(bucket.rawValue, amounts[bucket, default: 0]) }
            let realized = sum([.realizedSTProfit, .realizedSTLoss, .realizedLTProfit, .realizedLTLoss])
            let unrealized = sum([.unrealizedSTProfit, .unrealizedSTLoss, .unrealizedLTProfit, .unrealizedLTLoss])
            row.add("totalRealizedPnl", realized)
            row.add("unrealizedProfit", sum([.unrealizedSTProfit, .unrealizedLTProfit]))
            row.add("unrealizedLoss", sum([.unrealizedSTLoss, .unrealizedLTLoss]))
            for bucket in Bucket.allCases.suffix(4) { row.add(bucket.rawValue, amounts[bucket, default: 0]) }
            row.add("totalUnrealizedPnl", unrealized)
            row.add("totalFifoPnl", realized + unrealized)
            row.add("costAdj", "0")
            return row
        }
    }
}
