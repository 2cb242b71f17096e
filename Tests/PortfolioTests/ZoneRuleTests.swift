import Foundation
import Testing

@testable import Portfolio

/// New York time by the US rule, against known changes and against Foundation's tz database.
@Suite struct ZoneRuleTests {
    private func instant(_ text: String) throws -> Date { try #require(ISO8601DateFormatter().date(from: text)) }

    @Test func springForwardInNewYork() throws {
        // 2026-03-08 is the second Sunday of March: 02:00 EST (07:00 UTC) becomes 03:00 EDT.
        #expect(ZoneRule.newYork.offset(at: try instant("2026-03-08T06:59:59Z")) == -5 * 3600)
        #expect(ZoneRule.newYork.offset(at: try instant("2026-03-08T07:00:00Z")) == -4 * 3600)
        #expect(!ZoneRule.newYork.isDaylightSavingTime(at: try instant("2026-03-01T12:00:00Z")))
    }

    @Test func fallBackInNewYork() throws {
        // 2026-11-01 is the first Sunday of November: 02:00 EDT (06:00 UTC) becomes 01:00 EST.
        #expect(ZoneRule.newYork.offset(at: try instant("2026-11-01T05:59:59Z")) == -4 * 3600)
        #expect(ZoneRule.newYork.offset(at: try instant("2026-11-01T06:00:00Z")) == -5 * 3600)
        // 2025: second Sunday of March is the 9th, first Sunday of November the 2nd.
        #expect(ZoneRule.newYork.offset(at: try instant("2025-03-09T07:00:00Z")) == -4 * 3600)
        #expect(ZoneRule.newYork.offset(at: try instant("2025-11-02T06:00:00Z")) == -5 * 3600)
    }

    @Test func agreesWithTheTimeZoneDatabaseSince2007() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let start = try instant("2007-01-01T00:30:00Z").timeIntervalSince1970
        let end = try instant("2037-12-31T00:00:00Z").timeIntervalSince1970
        for seconds in stride(from: start, through: end, by: 3600 * 7 + 60) {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(ZoneRule.newYork.offset(at: date) == newYork.secondsFromGMT(for: date))
        }
    }

    @Test func localReadingsBecomeInstants() throws {
        func local(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int = 0) throws -> Int {
            try #require(CivilDate(year: y, month: m, day: d)).daysSince1970 * 86_400 + h * 3600 + min * 60
        }
        #expect(ZoneRule.newYork.instant(localSeconds: try local(2026, 10, 30, 3, 15)) == (try instant("2026-10-30T07:15:00Z")))
        #expect(ZoneRule.newYork.instant(localSeconds: try local(2026, 12, 2, 12)) == (try instant("2026-12-02T17:00:00Z")))
        // Just before and after the spring change; 02:30 does not exist and lands an hour early.
        #expect(ZoneRule.newYork.instant(localSeconds: try local(2026, 3, 8, 1, 59)) == (try instant("2026-03-08T06:59:00Z")))
        #expect(ZoneRule.newYork.instant(localSeconds: try local(2026, 3, 8, 3)) == (try instant("2026-03-08T07:00:00Z")))
        #expect(ZoneRule.newYork.instant(localSeconds: try local(2026, 3, 8, 2, 30)) == (try instant("2026-03-08T06:30:00Z")))
        // 01:30 on the autumn day happens twice; the first (daylight) one is taken.
        #expect(ZoneRule.newYork.instant(localSeconds: try local(2026, 11, 1, 1, 30)) == (try instant("2026-11-01T05:30:00Z")))
        #expect(ZoneRule.utc.instant(localSeconds: 86_400) == Date(timeIntervalSince1970: 86_400))
        #expect(ZoneRule.fixed(3600).instant(localSeconds: 86_400) == Date(timeIntervalSince1970: 82_800))
    }
}
