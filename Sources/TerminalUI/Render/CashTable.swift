import Portfolio

/// Dividends, withholding, interest, fees, deposits and withdrawals from the Flex statement.
enum CashTable {
    static func kind(_ kind: CashTransaction.Kind) -> String {
        switch kind {
        case .dividend: "Dividend"
        case .paymentInLieu: "In lieu"
        case .withholdingTax: "Withholding"
        case .interest: "Interest"
        case .fee: "Fee"
        case .depositWithdrawal: "Deposit/wd"
        case .other(let name): name.sanitized
        }
    }

    static func lines(_ transactions: [CashTransaction], showAccount: Bool, painter: Painter, width: Int) -> [TextLine] {
        var headings: [DetailTable.Heading] = [.init("  Date", 12, .left)]
        if showAccount { headings.append(.init("Account", 9, .left)) }
        headings += [.init("Type", 11, .left), .init("Amount", 13), .init("Ccy", 3, .left), .init("Symbol", 8, .left), .init("Description", 30, .left)]
        let rows: [[Span]] = transactions.map { transaction in
            var row = [Span("  " + (transaction.date.map(ClockText.reportDay) ?? "—"), .muted)]
            if showAccount { row.append(Span(transaction.account.rawValue.sanitized, .muted)) }
            row += [
                Span(kind(transaction.kind)), painter.change(transaction.amount), Span(transaction.currency.code.sanitized, .muted),
                Span((transaction.symbol ?? "").sanitized, .accent), Span(transaction.description.sanitized, .muted),
            ]
            return row
        }
        return DetailTable(headings: headings, rows: rows).lines(width: width)
    }
}
