import Foundation

/// A whole Activity Flex statement: `FlexQueryResponse` with one `FlexStatement` per account (reference §6).
enum FlexStatementDocument {
    static func render(ledger: FlexLedger, query: FlexQuery, period: StatementPeriod, generatedAt: Date) -> String {
        let clock = StatementClock(
            dateFormat: query.dateFormat, timeFormat: query.timeFormat, separator: query.dateTimeSeparator,
            zone: ledger.calendar.newYork)
        var writer = StatementWriter()
        var response = StatementRow()
        response.add("queryName", query.name)
        response.add("type", "AF")
        writer.open("FlexQueryResponse", response)
        var statements = StatementRow()
        statements.add("count", ledger.accounts.count)
        writer.open("FlexStatements", statements)
        for account in ledger.accounts {
            AccountStatement(account: account, ledger: ledger, period: period, clock: clock)
                .write(into: &writer, generatedAt: generatedAt)
        }
        writer.close("FlexStatements")
        writer.close("FlexQueryResponse")
        return writer.text
    }
}
