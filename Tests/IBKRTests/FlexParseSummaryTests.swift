import Foundation
import Testing

@testable import IBKR

@Suite struct FlexParseSummaryTests {
    @Test func theSummaryListsSectionsLevelsAndUnknowns() throws {
        let summary = FlexParseSummary(try FlexFixtures.parse("statement-edge-cases.xml"))
        let statement = try #require(summary.statements.first)
        #expect(statement.accountId == "U7654321" && statement.baseCurrency == "EUR")
        #expect(statement.levels.map { "\($0.section) \($0.level) \($0.rows)" } == [
            "Trades EXECUTION 2", "Trades ORDER 1", "Trades SYMBOL_SUMMARY 1", "OpenPositions SUMMARY 1", "OpenPositions LOT 2",
        ])
        let text = summary.description
        #expect(text.contains("Flex query \"Edge & Variants\" (AF): 1 statement"))
        #expect(text.contains("U7654321  base EUR  2026-10-01 to 2026-10-30  generated 2026-10-31 03:15:42 EDT"))
        #expect(text.contains("(2 EXECUTION, 1 ORDER, 1 SYMBOL_SUMMARY)"))
        #expect(text.contains("BrandNewSectionFrom2027") && text.contains("unknown element BrandNewSectionFrom2027 ×1"))
        #expect(text.contains("unknown attribute AccountInformation.futureAttributeFrom2027 ×1"))
        #expect(text.contains("slash dates read dd/MM (detected)"))
    }

    @Test func theStatementEncodesAsJSONWithExactDecimals() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(FlexFixtures.parse("statement-edge-cases.xml")), as: UTF8.self)
        #expect(json.contains(#""startingCash":"2500.00""#))
        #expect(json.contains(#""rate":"-1""#))
        #expect(json.contains(#""fromDate":"2026-10-01""#))
        #expect(json.contains(#""whenGenerated":"2026-10-31 03:15:42 EDT""#))
        #expect(json.contains(#""queryName":"Edge & Variants""#))
        let summary = String(decoding: try encoder.encode(FlexParseSummary(FlexFixtures.parse("statement-single-account.xml"))), as: UTF8.self)
        #expect(summary.contains(#""name":"Trades","rows":45,"status":"parsed""#))
    }
}
