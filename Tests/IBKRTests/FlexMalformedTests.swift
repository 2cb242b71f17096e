import Foundation
import Testing

@testable import IBKR
@testable import Portfolio

@Suite struct FlexMalformedTests {
    private func failure(_ document: String) -> FlexParseError? {
        failure(Data(document.utf8))
    }

    private func failure(_ data: Data) -> FlexParseError? {
        do {
            _ = try FlexStatementParser().parse(data)
            return nil
        } catch {
            return error
        }
    }

    private static let head = "<FlexQueryResponse queryName=\"q\" type=\"AF\">\n<FlexStatements count=\"1\">\n<FlexStatement accountId=\"U1\" fromDate=\"20260901\">\n"
    private static let tail = "</FlexStatement>\n</FlexStatements>\n</FlexQueryResponse>\n"

    @Test func aTruncatedStatementFailsAtItsEnd() throws {
        let full = try FlexFixtures.data("statement-single-account.xml")
        let cut = full.prefix(full.count / 2)
        let error = try #require(failure(cut))
        let lines = cut.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        #expect(error.line == lines)
        #expect(error.offset <= cut.count)
        #expect(error.message.contains("ends"))
    }

    @Test func mismatchedTagsPointAtTheEndTag() throws {
        let error = try #require(failure(Self.head + "<Trades>\n<Trade quantity=\"1\" />\n</OpenPositions>\n" + Self.tail))
        #expect(error.line == 6)
        #expect(error.column == 1)
        #expect(error.message.contains("</OpenPositions>") && error.message.contains("<Trades>"))
    }

    @Test func aBadEntityPointsAtTheAmpersand() throws {
        let error = try #require(failure(Self.head + "<Trades>\n  <Trade symbol=\"A&bogus;B\" />\n</Trades>\n" + Self.tail))
        #expect(error.line == 5)
        #expect(error.column == 19)
        #expect(error.message.contains("bogus"))
        // In an attribute the parser does not keep, too.
        #expect(failure(Self.head + "<Trades>\n<Trade rtn=\"&#0;\" />\n</Trades>\n" + Self.tail)?.line == 5)
        #expect(failure(Self.head + "<Trades>\n<Trade rtn=\"a & b\" />\n</Trades>\n" + Self.tail)?.line == 5)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let error = try #require(failure(Self.head + "<Trades description=\"Süd\" x=1 />\n" + Self.tail))
        #expect(error.line == 4)
        #expect(error.column == 29)
    }

    @Test(arguments: [
        ("\u{1}\u{2}binary junk", 1, 1),
        ("{\"error\":\"not xml\"}", 1, 1),
        ("<FlexQueryResponse>\n</FlexQueryResponse>\ntrailing junk", 3, 1),
        ("<FlexQueryResponse>\n</FlexQueryResponse>\n<Another/>", 3, 1),
        ("<FlexQueryResponse>\n<FlexStatements count=\"1\">\n<FlexStatement accountId=\"U1\" junk />", 3, 36),
        ("<FlexQueryResponse>\n<FlexStatements count=\"1\">\n<FlexStatement accountId=U1 />", 3, 26),
        ("<FlexQueryResponse>\n<FlexStatements count=\"1\">\n<FlexStatement accountId=\"U<1\" />", 3, 28),
        ("<FlexQueryResponse>\n<FlexStatements count=\"1\">\n<FlexStatement accountId=\"U1\"fromDate=\"x\" />", 3, 30),
        ("<FlexQueryResponse>\n<FlexStatements count=\"1\">\n<FlexStatement accountId=\"U1\" />\n<>", 4, 2),
        ("<FlexQueryResponse>\n<!-- a comment that never ends", 2, 1),
        ("<FlexStatementResponse><Status>Fail</Status></FlexStatementResponse>", 1, 2),
    ])
    func junkIsRejectedWithItsPosition(document: String, line: Int, column: Int) throws {
        let error = try #require(failure(document), "accepted: \(document)")
        #expect(error.line == line, "\(error)")
        #expect(error.column == column, "\(error)")
    }

    @Test func anEmptyDocumentIsAnError() throws {
        let error = try #require(failure(Data()))
        #expect(error.line == 1 && error.column == 1)
    }

    @Test func errorMessagesAreSafeToPrint() throws {
        let error = try #require(failure("<FlexQueryResponse>\n</Flex\u{1B}[2JQueryResponse>"))
        #expect(!error.description.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test func aValueThatIsNotANumberIsRecordedNotZeroed() throws {
        let response = try FlexFixtures.parse(xml: Self.head + "<Trades>\n<Trade quantity=\"12abc\" tradePrice=\"1.5\" levelOfDetail=\"EXECUTION\" />\n</Trades>\n" + Self.tail)
        let statement = try #require(response.statements.first)
        #expect(statement.trades.first?.quantity == nil)
        #expect(statement.trades.first?.tradePrice == FlexDecimal("1.5"))
        let issue = try #require(statement.issues.first)
        #expect(issue.element == "Trade" && issue.attribute == "quantity" && issue.value == "12abc")
        #expect(issue.line == 5 && issue.column == 18)
        #expect(statement.issueCount == 1)
    }

    @Test func everyTruncationOfAStatementIsAnErrorNeverACrash() throws {
        let full = try FlexFixtures.data("statement-edge-cases.xml")
        // Cut before the root's end tag: every shorter document is unfinished.
        let rootEnd = full.count - "</FlexQueryResponse>\n".utf8.count
        for length in 0..<rootEnd {
            let error = try #require(failure(full.prefix(length)), "a document cut to \(length) bytes was accepted")
            #expect(error.offset <= length)
        }
    }

    @Test func damagedBytesNeverCrashTheParser() throws {
        let original = [UInt8](try FlexFixtures.data("statement-edge-cases.xml"))
        var random = SplitMix64(seed: 42)
        let damage: [UInt8] = Array("<>&\"'/=; \n\u{0}".utf8) + [0xC3, 0xFF]
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<Int(random.next() % 4 + 1) {
                let index = Int(random.next() % UInt64(bytes.count))
                bytes[index] = damage[Int(random.next() % UInt64(damage.count))]
            }
            // Either a whole response or an error; reaching the next iteration is the assertion.
            if let error = failure(Data(bytes)) { #expect(error.line >= 1 && error.column >= 1) }
        }
    }
}

