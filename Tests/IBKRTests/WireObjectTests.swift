import Foundation
import Portfolio
import Testing

@testable import IBKR

@Suite struct WireObjectTests {
    private func object(_ text: String, location: String = "position 3") throws -> WireObject {
        try WireObject(Fixture.json(text: text), location: location)
    }

    @Test func numbersMayComeAsNumbersOrStrings() throws {
        let row = try object(#"{"a": 405.5, "b": "405.00", "c": "1,300", "d": "+2.13", "e": " -0.87 ", "f": "1,234,567.5"}"#)
        #expect(try row.decimal("a") == Decimal(string: "405.5"))
        #expect(try row.decimal("b") == 405)
        #expect(try row.decimal("c") == 1300)
        #expect(try row.decimal("d") == Decimal(string: "2.13"))
        #expect(try row.decimal("e") == Decimal(string: "-0.87"))
        #expect(try row.decimal("f") == Decimal(string: "1234567.5"))
    }

    @Test func missingNullEmptyAndTheStringNullAreAbsentNotZero() throws {
        let row = try object(#"{"a": null, "b": "", "c": "null"}"#)
        #expect(try row.decimal("a") == nil)
        #expect(try row.decimal("b") == nil)
        #expect(try row.decimal("c") == nil)
        #expect(try row.decimal("missing") == nil)
        #expect(try row.string("c") == nil)
    }

    @Test func unreadableValuesNameTheObjectAndField() throws {
        let row = try object(#"{"mktPrice": "abc", "conid": 1.5, "flag": "maybe", "n": true, "sep": "1,30"}"#)
        #expect(throws: WireError(location: "position 3", field: "mktPrice", problem: #"expected a number, found "abc""#)) {
            try row.decimal("mktPrice")
        }
        #expect(throws: WireError(location: "position 3", field: "conid", problem: "expected a whole number, found 1.5")) {
            try row.int("conid")
        }
        #expect(throws: WireError.self) { try row.bool("flag") }
        #expect(throws: WireError.self) { try row.decimal("n") }
        #expect(throws: WireError.self) { try row.decimal("sep") }
        let error = WireError(location: "position 3", field: "mktPrice", problem: #"expected a number, found "abc""#)
        #expect(error.description == #"position 3 field "mktPrice": expected a number, found "abc""#)
    }

    @Test func wholeNumbersAcceptStringsAndIntegralDecimals() throws {
        let row = try object(#"{"a": "265598", "b": 265598.0, "c": 1755613806512}"#)
        #expect(try row.int("a") == 265598)
        #expect(try row.int("b") == 265598)
        #expect(try row.int("c") == 1_755_613_806_512)
    }

    @Test func flagsAcceptIBKRsSpellings() throws {
        let row = try object(#"{"a": true, "b": "1", "c": "0", "d": "false", "e": 1}"#)
        #expect(try row.bool("a") == true)
        #expect(try row.bool("b") == true)
        #expect(try row.bool("c") == false)
        #expect(try row.bool("d") == false)
        #expect(try row.bool("e") == true)
    }

    @Test func alternativeSpellingsAreTriedInOrder() throws {
        let row = try object(#"{"collission": true, "LOGIN_TYPE": 2}"#)
        #expect(try row.bool("collission", "collision") == true)
        #expect(try row.int("LOGIN_TYPE", "loginType") == 2)
        let other = try object(#"{"loginType": 1}"#)
        #expect(try other.int("LOGIN_TYPE", "loginType") == 1)
    }

    @Test func stringsLoseEscapeSequencesAndControlCharacters() throws {
        let row = try object(#"{"name": "APPLE\u001b[2J INC\u202e", "n": 12}"#)
        #expect(try row.string("name") == "APPLE INC")
        #expect(try row.string("n") == "12")
    }

    @Test func aListNamesEachElement() throws {
        let list = try Fixture.json(text: #"[{"x": 1}, {"x": "bad"}]"#)
        #expect(throws: WireError(location: "item 1", field: "x", problem: #"expected a number, found "bad""#)) {
            _ = try WireList.decode(list, noun: "item") { (row) throws(WireError) in try row.decimal("x") }
        }
        #expect(throws: WireError.self) {
            _ = try WireList.decode(.object([:]), noun: "item") { (row) throws(WireError) in row.location }
        }
    }

    @Test func exponentNotationDecodes() throws {
        let row = try object(#"{"a": 2.0201311791131118E8, "b": "1e3"}"#)
        #expect(try row.decimal("a") == Decimal(string: "202013117.91131118"))
        #expect(try row.decimal("b") == 1000)
    }
}
