import Foundation
import Testing

@testable import IBKR

/// Statements made by generate_statement.py parse to exactly the rows it wrote, in every date layout.
@Suite struct FlexGeneratorTests {
    @Test func everyRowTheGeneratorWroteIsRead() throws {
        let data = try FlexFixtures.generate([
            "--accounts", "3", "--days", "12", "--trades", "60", "--positions", "7", "--seed", "5", "--profile", "full",
            "--lots", "--closed-lots",
        ])
        let response = try FlexStatementParser().parse(data)
        let statements = response.statements
        func total(_ rows: (FlexStatement) -> Int) -> Int { statements.reduce(0) { $0 + rows($1) } }

        #expect(statements.count == FlexFixtures.count(element: "FlexStatement", in: data))
        #expect(statements.count == 3)
        #expect(total { $0.trades.count } == FlexFixtures.count(element: "Trade", in: data))
        #expect(total { $0.closedLots.count } == FlexFixtures.count(element: "Lot", in: data))
        #expect(total { $0.openPositions.count + $0.openLots.count } == FlexFixtures.count(element: "OpenPosition", in: data))
        #expect(total { $0.equitySummary.count } == FlexFixtures.count(element: "EquitySummaryByReportDateInBase", in: data))
        #expect(total { $0.cashTransactions.count } == FlexFixtures.count(element: "CashTransaction", in: data))
        #expect(total { $0.conversionRates.count } == FlexFixtures.count(element: "ConversionRate", in: data))
        #expect(total { $0.corporateActions.count } == FlexFixtures.count(element: "CorporateAction", in: data))
        #expect(total { $0.cashReport.count } == FlexFixtures.count(element: "CashReportCurrency", in: data))
        #expect(total { $0.mtmPerformanceSummary.count } == FlexFixtures.count(element: "MTMPerformanceSummaryUnderlying", in: data))
        #expect(total { $0.fifoPerformanceSummary.count } == FlexFixtures.count(element: "FIFOPerformanceSummaryUnderlying", in: data))
        #expect(total { $0.accountInformation == nil ? 0 : 1 } == FlexFixtures.count(element: "AccountInformation", in: data))
        #expect(total { $0.openLots.count } == lines(starting: "<OpenPosition ", containing: #"levelOfDetail="LOT""#, in: data))
        #expect(total { $0.trades.count } == 3 * 60)
        #expect(statements.map(\.equitySummary.count) == [12, 12, 12])
        #expect(statements.map(\.baseCurrency) == ["USD", "EUR", "USD"])
        #expect(statements.allSatisfy { $0.unknownAttributes.isEmpty && $0.unknownElements.isEmpty && $0.issueCount == 0 })
        for statement in statements { FlexIdentities.check(statement) }
    }

    @Test(arguments: [
        ("yyyyMMdd", "HHmmss", ";"), ("yyyy-MM-dd", "HH:mm:ss", ";"), ("MM/dd/yyyy", "HH:mm:ss", ","),
        ("MM/dd/yy", "HHmmss", " "), ("dd/MM/yyyy", "HH:mm:ss", ";"), ("dd/MM/yy", "HHmmss", ","),
        ("dd-MMM-yy", "HH:mm:ss", " "),
    ])
    func everyDateLayoutReadsTheSameDays(format: String, time: String, separator: String) throws {
        let data = try FlexFixtures.generate([
            "--accounts", "1", "--days", "8", "--trades", "25", "--positions", "5", "--seed", "9",
            "--date-format", format, "--time-format", time, "--separator", separator, "--closed-lots",
        ])
        let statement = try #require(try FlexStatementParser().parse(data).statements.first)
        #expect(statement.issueCount == 0, "\(statement.issues.first?.description ?? "")")
        // Eight business days ending Friday 30 October 2026 start on Wednesday the 21st.
        #expect(statement.fromDate == flexDate(2026, 10, 21))
        #expect(statement.toDate == flexDate(2026, 10, 30))
        #expect(statement.equitySummary.first?.reportDate == flexDate(2026, 10, 21))
        #expect(statement.whenGenerated?.description == "2026-10-31 03:15:42")
        #expect(statement.trades.count == 25)
        #expect(statement.trades.allSatisfy { $0.dateTime?.secondsOfDay != nil && $0.dateTime?.date == $0.tradeDate })
        if format.hasPrefix("dd/") || format.hasPrefix("MM/") {
            #expect(statement.slashDates == FlexSlashDateReading(order: format.hasPrefix("dd") ? .dayFirst : .monthFirst, basis: .detected))
        } else {
            #expect(statement.slashDates == nil)
        }
    }

    private func lines(starting prefix: String, containing text: String, in data: Data) -> Int {
        String(decoding: data, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix(prefix) && $0.contains(text) }.count
    }
}
