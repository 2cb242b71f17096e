import Foundation
import Portfolio
import Testing

@testable import TerminalUI

@Suite struct NumberTextTests {
    func decimal(_ text: String) -> Decimal { Decimal(string: text) ?? .nan }

    @Test func amountsAreGroupedAndRoundedHalfAwayFromZero() {
        #expect(NumberText.format(decimal("1234567.891")) == "1,234,567.89")
        #expect(NumberText.format(decimal("-1234.565")) == "-1,234.57")
        #expect(NumberText.format(decimal("0.005")) == "0.01")
        #expect(NumberText.format(decimal("-0.004")) == "0.00")
        #expect(NumberText.format(decimal("999.999")) == "1,000.00")
        #expect(NumberText.format(decimal("12"), decimals: 0) == "12")
        #expect(NumberText.format(decimal("100"), decimals: 2, grouping: false) == "100.00")
        #expect(NumberText.format(decimal("1000000"), decimals: 0) == "1,000,000")
    }

    @Test func changesCarryTheirSign() {
        #expect(NumberText.format(decimal("5"), sign: .always) == "+5.00")
        #expect(NumberText.format(decimal("-5"), sign: .always) == "-5.00")
        #expect(NumberText.format(0, sign: .always) == "0.00")
        #expect(NumberText.percent(decimal("12.345"), sign: .always) == "+12.35%")
    }

    @Test func quantitiesPricesAndCompactAmounts() {
        #expect(NumberText.quantity(100) == "100")
        #expect(NumberText.quantity(decimal("-0.5")) == "-0.5")
        #expect(NumberText.quantity(decimal("12345.25")) == "12,345.25")
        #expect(NumberText.price(decimal("0.0512")) == "0.0512")
        #expect(NumberText.price(decimal("5638.25")) == "5,638.25")
        // Four decimals below one, on either side of zero and at the edges.
        #expect(NumberText.price(decimal("-0.9999")) == "-0.9999")
        #expect(NumberText.price(decimal("1.00")) == "1.00")
        #expect(NumberText.price(decimal("-1")) == "-1.00")
        #expect(NumberText.price(decimal("0.99995")) == "1.0000")
        #expect(NumberText.price(decimal("0")) == "0.00")
        #expect(NumberText.price(decimal("1e-40")) == "0.0000")
        #expect(NumberText.compact(decimal("1230046.94")) == "1.23M")
        #expect(NumberText.compact(decimal("173562.18")) == "173.6k")
        #expect(NumberText.compact(decimal("-9999")) == "-9,999")
        #expect(NumberText.compact(decimal("1284.35"), sign: .always) == "+1,284")
        #expect(NumberText.compact(decimal("2500000000")) == "2.50B")
    }

    @Test func signsAreReadFromTheValue() {
        let values = ["0", "-0.0001", "0.0001", "-123456789012345678901234.5", "1e40", "-3e-40"].map(decimal)
        #expect(values.map(\.signum) == [0, -1, 1, -1, 1, -1])
        #expect(values.map(Painter.role) == [.neutral, .loss, .gain, .loss, .gain, .loss])
        #expect(Decimal.nan.signum == 0)
    }

    @Test func agesAndClockTimes() {
        #expect(AgeText.of(.seconds(4)) == "4s")
        #expect(AgeText.of(.seconds(59.9)) == "59s")
        #expect(AgeText.of(.seconds(125)) == "2m")
        #expect(AgeText.of(.seconds(7200)) == "2h")
        #expect(AgeText.of(.seconds(200_000)) == "2d")
        let date = Date(timeIntervalSince1970: 1_741_962_609)  // 2025-03-14 14:30:09 UTC
        #expect(ClockText.utc.time(date) == "14:30:09")
        #expect(ClockText(utcOffset: -5 * 3600).dayAndMinutes(date) == "2025-03-14 09:30")
        #expect(ClockText(utcOffset: 10 * 3600).day(date) == "2025-03-15")
        #expect(ClockText.utc.day(Date(timeIntervalSince1970: -86_400)) == "1969-12-31")
        #expect(ClockText.utc.day(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29")
    }

    @Test func theLocalClockHasTheSystemsOffset() {
        // Both read TZ, else /etc/localtime: the C library's answer must be Foundation's.
        let now = Date()
        #expect(ClockText.local(at: now).utcOffset == TimeZone.current.secondsFromGMT(for: now))
    }

