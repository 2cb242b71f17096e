import Foundation
import Testing

@testable import IBKR
import Portfolio

@Suite struct FlexDateSyntaxTests {
    private func date(_ text: String, _ order: FlexDayMonthOrder? = .monthFirst) -> FlexDate? {
        var text = text
        guard case .value(let date) = text.withUTF8({ FlexDateSyntax.date($0, order: order) }) else { return nil }
        return date
    }

    private func dateTime(_ text: String, _ order: FlexDayMonthOrder? = .monthFirst) -> FlexDateTime? {
        var text = text
        guard case .value(let value) = text.withUTF8({ FlexDateSyntax.dateTime($0, order: order) }) else { return nil }
        return value
    }

    @Test(arguments: [
        ("20261030", FlexDayMonthOrder.monthFirst), ("2026-10-30", .monthFirst), ("10/30/2026", .monthFirst),
        ("10/30/26", .monthFirst), ("30/10/2026", .dayFirst), ("30/10/26", .dayFirst), ("30-Oct-26", .monthFirst),
        ("30-OCT-2026", .dayFirst),
    ])
    func readsEveryDateFormat(text: String, order: FlexDayMonthOrder) {
        #expect(date(text, order) == flexDate(2026, 10, 30), "\(text)")
    }

    @Test(arguments: [
        "20261030;143005", "20261030,143005", "20261030 143005", "20261030143005", "2026-10-30;14:30:05",
        "2026-10-30, 14:30:05", "10/30/2026 14:30:05", "30-Oct-26 14:30:05", "2026-10-30T14:30:05",
    ])
    func readsEveryDateTimeLayout(text: String) throws {
        let value = try #require(dateTime(text, .monthFirst), "\(text)")
        #expect(value.date == flexDate(2026, 10, 30))
        #expect(value.secondsOfDay == 14 * 3600 + 30 * 60 + 5)
        #expect(value.zone == nil)
    }

    @Test func keepsTheZoneSuffix() throws {
        let eastern = try #require(dateTime("2025-05-22 20:41:57 AEST"))
        #expect(eastern.zone == "AEST")
        #expect(eastern.instant(defaultTimeZone: .utc) == Date(timeIntervalSince1970: 1_747_910_517))
        let daylight = try #require(dateTime("20261030;031542 EDT"))
        #expect(daylight.instant(defaultTimeZone: .utc) == Date(timeIntervalSince1970: 1_793_344_542))
        let offset = try #require(dateTime("2026-10-30T03:15:42-04:00"))
        #expect(offset.zone == "-04:00")
        #expect(offset.instant(defaultTimeZone: .utc) == daylight.instant(defaultTimeZone: .utc))
    }

    @Test func zonesAreAbbreviationsOrOffsets() throws {
        #expect(try #require(dateTime("20261030;031542 +0100")).zone == "+01:00")
        #expect(try #require(dateTime("20261030;031542Z")).zone == "Z")
        #expect(dateTime("20261030;031542 CHADT") == nil)
        #expect(dateTime("20261030;031542 E1T") == nil)
        #expect(FlexDateTime(date: try #require(flexDate(2026, 1, 2)), hour: 9, zone: "-05:30").zone == "-05:30")
    }

    @Test func datesAreCompact() {
        // Rows hold many of these: an optional date is 4 bytes, an optional date-time 12.
        #expect(MemoryLayout<FlexDate?>.size == 4)
        #expect(MemoryLayout<FlexDateTime?>.size == 12)
    }

    @Test func aReadingWithoutZoneIsTakenInTheDefaultZone() throws {
        let newYork = ZoneRule.newYork
        // 30 Oct 2026 is still daylight time in New York (UTC-4); 2 Dec is not (UTC-5).
        #expect(try #require(dateTime("20261030;031542")).instant(defaultTimeZone: newYork) == Date(timeIntervalSince1970: 1_793_344_542))
        #expect(try #require(dateTime("20261202;120000")).instant(defaultTimeZone: newYork) == Date(timeIntervalSince1970: 1_796_230_800))
    }

    @Test func multiAndNullsAreAbsent() {
        for text in ["", "MULTI", "-", "--", "N/A"] {
            var text = text
            guard case .absent = text.withUTF8({ FlexDateSyntax.dateTime($0, order: nil) }) else {
                Issue.record("\(text) is not absent")
                continue
            }
        }
    }

    @Test(arguments: ["20261332", "2026-02-30", "13/45/2026", "30-Foo-26", "2026103", "20261030;25:00:00", "20261030;1430", "hello"])
    func rejectsImpossibleOrUnknownValues(text: String) {
        #expect(dateTime(text, .monthFirst) == nil, "\(text)")
    }

    @Test func aSlashDateWithoutAnOrderAsksForOne() {
        var text = "01/10/2026"
        guard case .needsOrder = text.withUTF8({ FlexDateSyntax.date($0, order: nil) }) else {
            Issue.record("expected needsOrder")
            return
        }
    }
}
