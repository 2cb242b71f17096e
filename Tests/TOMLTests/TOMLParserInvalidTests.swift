import Foundation
import Testing
import TOML

/// One fixture per rule a file can break, each with the exact message: file, line, key where there is one.
@Suite struct TOMLParserInvalidTests {
    static let cases: [(file: String, message: String)] = [
        ("comment-control", "~/invalid/comment-control.toml:2: control character U+0007 in a comment"),
        ("lone-carriage-return", "~/invalid/lone-carriage-return.toml:1: a carriage return must be followed by a newline"),
        ("key-without-equals", "~/invalid/key-without-equals.toml:2: cadence.summary: expected '=' after the key"),
        ("key-missing", "~/invalid/key-missing.toml:2: cadence: expected a key, found '='"),
        ("value-missing", "~/invalid/value-missing.toml:1: theme: expected a value, found the end of the line"),
        ("value-after-value", "~/invalid/value-after-value.toml:1: expected the end of the line, found '2'"),
        ("duplicate-key", "~/invalid/duplicate-key.toml:4: cadence.summary: duplicate key, first set on line 2"),
        ("duplicate-dotted-key", "~/invalid/duplicate-dotted-key.toml:2: fruit.color: duplicate key, first set on line 1"),
        ("dotted-key-over-value", "~/invalid/dotted-key-over-value.toml:2: fruit: already holds a value, set on line 1"),
        (
            "dotted-key-into-header-table",
            "~/invalid/dotted-key-into-header-table.toml:5: a.b: table defined by a header on line 1; dotted keys cannot add to it"
        ),
        ("table-defined-twice", "~/invalid/table-defined-twice.toml:4: cadence: table defined twice, first on line 1"),
        (
            "table-over-dotted-keys",
            "~/invalid/table-over-dotted-keys.toml:4: fruit.apple: table already defined by dotted keys on line 2"
        ),
        ("table-over-value", "~/invalid/table-over-value.toml:4: a.b: already holds a value, set on line 2"),
        ("table-over-inline-table", "~/invalid/table-over-inline-table.toml:3: a: inline table (line 1) cannot be extended"),
        (
            "table-over-array-of-tables",
            "~/invalid/table-over-array-of-tables.toml:4: alerts: already an array of tables, written [[alerts]]"
        ),
        (
            "array-of-tables-over-table",
            "~/invalid/array-of-tables-over-table.toml:4: alerts: already a table (line 1), not an array of tables"
        ),
        ("array-of-tables-over-array", "~/invalid/array-of-tables-over-array.toml:3: alerts: already holds a value, set on line 1"),
        ("header-unclosed", "~/invalid/header-unclosed.toml:1: cadence: expected ']' to close the table header"),
        ("string-unclosed", "~/invalid/string-unclosed.toml:2: account.name: the string opened here is never closed"),
        ("string-bad-escape", #"~/invalid/string-bad-escape.toml:1: path: invalid escape \w in a string"#),
        ("string-control", "~/invalid/string-control.toml:1: name: control character U+0007 must be escaped in a string"),
        ("string-surrogate-escape", #"~/invalid/string-surrogate-escape.toml:1: name: \uD800 is not a Unicode scalar value"#),
        ("multiline-string-unclosed", "~/invalid/multiline-string-unclosed.toml:3: note: the string opened here is never closed"),
        (
            "multiline-string-too-many-quotes",
            "~/invalid/multiline-string-too-many-quotes.toml:1: note: too many quotes in a row at the end of a multi-line string"
        ),
        ("literal-string-newline", "~/invalid/literal-string-newline.toml:1: name: the string opened here is never closed"),
        ("integer-leading-zero", "~/invalid/integer-leading-zero.toml:1: port: leading zeros are not allowed in a number: 0123"),
        (
            "integer-double-underscore",
            "~/invalid/integer-double-underscore.toml:1: limit: an underscore in a number must stand between two digits: 1__000"
        ),
        ("integer-overflow", "~/invalid/integer-overflow.toml:1: big: 9223372036854775808 does not fit in a 64-bit integer"),
        ("float-no-fraction", "~/invalid/float-no-fraction.toml:1: ratio: '1.' is not a number"),
        ("boolean-capitalised", "~/invalid/boolean-capitalised.toml:1: enabled: expected a value, found 'True' (a string needs quotes)"),
        ("unquoted-string", "~/invalid/unquoted-string.toml:2: ui.theme: expected a value, found 'gruvbox' (a string needs quotes)"),
        ("date", "~/invalid/date.toml:1: since: dates and times are not supported here; write 1979-05-27 as a string"),
        ("time", "~/invalid/time.toml:1: at: dates and times are not supported here; write 07:32:00 as a string"),
        ("array-missing-comma", #"~/invalid/array-missing-comma.toml:1: accounts: expected ',' or ']' in the array, found '"'"#),
        ("inline-table-newline", "~/invalid/inline-table-newline.toml:1: point: an inline table must close on the line it opens"),
        ("inline-table-trailing-comma", "~/invalid/inline-table-trailing-comma.toml:1: point: a trailing comma is not allowed in an inline table"),
        (
            "inline-table-duplicate-key",
            "~/invalid/inline-table-duplicate-key.toml:2: roles.gain.fg: duplicate key, first set on line 2"
        ),
    ]

    @Test(arguments: cases)
    func refusedWithItsMessage(file: String, message: String) throws {
        #expect(try Fixture.problems("invalid/\(file).toml") == [message])
    }

    @Test func everyInvalidFixtureHasAnExpectedMessage() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixture.root() + "/invalid")
        #expect(Set(files) == Set(Self.cases.map { "\($0.file).toml" }))
    }

    @Test func aFileThatCannotBeReadIsNamed() {
        let error = #expect(throws: TOMLError.self) {
            try TOMLDocument.load(path: "/nonexistent/ibdash.toml", home: "/nonexistent")
        }
        #expect(error?.description == "~/ibdash.toml:1: cannot be read")
    }
}
