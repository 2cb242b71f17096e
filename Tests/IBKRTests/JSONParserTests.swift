import Foundation
import Testing

@testable import IBKR

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONValue(parsing: Array(text.utf8)) }

    @Test func numbersKeepTheirTextSoMoneyStaysExact() throws {
        let value = try parse(#"{"a": 81803.62, "b": -0.5, "c": 2.0201311791131118E8, "d": 100}"#)
        #expect(value == .object(["a": .number("81803.62"), "b": .number("-0.5"), "c": .number("2.0201311791131118E8"), "d": .number("100")]))
    }

    @Test func stringsWithEscapesAndSurrogatePairs() throws {
        let value = try parse(#"["a\"b\\c\/d\n", "\u00e9\ud83d\ude00", "plain é"]"#)
        #expect(value == .array([.string("a\"b\\c/d\n"), .string("é😀"), .string("plain é")]))
    }

    @Test func literalsNestingAndWhitespace() throws {
        let value = try parse(" \n{ \"x\" : [ true , false , null , { } , [ ] ] }\r\n")
        #expect(value == .object(["x": .array([.bool(true), .bool(false), .null, .object([:]), .array([])])]))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "<html>", "{\"a\":1} x", "\"unterminated", "01.", "[1e]", "\"a\u{01}\"", "tru",
    ])
    func malformedBodiesAreRefused(_ text: String) {
        #expect(throws: JSONParseError.self) { try parse(text) }
    }

    @Test func nestingIsLimited() {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: JSONParseError.self) { try parse(deep) }
        let fine = String(repeating: "[", count: 30) + String(repeating: "]", count: 30)
        #expect(throws: Never.self) { try parse(fine) }
    }

    @Test func errorsSayWhere() throws {
        let error = #expect(throws: JSONParseError.self) { try parse("<html>") }
        #expect(error?.description == "not JSON: unexpected '<' at byte 0")
    }

    @Test func renderedValuesAreShortAndClean() {
        #expect(JSONValue.string("abc").rendered == "\"abc\"")
        #expect(JSONValue.string("a\u{1B}[31mb").rendered == "\"ab\"")
        #expect(JSONValue.string(String(repeating: "x", count: 100)).rendered.count == 43)
        #expect(JSONValue.object([:]).rendered == "an object")
    }
}
