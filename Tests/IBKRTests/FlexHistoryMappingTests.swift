import Foundation
import Portfolio
import Testing

@testable import IBKR

@Suite struct FlexHistoryMappingTests {
    private let mapping = FlexHistoryMapping()

    private func history(_ xml: String) throws -> AccountHistory {
        let statement = try #require(try FlexFixtures.parse(xml: xml).statements.first)
        return try #require(mapping.history(of: statement))
    }

    @Test func singleAccountHistoryIsHandChecked() throws {
        let response = try FlexFixtures.parse("statement-single-account.xml")
        let snapshot = mapping.snapshot(of: response, fetchedAt: Date(timeIntervalSince1970: 0))
        // whenGenerated 2026-10-31 03:15:42 in New York (EDT, UTC-4).
        #expect(snapshot.generatedAt == Date(timeIntervalSince1970: 1_793_430_942))
        let history = try #require(snapshot.accounts["U1234567"])
        #expect(history.baseCurrency == .usd)
        #expect(history.fromDate == flexDate(2026, 9, 1)?.startOfDayUTC)
        #expect(history.toDate == flexDate(2026, 10, 30)?.startOfDayUTC)

        #expect(history.nav.count == 43)
        #expect(history.nav.first?.date == Date(timeIntervalSince1970: 1_788_220_800))
        #expect(history.nav.first?.total == decimal("238428.78"))
        #expect(history.nav.last?.total == decimal("239392.68"))
        #expect(history.nav.map(\.date) == history.nav.map(\.date).sorted())

        // Executions only: 31 fills, not the 14 closed lots with them.
        #expect(history.trades.count == 31)
        let first = try #require(history.trades.first)
        #expect(first.id == "38000000087" && first.symbol == "EUR.USD" && first.assetClass == .forex)
        #expect(first.time == Date(timeIntervalSince1970: 1_788_425_456))
        #expect(first.side == .buy && first.quantity == 2000 && first.price == decimal("1.16105"))
        #expect(history.trades.map(\.time) == history.trades.map(\.time).sorted { ($0 ?? .distantPast) < ($1 ?? .distantPast) })

        // Six dividends (398.19 in their own currencies) and their six withholding taxes.
        #expect(history.dividends.count == 12)
        #expect(history.cashTransactions.count == 17)
        let dividends = history.cashTransactions.filter { $0.kind == .dividend }
        #expect(dividends.reduce(Decimal.zero) { $0 + $1.amount } == decimal("398.19"))
        let inBase = dividends.reduce(Decimal.zero) { $0 + $1.amount * ($1.fxRateToBase ?? .nan) }
        #expect(inBase == decimal("422.722716"))
        #expect(abs(inBase - (response.statements[0].changeInNAV?.dividends.orZero ?? 0)) < decimal("0.01"))
        let sap = try #require(dividends.first { $0.symbol == "SAP" })
        #expect(sap.currency == .eur && sap.amount == decimal("145.7") && sap.fxRateToBase == decimal("1.13548"))

        #expect(history.openLots.count == 28)
        #expect(history.openLots.first?.symbol == "AAPL" && history.openLots.first?.quantity == 125)
        #expect(history.openLots.reduce(Decimal.zero) { $0 + ($1.symbol == "AAPL" ? $1.quantity : 0) } == 175)

        // FIFO realized of the 31 executions × fxRateToBase; the FIFO summary (rounded per instrument) agrees.
        let realized = try #require(history.realizedYearToDate)
        #expect(realized == decimal("6493.27821990448"))
        let fifo = response.statements[0].fifoPerformanceSummary.reduce(Decimal.zero) { $0 + $1.totalRealizedPnl.orZero }
        #expect(abs(realized - fifo) < decimal("0.05"))
    }

    @Test func everyAccountOfAMultiAccountStatementGetsItsHistory() throws {
        let snapshot = mapping.snapshot(of: try FlexFixtures.parse("statement-multi-account.xml"), fetchedAt: .distantPast)
        #expect(snapshot.accounts.keys.sorted() == ["U1234567", "U5553173"])
        #expect(snapshot.accounts["U5553173"]?.baseCurrency == .eur)
        #expect(snapshot.accounts["U5553173"]?.trades.count == 25)
        #expect(snapshot.accounts["U5553173"]?.realizedYearToDate == decimal("613.75216532148"))
        #expect(snapshot.accounts["U1234567"]?.nav.last?.total == decimal("257129.66"))
    }