    @Test func freshnessReadsWithoutColour() {
        let glyphs = ThemeGlyphs.standard
        #expect(FreshnessBadge(.init(level: .live, age: .seconds(4)), glyphs: glyphs).text == "● 4s")
        #expect(FreshnessBadge(.init(level: .aging, age: .seconds(40)), glyphs: glyphs).text == "◐ 40s")
        #expect(FreshnessBadge(.init(level: .stale, age: .seconds(120)), glyphs: glyphs).text == "○ stale 2m")
        #expect(FreshnessBadge(.init(level: .error, age: nil), glyphs: glyphs).text == "× error")
        #expect(FreshnessBadge(nil, glyphs: glyphs).text == "◌ loading")
        #expect(FreshnessBadge(.init(level: .stale, age: .seconds(120)), glyphs: glyphs).role == .stale)
    }

    @Test func sparklinesSpanTheirRange() {
        #expect(Sparkline.chart([1, 2, 3, 4, 5, 6, 7, 8], width: 8, height: 1) == ["▁▂▃▄▅▆▇█"])
        #expect(Sparkline.chart([5, 5, 5], width: 3, height: 1) == ["▄▄▄"])
        #expect(Sparkline.chart([1, 2], width: 4, height: 1) == ["▁▁██"])
        #expect(Sparkline.chart([0, 10], width: 2, height: 2) == [" █", "▁█"])
        #expect(Sparkline.chart([], width: 5, height: 2) == ["", ""])
    }

    /// The integer path (`Decimal.parts`) must print exactly what `Decimal`'s own rounding prints, for every
    /// sign, size, exponent and number of decimals, at the rounding edges (…5) and where it gives up (20+ digits).
    @Test func theIntegerPathPrintsWhatDecimalArithmeticPrints() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            seed ^= seed << 13
            seed ^= seed >> 7
            seed ^= seed << 17
            return seed
        }
        let edges: [String] = [
            "0", "-0.005", "0.005", "0.0049999", "-1234.565", "999.995", "-999.995", "0.00001", "18446744073709551615",
            "18446744073709551616", "184467440737095516.15", "-99999999999999999999.99", "1e30", "-1e-30", "12.5e3",
        ]
        var values = edges.compactMap { Decimal(string: $0) }
        for _ in 0..<3000 {
            let digits = Int(next() % 19) + 1
            let significand = next() % (digits == 19 ? UInt64.max : (0..<digits).reduce(UInt64(1)) { value, _ in value * 10 })
            let exponent = Int(next() % 24) - 16
            let value = Decimal(sign: next() % 2 == 0 ? .plus : .minus, exponent: exponent, significand: Decimal(significand))
            values.append(value)
            // Amounts times rates and divided by totals: 30-odd digits, the significands a frame really formats.
            values.append(value * Decimal(9174) / 10_000)
            values.append(value / 7)
        }
        for value in values {
            for decimals in [0, 1, 2, 4] {
                for sign in [NumberText.Sign.negativeOnly, .always] {
                    #expect(
                        NumberText.format(value, decimals: decimals, sign: sign)
                            == NumberText.decimalFormat(value, decimals: decimals, sign: sign, grouping: true),
                        "\(value) to \(decimals) places")
                }
            }
            #expect(NumberText.quantity(value) == NumberText.decimalQuantity(value, sign: .negativeOnly), "\(value)")
            #expect(NumberText.compact(value, sign: .always) == Self.compactByDivision(value), "\(value)")
        }
    }

    /// `compact` as it was first written, by `Decimal` division: the oracle for the integer path.
    private static func compactByDivision(_ amount: Decimal) -> String {
        let units: [(Decimal, Decimal, String)] = [
            (1_000_000_000_000, 1_000_000_000_000, "T"), (1_000_000_000, 1_000_000_000, "B"), (1_000_000, 1_000_000, "M"),
            (10_000, 1000, "k"),
        ]
        for (start, divisor, suffix) in units where amount.magnitude >= start {
            let scaled = amount / divisor
            return NumberText.decimalFormat(scaled, decimals: scaled.magnitude >= 100 ? 1 : 2, sign: .always, grouping: true)
                + suffix
        }
        return NumberText.decimalFormat(amount, decimals: 0, sign: .always, grouping: true)
    }
}
