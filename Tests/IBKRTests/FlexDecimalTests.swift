import Foundation
import Testing

@testable import IBKR

@Suite struct FlexDecimalTests {
    @Test(arguments: [
        ("35.53", "35.53"), ("-3553", "-3553"), ("0.000012", "0.000012"), ("-10.853621", "-10.853621"),
        ("1.16215", "1.16215"), ("2,500.00", "2500.00"), ("-1,190", "-1190"), ("1,234,567.891", "1234567.891"),
        ("+7", "7"), ("-0", "0"), ("0.0", "0.0"), ("192.65361905", "192.65361905"), (".5", "0.5"),
        ("9999999999999999", "9999999999999999"), ("0.1234567890123456", "0.1234567890123456"),
        ("36028797018963967", "36028797018963967"), ("-0.000000000000000001", "-0.000000000000000001"),
        ("12.50000000000000000000", "12.5"),
    ])
    func parsesExactly(text: String, expected: String) throws {
        let value = try #require(FlexDecimal(text))
        #expect(value.description == expected)
        #expect(value.decimal == decimal(expected))
    }

    @Test(arguments: ["", "-", "--", "N/A"])
    func nullMarkersAreAbsent(text: String) {
        var text = text
        #expect(text.withUTF8 { FlexDecimal.parse($0) } == .absent)
    }

    @Test(arguments: [
        "abc", "1.2.3", "1e5", "12a", ",5", "1234567890123456789", "0.0000000000000000001", ".", "36028797018963968",
        "0.123456789012345678",
    ])
    func rejectsWhatIsNotAFlexNumber(text: String) {
        var text = text
        #expect(text.withUTF8 { FlexDecimal.parse($0) } == .invalid)
    }

    @Test func valuesAndOptionalsAreEightBytes() {
        #expect(MemoryLayout<FlexDecimal>.size == 8)
        #expect(MemoryLayout<FlexDecimal?>.size == 8)
        #expect(FlexDecimal(significand: FlexDecimal.maximumSignificand + 1) == nil)
        #expect(FlexDecimal(significand: -FlexDecimal.maximumSignificand, scale: 18)?.significand == -FlexDecimal.maximumSignificand)
        #expect(FlexDecimal(significand: 1, scale: 19) == nil)
    }

    @Test func equalValuesCompareEqualWhateverTheScale() throws {
        #expect(FlexDecimal("1.50") == FlexDecimal("1.5"))
        #expect(FlexDecimal("1.50").hashValue == FlexDecimal("1.5").hashValue)
        #expect(FlexDecimal("-0.01") != FlexDecimal("0.01"))
        let minusTwo = try #require(FlexDecimal("-2")), oneAndAHalf = try #require(FlexDecimal("1.5"))
        #expect(minusTwo < oneAndAHalf)
    }

    @Test func convertsToFoundationDecimalWithoutRounding() throws {
        // Doubles cannot hold these; the conversion must be digit-exact.
        for text in ["0.1", "0.2", "123456789.1234567", "-0.000000000000000001", "33714.383333"] {
            #expect(try #require(FlexDecimal(text)).decimal == decimal(text), "\(text)")
        }
    }

    @Test func encodesAsAnExactString() throws {
        let encoded = try JSONEncoder().encode([FlexDecimal("-1441.320304"), FlexDecimal("0.00680792")])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["-1441.320304","0.00680792"]"#)
    }
}
