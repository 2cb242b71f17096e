import Foundation
import Testing

@testable import IBSimulator

/// The statements' content: well-formed, one per account, the gateway's positions and trades, and the
/// identities of reference §7 as verify_statement.py checks them. One test at a time: each builds months of
/// history and runs Python, and side by side they starve the session tests' 200 ms windows on two cores.
@Suite(.serialized) struct FlexStatementTests {
    private static func configure(_ configuration: inout SimulatorConfiguration) {
        configuration.historyDays = 130
    }

    @Test func oneStatementPerAccountWithItsBaseCurrency() async throws {
        try await SimulatorHarness.withFlex(configuring: Self.configure) { harness, clock async throws in
            let xml = try FlexXML(try await harness.fetchStatement(clock: clock))
            let ids = await harness.accountIDs()
            #expect(xml.all("FlexStatements").first?["count"] == String(ids.count))
            #expect(xml.all("FlexStatement").map { $0["accountId"] } == ids)
            let currencies = xml.all("AccountInformation").map { $0["currency"] ?? "" }
            #expect(currencies == ["USD", "EUR", "USD"])
            for (index, currency) in currencies.enumerated() {
                #expect(xml.all("EquitySummaryByReportDateInBase", in: index).allSatisfy { $0["currency"] == currency })
                #expect(xml.all("ConversionRate", in: index).allSatisfy { $0["toCurrency"] == currency })
            }
            #expect(xml.all("FlexStatement").allSatisfy { $0["period"] == "Last365CalendarDays" })
        }
    }

    @Test func openPositionsAreTheGatewayPositions() async throws {
        try await SimulatorHarness.withFlex(configuring: Self.configure) { harness, clock async throws in
            let xml = try FlexXML(try await harness.fetchStatement(clock: clock))
            try await harness.openSession()
            for (index, id) in await harness.accountIDs().enumerated() {
                let rows = try #require(try await harness.get("/portfolio/\(id)/positions/0").json().array)
                var gateway: [String: (Decimal?, Decimal?)] = [:]
                for row in rows { gateway[row["conid"]?.numberLiteral ?? ""] = (row["position"]?.decimal, row["avgPrice"]?.decimal) }
                let summaries = xml.all("OpenPosition", in: index).filter { $0["levelOfDetail"] == "SUMMARY" }
                #expect(summaries.count == gateway.count)
                for summary in summaries {
                    let conid = summary["conid"] ?? ""
                    #expect(gateway[conid]?.0 == summary.decimal("position"), "\(id) \(conid) position")
                    #expect(gateway[conid]?.1 == summary.decimal("costBasisPrice"), "\(id) \(conid) average price")
                }
                let lots = xml.all("OpenPosition", in: index).filter { $0["levelOfDetail"] == "LOT" }
                for summary in summaries {
                    let lotQuantity = lots.filter { $0["conid"] == summary["conid"] }.compactMap { $0.decimal("position") }
                    #expect(lotQuantity.reduce(0, +) == summary.decimal("position"))
                }
            }
        }
    }

    @Test func theLastNAVIsTheGatewaysPriorDayEquity() async throws {
        try await SimulatorHarness.withFlex(configuring: Self.configure) { harness, clock async throws in
            let xml = try FlexXML(try await harness.fetchStatement(clock: clock))
            try await harness.openSession()
            for (index, id) in await harness.accountIDs().enumerated() {
                let summary = try await harness.get("/portfolio/\(id)/summary").json()
                let last = xml.all("EquitySummaryByReportDateInBase", in: index).last
                #expect(summary["previousdayequitywithloanvalue"]?["amount"]?.decimal == last?.decimal("total"))
            }
        }
    }

