import Foundation

/// Cash by currency, cash transactions and exchange rates (reference §7.4, 7.7, 7.9).
extension AccountStatement {
    func cashReportRows(_ cash: CashReport) -> [StatementRow] {
        var rows = [cashReportRow("BASE_SUMMARY", level: "BaseCurrency", cash.base)]
        for (currency, amounts) in cash.currencies { rows.append(cashReportRow(currency, level: "Currency", amounts)) }
        return rows
    }

    private func cashReportRow(_ currency: String, level: String, _ amounts: [CashColumn: Decimal]) -> StatementRow {
        var row = accountAttributes
        row.add("currency", currency)
        row.add("fromDate", clock.date(period.fromDate))
        row.add("toDate", clock.date(period.toDate))
        row.add("levelOfDetail", level)
        for column in CashColumn.allCases { row.add(column.rawValue, amounts[column, default: 0]) }
        row.add("endingSettledCash", amounts[.endingCash, default: 0])
        return row
    }

    func cashTransactionRows() -> [StatementRow] {
        entries.map { event in
            let entry = event.entry
            var row = currencyAttributes(entry.currency)
            if let conid = entry.conid, let instrument = ledger.universe[conid] {
                row.add(ContractAttributes.of(instrument, clock: clock))
            }
            let reported = clock.date(ledger.days[event.day])
            row.set("description", entry.description)
            row.add("dateTime", clock.dateTime(entry.date))
            row.add("settleDate", reported)
            row.add("reportDate", reported)
            row.add("amount", entry.amount)
            row.add("type", entry.kind.rawValue)
            row.add("transactionID", entry.transactionID)
            row.add("code", "")
            row.add("levelOfDetail", "DETAIL")
            return row
        }
    }

    /// One rate per other currency and day: the base currency's value of one unit.
    func conversionRateRows() -> [StatementRow] {
        let others = ["EUR", "USD"].filter { $0 != account.baseCurrency }
        return days.flatMap { day in
            others.map { currency in
                var row = StatementRow()
                row.add("reportDate", clock.date(ledger.days[day]))
                row.add("fromCurrency", currency)
                row.add("toCurrency", account.baseCurrency)
                row.add("rate", ledger.fx.rate(currency, base: account.baseCurrency))
                return row
            }
        }
    }
}
