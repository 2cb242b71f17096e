import Foundation

/// `ibdash snapshot` as plain text for people: the connection, all accounts together, then each account with the
/// age and freshness of every dataset, its headline numbers, its positions and its orders. Unknown values read
/// `n/a`, never 0.
struct SnapshotTextReport {
    var document: SnapshotDocument
    /// For the time of the report.
    var timeZone: TimeZone

    static let unknown = "n/a"

    func rendered() -> String {
        var lines = header()
        if let consolidated = document.consolidated {
            lines.append("")
            lines += consolidatedSection(consolidated)
        }
        for account in document.accounts {
            lines.append("")
            lines += accountSection(account)
        }
        if document.accounts.isEmpty {
            lines += ["", "No accounts yet."]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func header() -> [String] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss xxx"
        let origin =
            switch document.source {
            case .dashboard: "from the running dashboard"
            case .gateway: "fetched from the gateway (no dashboard running)"
            }
        let connection = document.connection
        var gateway = "Gateway \(connection.gateway): \(connection.session.state.words)"
        if let message = connection.sessionMessage { gateway += " (\(message))" }
        if connection.demo { gateway += ", demo data" }
        if connection.tlsInsecure { gateway += ", TLS certificate checks OFF" }
        return ["ibdash snapshot \(formatter.string(from: document.generatedAt)), \(origin)", gateway]
    }

    private func consolidatedSection(_ consolidated: SnapshotConsolidated) -> [String] {
        var lines = ["All accounts in \(consolidated.summary.currency) (\(consolidated.accounts.joined(separator: ", ")))"]
        lines += summaryLines(consolidated.summary)
        if !consolidated.missingRates.isEmpty {
            lines.append("  Left out for want of an exchange rate: \(consolidated.missingRates.joined(separator: ", "))")
        }
        return lines
    }

    private func accountSection(_ account: SnapshotAccount) -> [String] {
        var title = "\(account.id)  \(account.name)  \(account.baseCurrency)  \(account.type)"
        if account.paper { title += "  paper" }
        var lines = [title]
        let datasets = account.datasets.all
        lines.append("  Data: " + datasets.map { "\($0.name) \(Self.freshnessText($0.age))" }.joined(separator: ", "))
        for (name, age) in datasets {
            if let error = age.error { lines.append("  Error in \(name): \(error)") }
        }
        lines += summaryLines(account.summary)
        lines += positionLines(account)
        lines += orderLines(account)
        return lines
    }

    /// `● live 4s`, `○ stale 2m 5s`, `○ missing`, `✕ error`.
    static func freshnessText(_ age: DatasetAge) -> String {
        ([age.freshness.glyph, age.freshness.rawValue] + (age.ageText.map { [$0] } ?? [])).joined(separator: " ")
    }

    private func summaryLines(_ summary: SnapshotTotals) -> [String] {
        func amount(_ value: Decimal?) -> String { value.map { AmountText.grouped($0, places: 2) } ?? Self.unknown }
        func change(_ value: Decimal?) -> String { value.map { AmountText.signed($0, places: 2) } ?? Self.unknown }
        var table = TextTable([("", .left), ("", .right)])
        table.rows = [
            ["Net liquidation", amount(summary.netLiquidation)],
            ["Cash", amount(summary.cash)],
            ["Excess liquidity", amount(summary.excessLiquidity)],
            ["Cushion", summary.cushion.map { AmountText.percent($0 * 100) } ?? Self.unknown],
            ["Day P&L", change(summary.dailyPnl)],
            ["Unrealized P&L", change(summary.unrealizedPnl)],
            ["Realized today", change(summary.realizedToday)],
            ["Realized YTD", change(summary.realizedYearToDate)],
        ]
        return Array(table.lines(indent: "  ").dropFirst())
    }

    private func positionLines(_ account: SnapshotAccount) -> [String] {
        guard !account.positions.isEmpty else { return ["  Positions: \(Self.emptyWords(account.datasets.positions))"] }
        var table = TextTable([
            ("Contract", .left), ("Class", .left), ("Quantity", .right), ("Price", .right), ("Market value", .right),
            ("Currency", .left), ("Unrealized P&L", .right), ("Weight", .right),
        ])
        table.rows = account.positions.map { position in
            [
                Self.contract(position), position.assetClass, Self.quantity(position.quantity),
                position.marketPrice.map(AmountText.price) ?? Self.unknown,
                position.marketValue.map { AmountText.grouped($0, places: 2) } ?? Self.unknown, position.currency,
                position.unrealizedPnl.map { AmountText.signed($0, places: 2) } ?? Self.unknown,
                position.weightPercent.map(AmountText.percent) ?? Self.unknown,
            ]
        }
        return ["  Positions (\(account.positions.count))"] + table.lines(indent: "    ")
    }

    private func orderLines(_ account: SnapshotAccount) -> [String] {
        guard !account.orders.isEmpty else { return ["  Orders: \(Self.emptyWords(account.datasets.orders))"] }
        var table = TextTable([
            ("Id", .right), ("Side", .left), ("Quantity", .right), ("Symbol", .left), ("Type", .left),
            ("Limit", .right), ("Stop", .right), ("Filled", .right), ("Status", .left), ("TIF", .left),
        ])
        table.rows = account.orders.map { order in
            [
                "\(order.id)", order.side, Self.quantity(order.quantity), order.symbol, order.type,
                order.limitPrice.map(AmountText.price) ?? "", order.stopPrice.map(AmountText.price) ?? "",
                Self.quantity(order.filled), order.status, order.timeInForce,
            ]
        }
        return ["  Orders (\(account.orders.count))"] + table.lines(indent: "    ")
    }

    /// The symbol of a stock; for anything else IBKR's description without its bracketed local symbol
    /// (`AAPL APR2027 175 P`), since two options on one underlying share its symbol.
    private static func contract(_ position: SnapshotPosition) -> String {
        guard position.assetClass != "STK", !position.description.isEmpty else { return position.symbol }
        let cut = position.description.range(of: " [").map { position.description[..<$0.lowerBound] }
        return String(cut ?? position.description[...])
    }

    /// Why a list is empty: there is nothing, or nothing has been fetched.
    private static func emptyWords(_ age: DatasetAge) -> String {
        switch age.freshness {
        case .missing: "not fetched yet"
        case .error: "not available"
        case .live, .aging, .stale: "none"
        }
    }

    private static func quantity(_ value: Decimal?) -> String {
        value.map { "\($0)" } ?? unknown
    }
}