    @Test func identitiesHoldForEveryQueryAndOverride() async throws {
        try await SimulatorHarness.withFlex(configuring: Self.configure) { harness, clock async throws in
            let calendar = TradingCalendar()
            let days = calendar.businessDays(before: calendar.tradingDay(of: Date()), count: 40)
            let from = calendar.yyyymmdd(try #require(days.first))
            let to = calendar.yyyymmdd(try #require(days.dropLast(10).last))
            let requests: [(String, [(String, String)])] = [
                ("100001", []), ("100002", []), ("100001", [("fd", from), ("td", to)]), ("100002", [("p", "90")]),
            ]
            for (query, extra) in requests {
                let statement = try await harness.fetchStatement(clock: clock, query: query, extra: extra)
                _ = try FlexXML(statement)
                let outcome = try await StatementVerifier.verify(statement)
                #expect(outcome.status == 0, "\(query) \(extra): \(outcome.output)")
                #expect(outcome.output.contains("3 statement(s)"))
                #expect(!outcome.output.contains("FAIL"))
            }
        }
    }

    @Test func overridesSetThePeriodAndLeaveItUnnamed() async throws {
        try await SimulatorHarness.withFlex(configuring: Self.configure) { harness, clock async throws in
            let calendar = TradingCalendar()
            let days = calendar.businessDays(before: calendar.tradingDay(of: Date()), count: 20)
            let from = try #require(days.first)
            let to = try #require(days.last)
            let statement = try await harness.fetchStatement(
                clock: clock, extra: [("fd", calendar.yyyymmdd(from)), ("td", calendar.yyyymmdd(to))])
            let xml = try FlexXML(statement)
            for header in xml.all("FlexStatement") {
                #expect(header["period"] == "")
                #expect(header["fromDate"] == calendar.yyyymmdd(from))
                #expect(header["toDate"] == calendar.yyyymmdd(to))
            }
            #expect(xml.all("EquitySummaryByReportDateInBase", in: 0).count == 20)
        }
    }

    @Test func theISOQueryWritesDashedDatesAndColonTimes() async throws {
        try await SimulatorHarness.withFlex(configuring: Self.configure) { harness, clock async throws in
            let xml = try FlexXML(try await harness.fetchStatement(clock: clock, query: "100002"))
            let date = #/^\d{4}-\d{2}-\d{2}$/#
            let dateTime = #/^\d{4}-\d{2}-\d{2};\d{2}:\d{2}:\d{2}$/#
            let reportDates = xml.all("EquitySummaryByReportDateInBase").compactMap { $0["reportDate"] }
            #expect(!reportDates.isEmpty)
            #expect(reportDates.allSatisfy { $0.wholeMatch(of: date) != nil })
            let times = xml.all("CashTransaction").compactMap { $0["dateTime"] } + xml.all("Trade").compactMap { $0["dateTime"] }
            #expect(times.allSatisfy { $0.wholeMatch(of: dateTime) != nil })
            #expect(xml.all("FlexStatement").allSatisfy { $0["whenGenerated"]?.wholeMatch(of: dateTime) != nil })
            // Thirty calendar days: about 21 business days, with positions and cash open at the start.
            let rows = xml.all("EquitySummaryByReportDateInBase", in: 0).count
            #expect((19...23).contains(rows))
            let change = try #require(xml.all("ChangeInNAV", in: 0).first)
            #expect(change.decimal("startingValue").map { $0 > 0 } == true)
        }
    }

    /// Built without HTTP from an engine on a fixed clock, so that its trades and a day's close are in reach.
    @Test func tradesAreTheTradeHistoryAndALiveDayCloses() async throws {
        var configuration = SimulatorHarness.testConfiguration()
        configuration.historyDays = 130
        configuration.switches.dailyReset = nil
        // A Wednesday, 10:00 in New York.
        let start = try #require(ISO8601DateFormatter().date(from: "2026-11-18T15:00:00Z"))
        let engine = GatewayEngine(configuration: configuration, now: start)
        let orderID = try await engine.placeOrder(account: nil, at: start)
        _ = try await engine.fillOrder(id: orderID, at: start.addingTimeInterval(60))
        let nextDay = start.addingTimeInterval(86_400)
        let ledger = await engine.flexLedger(at: nextDay)
        let query = FlexQuery.dashboard(id: "1")
        let period = try StatementPeriod.resolve(query: query, parameters: [:], ledger: ledger)
        #expect(ledger.days[period.days.upperBound] == TradingCalendar().tradingDay(of: start))
        let statement = FlexStatementDocument.render(ledger: ledger, query: query, period: period, generatedAt: nextDay)
        let xml = try FlexXML(statement)
        let outcome = try await StatementVerifier.verify(statement)
        #expect(outcome.status == 0, "\(outcome.output)")
        let market = await engine.market
        for (index, account) in ledger.accounts.enumerated() {
            let history = account.trades.filter { ledger.dayIndex(of: $0.time).map(period.days.contains) == true }
            let rows = xml.all("Trade", in: index)
            #expect(rows.map { $0["tradeID"] ?? "" } == history.map(\.tradeID))
            #expect(rows.map { $0.decimal("quantity") } == history.map(\.quantity))
            #expect(rows.map { $0.decimal("tradePrice") } == history.map(\.price))
            #expect(rows.map { $0.decimal("fifoPnlRealized") } == history.map(\.realizedPnl))
            let closing = rows.filter { $0["openCloseIndicator"] == "C" }
            #expect(xml.all("Lot", in: index).count >= closing.count)
            let positions = await engine.valuation(of: account).positions
            let summaries = xml.all("OpenPosition", in: index).filter { $0["levelOfDetail"] == "SUMMARY" }
            #expect(summaries.count == positions.count)
            for position in positions {
                let row = summaries.first { $0["conid"] == String(position.instrument.conid) }
                #expect(row?.decimal("position") == position.quantity)
                #expect(row?.decimal("costBasisPrice") == position.averagePrice)
                #expect(row?.decimal("markPrice") == market.priorClose[position.instrument.conid])
            }
        }
        let filled = ledger.accounts.flatMap(\.trades).filter { $0.orderID == orderID }
        #expect(!filled.isEmpty)
        #expect(filled.allSatisfy { trade in xml.all("Trade").contains { $0["tradeID"] == trade.tradeID } })
    }

    @Test func cashTransactionsCoverDividendsTaxDepositsAndInterest() async throws {
        var configuration = SimulatorHarness.testConfiguration()
        configuration.historyDays = 200
        let ledger = await GatewayEngine(configuration: configuration).flexLedger(at: Date())
        let query = FlexQuery.dashboard(id: "1")
        let period = try StatementPeriod.resolve(query: query, parameters: [:], ledger: ledger)
        let xml = try FlexXML(FlexStatementDocument.render(ledger: ledger, query: query, period: period, generatedAt: Date()))
        let types = Set(xml.all("CashTransaction").compactMap { $0["type"] })
        #expect(types == ["Dividends", "Withholding Tax", "Deposits/Withdrawals", "Broker Interest Received"])
        let dividends = xml.all("CashTransaction").filter { $0["type"] == "Dividends" }
        #expect(dividends.allSatisfy { $0["conid"] != nil && $0["description"]?.contains("CASH DIVIDEND") == true })
        #expect(xml.all("CashReportCurrency").contains { $0["currency"] == "BASE_SUMMARY" })
        #expect(!xml.all("FIFOPerformanceSummaryUnderlying").isEmpty)
        #expect(xml.all("FIFOPerformanceSummaryUnderlying").contains { $0.decimal("totalRealizedPnl") != 0 })
    }
}
