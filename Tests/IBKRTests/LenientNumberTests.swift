import Foundation
import Testing

@testable import IBKR
@testable import Portfolio

/// The byte-level reading of plain numbers must give exactly what Foundation's parser gives, and leave every
/// other spelling to it.
@Suite struct LenientNumberTests {
    private func bytes(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }

    /// Plain numbers of every length up to 18 significant digits, with leading and trailing zeros, points
    /// anywhere and signs, from a fixed seed.
    private var plainNumbers: [String] {
        var generator = SplitMix64(seed: 20_261_122)
        var texts = ["0", "-0", "0.0", "0.000", "-0.00", "00", ".5", "-.5", "5.", "-5.", "1.50", "00012.30", "0.001",
            "100", "-12.5", "999999999999999999", "0.999999999999999999", "123456789012345678",
            "-0.000000000000000001", "405.5", "1300", "186.39"]
        for _ in 0..<3_000 {
            let length = Int.random(in: 1...18, using: &generator)
            var digits = (0..<length).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            if Bool.random(using: &generator) { digits = String(repeating: "0", count: Int.random(in: 1...3, using: &generator)) + digits }
            if Bool.random(using: &generator) { digits += String(repeating: "0", count: Int.random(in: 1...3, using: &generator)) }
            var text = digits
            if Int.random(in: 0...3, using: &generator) > 0 {
                let point = text.index(text.startIndex, offsetBy: Int.random(in: 0...text.count, using: &generator))
                text.insert(".", at: point)
            }
            if Bool.random(using: &generator) { text = "-" + text }
            texts.append(text)
        }
        return texts
    }

    @Test func plainNumbersReadAsFoundationReadsThem() throws {
        for text in plainNumbers {
            let significant = text.drop { !("1"..."9").contains($0) }.filter(\.isNumber).count
            let trailingZeros = text.reversed().prefix { $0 == "0" || $0 == "." }.filter { $0 == "0" }.count
            let foundation = try #require(Decimal(string: text), "\(text)")
            guard let fast = LenientNumber.plainDecimal(text) else {
                // Only a number with more significant digits than 18 goes the long way.
                #expect(significant > 18 || significant + trailingZeros > 18, "\(text)")
                continue
            }
            #expect(fast == foundation, "\(text)")
            #expect(fast.description == foundation.description, "\(text)")
            if foundation.isZero {
                #expect(bytes(fast) == bytes(Decimal.zero), "\(text)")
            } else {
                #expect(bytes(fast) == bytes(foundation), "\(text)")
            }
            #expect(LenientNumber.decimal(text) == foundation, "\(text)")
        }
    }

    @Test func everyOtherSpellingGoesTheLongWay() {
        for text in ["", "-", ".", "-.", "1.2.3", "--1", "1-", "-1-", "+1", " 1", "1 ", "1e5", "1E-2", "1,000",
            "1_000", "0x10", "NaN", "inf", "١٢", "１２", "1234567890123456789", "0.1234567890123456789"]
        {
            #expect(LenientNumber.plainDecimal(text) == nil, "\(text)")
        }
        #expect(LenientNumber.decimal("+1") == 1)
        #expect(LenientNumber.decimal(" 1 ") == 1)
        #expect(LenientNumber.decimal("1e5") == 100_000)
        #expect(LenientNumber.decimal("1,000.5") == Decimal(string: "1000.5"))
        #expect(LenientNumber.decimal("1234567890123456789") == Decimal(string: "1234567890123456789"))
        #expect(LenientNumber.decimal("1.2.3") == nil)
        #expect(LenientNumber.decimal("-") == nil)
        #expect(LenientNumber.decimal("١٢") == nil)
    }
}
