import Foundation
import Testing

@testable import IBDashKit

/// `ibdash flex parse` on every Flex fixture, read from what the command prints.
@Suite struct FlexParseCommandTests {
    static let statements = FlexFixtureFiles.all.filter { $0.hasPrefix("statement-") }
    static let envelopes = FlexFixtureFiles.all.filter { !$0.hasPrefix("statement-") }

    private func run(_ arguments: [String]) throws -> (code: IBDashKit.ExitStatus, output: CapturedOutput) {
        let command = try FlexParseCommand.parse(arguments)
        let captured = CapturedOutput()
        return (command.execute(output: captured.output), captured)
    }

    @Test func everyFixtureIsThere() {
        #expect(Self.statements.count == 3 && Self.envelopes.count == 7)
    }

    @Test(arguments: statements)
    func theSummaryCountsEverySectionsRows(_ name: String) throws {
        let path = FlexFixtureFiles.path(name)
        let (code, output) = try run([path])
        #expect(code == .ok)
        #expect(output.notes.isEmpty)
        let printed = Self.readSummary(output.resultText)
        let counted = try SectionCounter.count(file: path)
        #expect(printed.map(\.account) == counted.map(\.account))
        for (shown, truth) in zip(printed, counted) {
            #expect(shown.sections == truth.sections, "\(name) \(truth.account)")
        }
    }

    @Test func theSummaryOfTheSingleAccountFixtureReadsAsDocumented() throws {
        let text = try run([FlexFixtureFiles.path("statement-single-account.xml")]).output.resultText
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Flex query \"") == true && lines.first?.hasSuffix("(AF): 1 statement") == true)
        #expect(lines.contains { $0.hasPrefix("U1234567  base USD  2026-09-01 to 2026-10-30") })
        let equity = try #require(lines.first { $0.hasPrefix("  EquitySummaryInBase ") })
        #expect(equity.split(separator: " ").last == "43")
        let trades = try #require(lines.first { $0.hasPrefix("  Trades ") })
        #expect(trades.contains("31 EXECUTION") && trades.contains("CLOSED_LOT"))
    }

    @Test func unknownSectionsAndAttributesAreListed() throws {
        let text = try run([FlexFixtureFiles.path("statement-edge-cases.xml")]).output.resultText
        #expect(text.contains("unknown attribute AccountInformation.futureAttributeFrom2027 ×1"))
        #expect(text.contains("unknown element BrandNewSectionFrom2027 ×1"))
        let lines = text.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("  BrandNewSectionFrom2027 ") && $0.hasSuffix(" 1  unknown") })
        #expect(lines.contains { $0.hasPrefix("  IncentiveCouponAccrualDetails ") && $0.hasSuffix(" 0  skipped") })
        #expect(text.contains("slash dates read dd/MM (detected)"))
    }

    @Test(arguments: envelopes)
    func aSavedServiceAnswerIsNotAStatement(_ name: String) throws {
        let (code, output) = try run([FlexFixtureFiles.path(name)])
        #expect(code == .badInput)
        #expect(output.result.isEmpty)
        let note = try #require(output.notes.first)
        #expect(note.contains("a Flex service answer (FlexStatementResponse), not a statement"))
        if name.hasPrefix("error-") || name.contains("-1018") || name.contains("-1019") {
            let code = name.filter(\.isNumber)
            #expect(note.contains("error \(code)"), "\(note)")
        } else {
            #expect(note.contains("reference code 4818532107"))
        }
    }

    @Test func jsonHoldsEveryStatementsModels() throws {
        let (code, output) = try run([FlexFixtureFiles.path("statement-multi-account.xml"), "--json"])
        #expect(code == .ok)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.result)) as? [String: Any])
        let statements = try #require(object["statements"] as? [[String: Any]])
        #expect(statements.compactMap { $0["accountId"] as? String } == ["U1234567", "U5553173"])
        #expect(statements.allSatisfy { ($0["trades"] as? [Any])?.count == 25 })
    }

    @Test func aMissingOrForeignFileIsBadInput() throws {
        let missing = try run(["/nonexistent/statement.xml"])
        #expect(missing.code == .badInput && missing.output.notes == ["ibdash flex parse: /nonexistent/statement.xml: cannot be read"])
        let html = FileManager.default.temporaryDirectory.appendingPathComponent("ibdash-\(UUID().uuidString).html").path
        defer { try? FileManager.default.removeItem(atPath: html) }
        try "<!DOCTYPE html><html><head><title>404 Page Not Found</title></head></html>".write(toFile: html, atomically: true, encoding: .utf8)
        let page = try run([html])
        #expect(page.code == .badInput)
        #expect(page.output.notes.first?.hasSuffix("not a Flex XML statement (html): \"404 Page Not Found\"") == true)
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("ibdash-\(UUID().uuidString).xml").path
        defer { try? FileManager.default.removeItem(atPath: broken) }
        try "<FlexQueryResponse><FlexStatements count=\"1\"><FlexStatement accountId=\"U1\">".write(toFile: broken, atomically: true, encoding: .utf8)
        let truncated = try run([broken])
        #expect(truncated.code == .badInput && truncated.output.notes.first?.contains("line 1, column") == true)
    }

    /// The statements of a printed summary: each account's section lines (`  Name   rows …`).
    static func readSummary(_ text: String) -> [SectionCounter.Statement] {
        var statements: [SectionCounter.Statement] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).dropFirst() {
            if !line.hasPrefix(" ") {
                statements.append(SectionCounter.Statement(account: String(line.split(separator: " ")[0]), sections: [:]))
                continue
            }
            guard line.hasPrefix("  "), !line.hasPrefix("   "), !statements.isEmpty else { continue }
            let fields = line.split(separator: " ")
            guard fields.count >= 2, fields[0].allSatisfy({ $0.isLetter || $0.isNumber }), let rows = Int(fields[1]) else { continue }
            statements[statements.count - 1].sections[String(fields[0]), default: 0] += rows
        }
        return statements
    }
}
