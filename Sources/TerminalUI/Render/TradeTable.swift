import Portfolio

/// Past trades from the Flex statement, newest first as given.
enum TradeTable {
    static func lines(_ trades: [Trade], showAccount: Bool, painter: Painter, width: Int) -> [TextLine] {
        var headings: [DetailTable.Heading] = [.init("  Date", 12, .left)]
        if showAccount { headings.append(.init("Account", 9, .left)) }
        headings += [
            .init("Side", 4, .left), .init("Qty", 9), .init("Symbol", 8, .left), .init("Price", 10),
            .init("Realized", 12), .init("Proceeds", 13), .init("Comm", 8), .init("Ccy", 3, .left),
            .init("Description", 24, .left),
        ]
        let rows: [[Span]] = trades.map { trade in
            var row = [Span("  " + (trade.time.map(painter.clock.day) ?? "—"), .muted)]
            if showAccount { row.append(Span(trade.account.rawValue.sanitized, .muted)) }
            row += [
                Span(OrderText.side(trade.side), trade.side == .buy ? .gain : trade.side == .sell ? .loss : .foreground),
                // The side says the direction; a signed quantity beside it would read `SELL -98`.
                painter.quantity(trade.quantity.magnitude), Span(Self.underlying(trade.symbol), .accent), Span(NumberText.price(trade.price)),
                painter.change(trade.realizedPnl), painter.amount(trade.proceeds), painter.amount(trade.commission),
                Span(trade.currency.code.sanitized, .muted), Span(trade.description.sanitized, .muted),
            ]
            return row
        }
        return DetailTable(headings: headings, rows: rows).lines(width: width)
    }

    /// An option's local symbol (`MSFT  270416P00380000`) cut to its first word: the description column has the
    /// rest, and cut to the column's width it would read `MSFT  2…`.
    static func underlying(_ symbol: String) -> String {
        String(symbol.sanitized.split(separator: " ").first ?? "")
    }
}
