import Foundation

/// What `ibdash flex parse FILE` shows: per statement, each section with its row count, the rows of each
/// level of detail, and everything the parser did not understand.
public struct FlexParseSummary: Sendable, Hashable, Encodable, CustomStringConvertible {
    public struct Statement: Sendable, Hashable, Encodable {
        public var accountId: String?
        public var baseCurrency: String?
        public var fromDate: FlexDate?
        public var toDate: FlexDate?
        public var whenGenerated: FlexDateTime?
        public var sections: [FlexSectionInfo]
        /// Rows per level of detail where IBKR writes several (Trades, OpenPositions, CashTransactions).
        public var levels: [Level]
        public var unknownElements: [String: Int]
        public var unknownAttributes: [String: Int]
        public var issueCount: Int
        public var issues: [FlexValueIssue]
        public var slashDates: FlexSlashDateReading?
    }

    public struct Level: Sendable, Hashable, Encodable {
        public var section: String
        public var level: String
        public var rows: Int
    }

    public var queryName: String?
    public var type: String?
    public var declaredStatementCount: Int?
    public var statements: [Statement]
    public var unknownElements: [String: Int]
    public var unknownAttributes: [String: Int]

    public init(_ response: FlexQueryResponse) {
        queryName = response.queryName
        type = response.type
        declaredStatementCount = response.declaredStatementCount
        unknownElements = response.unknownElements
        unknownAttributes = response.unknownAttributes
        statements = response.statements.map { statement in
            let levels: [(String, String, Int)] = [
                ("Trades", "EXECUTION", statement.trades.count), ("Trades", "CLOSED_LOT", statement.closedLots.count),
                ("Trades", "ORDER", statement.orders.count), ("Trades", "SYMBOL_SUMMARY", statement.symbolSummaries.count),
                ("Trades", "ASSET_SUMMARY", statement.assetSummaries.count), ("Trades", "other", statement.otherTradeRows.count),
                ("OpenPositions", "SUMMARY", statement.openPositions.count), ("OpenPositions", "LOT", statement.openLots.count),
                ("CashTransactions", "DETAIL", statement.cashTransactions.count),
                ("CashTransactions", "SUMMARY", statement.cashTransactionSummaries.count),
            ]
            return Statement(
                accountId: statement.accountId, baseCurrency: statement.baseCurrency, fromDate: statement.fromDate,
                toDate: statement.toDate, whenGenerated: statement.whenGenerated, sections: statement.sections,
                levels: levels.filter { $0.2 > 0 }.map { Level(section: $0.0, level: $0.1, rows: $0.2) },
                unknownElements: statement.unknownElements, unknownAttributes: statement.unknownAttributes,
                issueCount: statement.issueCount, issues: statement.issues, slashDates: statement.slashDates)
        }
    }

    public var description: String {
        var lines: [String] = []
        let name = queryName.map { "\"\($0)\"" } ?? "(no query name)"
        let count = statements.count == 1 ? "1 statement" : "\(statements.count) statements"
        lines.append("Flex query \(name) (\(type ?? "?")): \(count)")
        if let declaredStatementCount, declaredStatementCount != statements.count {
            lines.append("  warning: FlexStatements count=\(declaredStatementCount), but \(statements.count) found")
        }
        lines += Self.unknownLines(unknownElements, unknownAttributes, indent: "  ")
        for statement in statements {
            lines.append("")
            var header = "\(statement.accountId ?? "(no account)")  base \(statement.baseCurrency ?? "?")"
            header += "  \(statement.fromDate?.description ?? "?") to \(statement.toDate?.description ?? "?")"
            if let generated = statement.whenGenerated { header += "  generated \(generated)" }
            lines.append(header)
            let width = max(24, statement.sections.map(\.name.count).max() ?? 0)
            for section in statement.sections {
                var line = "  " + section.name.padding(toLength: width, withPad: " ", startingAt: 0)
                line += String(repeating: " ", count: max(0, 7 - String(section.rows).count)) + String(section.rows)
                if section.status != .parsed { line += "  " + section.status.rawValue }
                let levels = statement.levels.filter { $0.section == section.name }
                if levels.count > 1 || levels.first.map({ $0.rows != section.rows }) == true {
                    line += "  (" + levels.map { "\($0.rows) \($0.level)" }.joined(separator: ", ") + ")"
                }
                lines.append(line)
            }
            if let slash = statement.slashDates {
                lines.append("  slash dates read \(slash.order == .dayFirst ? "dd/MM" : "MM/dd") (\(slash.basis.rawValue))")
            }
            lines += Self.unknownLines(statement.unknownElements, statement.unknownAttributes, indent: "  ")
            if statement.issueCount > 0 {
                lines.append("  \(statement.issueCount) value(s) could not be read:")
                lines += statement.issues.prefix(10).map { "    \($0)" }
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func unknownLines(_ elements: [String: Int], _ attributes: [String: Int], indent: String) -> [String] {
        elements.sorted { $0.key < $1.key }.map { "\(indent)unknown element \($0.key) ×\($0.value)" }
            + attributes.sorted { $0.key < $1.key }.map { "\(indent)unknown attribute \($0.key) ×\($0.value)" }
    }
}