    @Test func oneLevelOfEachRowIsUsedAndRepeatsCountOnce() throws {
        let history = try history("""
            <FlexQueryResponse><FlexStatements count="1">
            <FlexStatement accountId="U1" fromDate="20260105" toDate="20260107" whenGenerated="20260108;031542">
            <AccountInformation accountId="U1" currency="USD" />
            <EquitySummaryInBase>
            <EquitySummaryByReportDateInBase reportDate="20260105" total="100" cash="10" />
            <EquitySummaryByReportDateInBase reportDate="20260106" total="101" />
            <EquitySummaryByReportDateInBase reportDate="20260106" total="102" />
            <EquitySummaryByReportDateInBase reportDate="" total="5" />
            </EquitySummaryInBase>
            <OpenPositions>
            <OpenPosition symbol="X" currency="USD" position="3" levelOfDetail="SUMMARY" />
            <OpenPosition symbol="X" currency="USD" position="1" levelOfDetail="LOT" openDateTime="20251201;100000" />
            <OpenPosition symbol="X" currency="USD" position="2" levelOfDetail="LOT" />
            </OpenPositions>
            <Trades>
            <Order symbol="X" currency="USD" quantity="3" tradePrice="10" levelOfDetail="ORDER" fifoPnlRealized="0" />
            <Trade symbol="X" currency="USD" quantity="1" tradePrice="10" transactionID="7" tradeDate="20260105" fifoPnlRealized="0" levelOfDetail="EXECUTION" />
            <Trade symbol="X" currency="USD" quantity="1" tradePrice="10" transactionID="7" tradeDate="20260105" fifoPnlRealized="0" levelOfDetail="EXECUTION" />
            <Trade symbol="X" currency="USD" quantity="-2" tradePrice="12" transactionID="8" tradeDate="20260106" fifoPnlRealized="3.5" levelOfDetail="EXECUTION" />
            <Lot symbol="X" currency="USD" quantity="-2" tradePrice="12" transactionID="2" fifoPnlRealized="3.5" levelOfDetail="CLOSED_LOT" />
            <SymbolSummary symbol="X" currency="USD" quantity="0" tradePrice="0" fifoPnlRealized="3.5" levelOfDetail="SYMBOL_SUMMARY" />
            </Trades>
            <CashTransactions>
            <CashTransaction type="Dividends" currency="USD" amount="4" dateTime="20260106;202000" levelOfDetail="DETAIL" transactionID="9" />
            <CashTransaction type="Dividends" currency="USD" amount="4" levelOfDetail="SUMMARY" />
            <CashTransaction type="Withholding Tax" currency="USD" amount="-0.6" dateTime="20260106;202000" levelOfDetail="DETAIL" transactionID="10" />
            </CashTransactions>
            </FlexStatement></FlexStatements></FlexQueryResponse>
            """)
        #expect(history.nav.map(\.total) == [100, 102])
        #expect(history.nav.first?.cash == 10)
        #expect(history.trades.map(\.id) == ["7", "8"])
        #expect(history.trades.last?.side == .sell)
        #expect(history.cashTransactions.map(\.amount) == [4, decimal("-0.6")])
        #expect(history.openLots.map(\.quantity) == [1, 2])
        #expect(history.realizedYearToDate == decimal("3.5"))
    }

    @Test func realizedYearToDateCountsOnlyTheYearOfToDate() throws {
        let history = try history("""
            <FlexQueryResponse><FlexStatements count="1">
            <FlexStatement accountId="U2" fromDate="20251215" toDate="20260109">
            <AccountInformation accountId="U2" currency="EUR" />
            <Trades>
            <Trade currency="EUR" quantity="-1" tradePrice="1" tradeDate="20251220" fifoPnlRealized="100" levelOfDetail="EXECUTION" transactionID="1" />
            <Trade currency="USD" fxRateToBase="0.8" quantity="-1" tradePrice="1" tradeDate="20260105" fifoPnlRealized="50" levelOfDetail="EXECUTION" transactionID="2" />
            <Trade currency="EUR" quantity="-1" tradePrice="1" tradeDate="20260106" fifoPnlRealized="-5.25" levelOfDetail="EXECUTION" transactionID="3" />
            </Trades>
            </FlexStatement></FlexStatements></FlexQueryResponse>
            """)
        #expect(history.realizedYearToDate == decimal("34.75"))
    }

    @Test func aMissingRateComesFromConversionRatesOrLeavesTheTotalUnknown() throws {
        let statement = """
            <FlexQueryResponse><FlexStatements count="1">
            <FlexStatement accountId="U3" fromDate="20260105" toDate="20260106">
            <AccountInformation accountId="U3" currency="USD" />
            <Trades>
            <Trade currency="EUR" quantity="-1" tradePrice="1" tradeDate="20260106" fifoPnlRealized="10" levelOfDetail="EXECUTION" transactionID="1" />
            <Trade currency="RUS" quantity="-1" tradePrice="1" tradeDate="20260106" fifoPnlRealized="RATES" levelOfDetail="EXECUTION" transactionID="2" />
            </Trades>
            <ConversionRates>
            <ConversionRate reportDate="20260105" fromCurrency="EUR" toCurrency="USD" rate="1.1" />
            <ConversionRate reportDate="20260106" fromCurrency="RUS" toCurrency="USD" rate="-1" />
            </ConversionRates>
            </FlexStatement></FlexStatements></FlexQueryResponse>
            """
        let withRate = try history(statement.replacingOccurrences(of: "fifoPnlRealized=\"RATES\"", with: "fifoPnlRealized=\"0\""))
        #expect(withRate.trades.first?.fxRateToBase == decimal("1.1"))
        #expect(withRate.trades.last?.fxRateToBase == nil)
        #expect(withRate.realizedYearToDate == 11)
        let withoutRate = try history(statement.replacingOccurrences(of: "fifoPnlRealized=\"RATES\"", with: "fifoPnlRealized=\"7\""))
        #expect(withoutRate.realizedYearToDate == nil)
    }

    @Test func theConsolidatedPseudoAccountIsLeftOut() throws {
        let response = try FlexFixtures.parse(xml: """
            <FlexQueryResponse><FlexStatements count="1"><FlexStatement accountId="-" /></FlexStatements></FlexQueryResponse>
            """)
        let snapshot = mapping.snapshot(of: response, fetchedAt: Date(timeIntervalSince1970: 42))
        #expect(snapshot.accounts.isEmpty)
        #expect(snapshot.generatedAt == Date(timeIntervalSince1970: 42))
    }
}
