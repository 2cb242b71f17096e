import Foundation
import Testing

@testable import Portfolio

/// The calendar arithmetic that stands in for Foundation's Calendar, checked against known days and instants.
@Suite struct CivilDateTests {
    @Test func knownDaysSince1970() throws {
        #expect(try #require(CivilDate(year: 1970, month: 1, day: 1)).daysSince1970 == 0)
        #expect(try #require(CivilDate(year: 1969, month: 12, day: 31)).daysSince1970 == -1)
        #expect(try #require(CivilDate(year: 2000, month: 3, day: 1)).daysSince1970 == 11_017)
        // 1 793 430 942 s is 2026-10-31T07:15:42Z.
        #expect(try #require(CivilDate(year: 2026, month: 10, day: 31)).daysSince1970 == 1_793_430_942 / 86_400)
        #expect(try #require(CivilDate(year: 1, month: 1, day: 1)).daysSince1970 == -719_162)
        #expect(try #require(CivilDate(year: 9999, month: 12, day: 31)).daysSince1970 == 2_932_896)
    }

    @Test func everyDayRoundTripsAndCountsOnByOne() {
        // Every day from 1900 to 2200, one by one: the round trip holds and each day follows the one before.
        var broken: [Int] = []
        var previous = CivilDate(daysSince1970: -25_568)
        for days in -25_567...84_000 {
            let date = CivilDate(daysSince1970: days)
            let follows = date.day == previous.day + 1
                || (date.day == 1 && (date.month == previous.month % 12 + 1)
                    && previous.day == CivilDate.days(inMonth: previous.month, year: previous.year))
            if date.daysSince1970 != days || !follows || !(previous < date) { broken.append(days) }
            previous = date
        }
        #expect(broken.isEmpty)
    }

    @Test func leapYears() {
        #expect(CivilDate.isLeapYear(2024))
        #expect(CivilDate.isLeapYear(2000))
        #expect(!CivilDate.isLeapYear(1900))
        #expect(!CivilDate.isLeapYear(2100))
        #expect(!CivilDate.isLeapYear(2026))
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(daysSince1970: 19_782).description == "2024-02-29")
        #expect(CivilDate(daysSince1970: 19_783).description == "2024-03-01")
    }

    @Test func monthEndsAndBadDays() {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for (index, length) in lengths.enumerated() {
            #expect(CivilDate(year: 2026, month: index + 1, day: length) != nil)
            #expect(CivilDate(year: 2026, month: index + 1, day: length + 1) == nil)
        }
        #expect(CivilDate(year: 2026, month: 0, day: 1) == nil)
        #expect(CivilDate(year: 2026, month: 13, day: 1) == nil)
        #expect(CivilDate(year: 2026, month: 1, day: 0) == nil)
        #expect(CivilDate(year: 0, month: 1, day: 1) == nil)
        #expect(CivilDate(year: 10_000, month: 1, day: 1) == nil)
        #expect(CivilDate(daysSince1970: 20_512).description == "2026-02-28")
        #expect(CivilDate(daysSince1970: 20_513).description == "2026-03-01")
    }

    @Test func weekdaysCountFromSunday() throws {
        #expect(CivilDate(daysSince1970: 0).weekday == 5)  // 1970-01-01 was a Thursday
        #expect(try #require(CivilDate(year: 2026, month: 11, day: 22)).weekday == 1)
        #expect(try #require(CivilDate(year: 2026, month: 11, day: 21)).weekday == 7)
        #expect(CivilDate(daysSince1970: -1).weekday == 4)
    }

    @Test func instantsOnAClockWithAnOffset() {
        let instant = Date(timeIntervalSince1970: 1_793_430_942.75)  // 2026-10-31T07:15:42.75Z
        #expect(CivilDate(containing: instant).description == "2026-10-31")
        #expect(CivilDate.secondsOfDay(instant) == 7 * 3600 + 15 * 60 + 42)
        #expect(CivilDate(containing: instant, utcOffset: -8 * 3600).description == "2026-10-30")
        #expect(CivilDate.secondsOfDay(instant, utcOffset: -8 * 3600) == 23 * 3600 + 15 * 60 + 42)
        let before1970 = Date(timeIntervalSince1970: -0.5)
        #expect(CivilDate(containing: before1970).description == "1969-12-31")
        #expect(CivilDate.secondsOfDay(before1970) == 86_399)
    }

    /// Foundation's calendar is Julian before October 1582, so the comparison starts in 1600.
    @Test func agreesWithFoundationsCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for days in stride(from: -135_000, through: 200_000, by: 997) {
            let parts = calendar.dateComponents(
                [.year, .month, .day, .weekday], from: Date(timeIntervalSince1970: TimeInterval(days) * 86_400))
            let date = CivilDate(daysSince1970: days)
            #expect([date.year, date.month, date.day, date.weekday] == [parts.year, parts.month, parts.day, parts.weekday])
        }
    }

    @Test func iso8601InUTC() {
        #expect(ISO8601Text.utc(Date(timeIntervalSince1970: 1_793_430_942.9)) == "2026-10-31T07:15:42Z")
        #expect(ISO8601Text.utc(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(ISO8601Text.utc(Date(timeIntervalSince1970: 951_782_399)) == "2000-02-28T23:59:59Z")
        let sample = Date(timeIntervalSince1970: 1_709_251_199)
        #expect(ISO8601Text.utc(sample) == sample.formatted(.iso8601))
    }
}
