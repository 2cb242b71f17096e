import Foundation
import Testing

@testable import IBKR
import Portfolio

/// statement-edge-cases.xml: every quirk reference §11 lists for it.
@Suite struct FlexEdgeCaseTests {
    private let response: FlexQueryResponse
    private let statement: FlexStatement

    init() throws {
        response = try FlexFixtures.parse("statement-edge-cases.xml")
        statement = try #require(response.statements.first)
    }

    @Test func entitiesAreDecodedAndNonASCIIKept() {
        #expect(response.queryName == "Edge & Variants")
        #expect(statement.accountInformation?.acctAlias == "Depot \"Süd\"")
        #expect(statement.accountInformation?.name == "Jörg Müller-Lüdenscheidt")
        #expect(statement.accountInformation?.city == "Düsseldorf")
        #expect(statement.accountInformation?.street == "Königsallee 1")
        #expect(statement.accountInformation?.accountCapabilities == "Margin,IBPrime")
    }

    @Test func dayFirstSlashDatesAreDetectedFromTheStatement() {
        #expect(statement.slashDates == FlexSlashDateReading(order: .dayFirst, basis: .detected))
        #expect(statement.fromDate == flexDate(2026, 10, 1))
        #expect(statement.toDate == flexDate(2026, 10, 30))
        #expect(statement.accountInformation?.dateOpened == flexDate(2021, 3, 15))
        #expect(statement.equitySummary.map(\.reportDate) == [flexDate(2026, 10, 29), flexDate(2026, 10, 30)])
        #expect(statement.trades.first?.settleDateTarget == flexDate(2026, 10, 7))
        #expect(statement.issueCount == 0)
    }

    @Test func forcingTheOrderOverridesDetection() throws {
        let forced = try #require(try FlexFixtures.parse("statement-edge-cases.xml", options: .init(dayMonthOrder: .monthFirst)).statements.first)
        #expect(forced.slashDates == FlexSlashDateReading(order: .monthFirst, basis: .forced))
        #expect(forced.fromDate == flexDate(2026, 1, 10))
        // 30/10/2026 read month first is no date at all: recorded, not guessed.
        #expect(forced.toDate == nil)
        #expect(forced.issues.first?.attribute == "toDate")
        #expect(forced.issues.first?.value == "30/10/2026")
        #expect(forced.issues.first?.line == 3)
    }

    @Test func timeZoneSuffixesAreKept() throws {
        let generated = try #require(statement.whenGenerated)
        #expect(generated.description == "2026-10-31 03:15:42 EDT")
        #expect(generated.instant(defaultTimeZone: .utc) == Date(timeIntervalSince1970: 1_793_430_942))
        #expect(statement.openLots.first?.openDateTime?.zone == "EST")
        #expect(statement.trades.last?.dateTime?.description == "2026-10-05 04:12:14 EDT")
    }

    @Test func thousandsSeparatorsAreAccepted() {
        let summary = statement.cashReport.first { $0.currency == "BASE_SUMMARY" }
        #expect(summary?.startingCash == FlexDecimal("2500"))
        #expect(summary?.startingCash?.description == "2500.00")
        #expect(summary?.netTradesPurchases == FlexDecimal("-1190"))
        #expect(summary?.levelOfDetail == "BaseCurrency")
    }

    @Test func tradesRowsAreKeptApartByLevel() {
        #expect(statement.trades.count == 2)
        #expect(statement.orders.count == 1)
        #expect(statement.symbolSummaries.count == 1)
        #expect(statement.orders.first?.orderType == "LMT;MKT")
        #expect(statement.orders.first?.quantity == FlexDecimal("5"))
        #expect(statement.trades.first?.notes == "P;IA")
        #expect(statement.trades.first?.noteCodes == ["P", "IA"])
        let summary = statement.symbolSummaries.first
        #expect(summary?.dateTime == nil && summary?.tradeDate == nil && summary?.reportDate == nil)
        #expect(summary?.netCash == FlexDecimal("-1192.5"))
    }

    @Test func positionSummaryAndLotsAreKeptApart() {
        #expect(statement.openPositions.count == 1)
        #expect(statement.openLots.count == 2)
        #expect(statement.openPositions.first?.openDateTime == nil)
        #expect(statement.openLots.reduce(Decimal.zero) { $0 + $1.position.orZero } == statement.openPositions.first?.position.orZero)
    }

    @Test func emptySectionsInBothFormsAndUnknownsAreCounted() {
        let sections = statement.sections.map { "\($0.name) \($0.rows) \($0.status.rawValue)" }
        #expect(sections == [
            "AccountInformation 1 parsed", "ChangeInNAV 1 parsed", "CashReport 2 parsed", "EquitySummaryInBase 2 parsed",
            "OpenPositions 3 parsed", "Trades 4 parsed", "CorporateActions 0 parsed", "CashTransactions 0 parsed",
            "IncentiveCouponAccrualDetails 0 skipped", "BrandNewSectionFrom2027 1 unknown", "ConversionRates 2 parsed",
        ])
        #expect(statement.unknownElements == ["BrandNewSectionFrom2027": 1])
        #expect(statement.unknownAttributes == ["AccountInformation.futureAttributeFrom2027": 1])
        #expect(statement.corporateActions.isEmpty && statement.cashTransactions.isEmpty)
    }

    @Test func aRateOfMinusOneIsKeptButNotUsable() throws {
        let russia = try #require(statement.conversionRates.first { $0.fromCurrency == "RUS" })
        #expect(russia.rate == FlexDecimal("-1"))
        #expect(russia.usableRate == nil)
        let rates = FlexRateBook(statement.conversionRates)
        let day = try #require(flexDate(2026, 10, 30))
        #expect(rates.rate(for: "RUS", on: day) == nil)
        #expect(rates.rate(for: "USD", on: day) == decimal("0.86512"))
    }

    @Test func theChangeInNAVBridgeHolds() {
        FlexIdentities.check(statement)
        #expect(statement.changeInNAV?.endingValue == FlexDecimal("10117.94"))
        #expect(statement.baseCurrency == "EUR")
    }
}
