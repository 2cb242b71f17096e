import Foundation
import Testing

@testable import IBSimulator

/// The simulator's own clock arithmetic (it shares none with the client), against known days and the tz database.
@Suite struct ExchangeZoneTests {
    private func instant(_ text: String) throws -> Date { try #require(ISO8601DateFormatter().date(from: text)) }

    @Test func daysRoundTripAndAgreeWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for days in stride(from: -30_000, through: 80_000, by: 13) {
            let date = SimulatorDate(daysSince1970: days)
            let parts = calendar.dateComponents(
                [.year, .month, .day, .weekday], from: Date(timeIntervalSince1970: TimeInterval(days) * 86_400))
            #expect([date.year, date.month, date.day, date.weekday] == [parts.year, parts.month, parts.day, parts.weekday])
            #expect(date.daysSince1970 == days)
        }
        #expect(SimulatorDate(year: 2024, month: 2, day: 29) != nil)
        #expect(SimulatorDate(year: 2025, month: 2, day: 29) == nil)
        #expect(SimulatorDate(year: 2025, month: 4, day: 31) == nil)
        #expect(SimulatorDate(year: 2025, month: 13, day: 1) == nil)
    }

    @Test func monthsAddedKeepTheDayOrEndTheMonth() throws {
        let january31 = try #require(SimulatorDate(year: 2024, month: 1, day: 31))
        #expect(january31.adding(months: 1) == SimulatorDate(year: 2024, month: 2, day: 29))
        #expect(january31.adding(months: 13) == SimulatorDate(year: 2025, month: 2, day: 28))
        #expect(january31.adding(months: -2) == SimulatorDate(year: 2023, month: 11, day: 30))
        #expect(january31.adding(months: 11).compact == "20241231")
    }

    @Test func newYorkAndCentralEuropeAgreeWithTheTimeZoneDatabase() throws {
        let zones: [(ExchangeZone, String)] = [(.newYork, "America/New_York"), (.centralEurope, "Europe/Berlin"),
            (.centralEurope, "Europe/Zurich"), (.hongKong, "Asia/Hong_Kong")]
        let start = try instant("2010-01-01T00:30:00Z").timeIntervalSince1970
        let end = try instant("2036-12-31T00:00:00Z").timeIntervalSince1970
        for (zone, identifier) in zones {
            let reference = try #require(TimeZone(identifier: identifier))
            #expect(ExchangeZone(identifier: identifier) == zone)
            var mismatches = 0
            for seconds in stride(from: start, through: end, by: 3600 * 5 + 60) {
                let date = Date(timeIntervalSince1970: seconds)
                if zone.offset(at: date) != reference.secondsFromGMT(for: date)
                    || zone.isDaylightSavingTime(at: date) != reference.isDaylightSavingTime(for: date)
                {
                    mismatches += 1
                }
            }
            #expect(mismatches == 0, "\(identifier)")
        }
    }

    @Test func europeanChangesAtOneUTC() throws {
        // 2026: last Sunday of March is the 29th, of October the 25th.
        #expect(ExchangeZone.centralEurope.offset(at: try instant("2026-03-29T00:59:59Z")) == 3600)
        #expect(ExchangeZone.centralEurope.offset(at: try instant("2026-03-29T01:00:00Z")) == 7200)
        #expect(ExchangeZone.centralEurope.offset(at: try instant("2026-10-25T00:59:59Z")) == 7200)
        #expect(ExchangeZone.centralEurope.offset(at: try instant("2026-10-25T01:00:00Z")) == 3600)
    }

    @Test func daysAreAddedOnTheWallClockAcrossChanges() throws {
        let newYork = ExchangeZone.newYork
        // Midnight before the spring change plus one day is midnight after it: 23 hours later.
        let saturday = try instant("2026-03-07T05:00:00Z")
        #expect(newYork.adding(days: 1, to: saturday) == (try instant("2026-03-08T05:00:00Z")))
        #expect(newYork.adding(days: 2, to: saturday) == (try instant("2026-03-09T04:00:00Z")))
        #expect(newYork.startOfDay(for: try instant("2026-03-09T03:59:59Z")) == (try instant("2026-03-08T05:00:00Z")))
        #expect(newYork.adding(days: -1, to: try instant("2026-11-02T05:00:00Z")) == (try instant("2026-11-01T04:00:00Z")))
        // The part of a second is kept, as Calendar keeps it.
        let leap = try instant("2024-02-29T17:00:00Z").addingTimeInterval(0.5)
        #expect(newYork.adding(years: 1, to: leap) == (try instant("2025-02-28T17:00:00Z").addingTimeInterval(0.5)))
        #expect(newYork.adding(years: 4, to: leap) == (try instant("2028-02-29T17:00:00Z").addingTimeInterval(0.5)))
    }

    @Test func tradingCalendarReadsNewYorkDays() throws {
        let calendar = TradingCalendar()
        // 03:00 UTC on Saturday 2026-11-21 is still Friday evening in New York.
        let friday = try instant("2026-11-21T03:00:00Z")
        #expect(calendar.yyyymmdd(friday) == "20261120")
        #expect(calendar.isWeekday(friday, in: calendar.newYork))
        #expect(!calendar.isWeekday(friday, in: calendar.frankfurt))
        #expect(calendar.businessDays(before: try instant("2026-11-23T05:00:00Z"), count: 3).map(calendar.yyyymmdd)
            == ["20261118", "20261119", "20261120"])
        #expect(calendar.yyyymmdd(calendar.thirdFriday(monthsAhead: 1, from: friday)) == "20261218")
        #expect(calendar.yyyymmdd(calendar.thirdFriday(monthsAhead: 2, from: friday)) == "20270115")
        #expect(calendar.yyyymmdd(calendar.addingWeekdays(1, to: calendar.tradingDay(of: friday))) == "20261123")
    }

    @Test func regularSessionsFollowEachExchangesClock() throws {
        let calendar = TradingCalendar()
        let stock = { (currency: String) in
            Instrument(
                conid: 1, symbol: "X", name: "X", kind: .stock, currency: currency, exchange: "X", multiplier: 1,
                expiry: nil, expiryDate: nil, strike: nil, right: nil, underlying: nil, sector: nil, group: nil,
                countryCode: "US", tick: 1, quarterlyDividend: 0, futureMargin: 0)
        }
        // New York opens 09:30 EDT (13:30 UTC) in summer and 09:30 EST (14:30 UTC) in winter.
        #expect(calendar.isRegularSession(stock("USD"), at: try instant("2026-07-01T13:30:00Z")))
        #expect(!calendar.isRegularSession(stock("USD"), at: try instant("2026-07-01T13:29:59Z")))
        #expect(!calendar.isRegularSession(stock("USD"), at: try instant("2026-12-01T14:29:59Z")))
        #expect(calendar.isRegularSession(stock("USD"), at: try instant("2026-12-01T14:30:00Z")))
        // Xetra 09:00–17:30 Frankfurt time: 07:00 UTC in summer.
        #expect(calendar.isRegularSession(stock("EUR"), at: try instant("2026-07-01T07:00:00Z")))
        #expect(!calendar.isRegularSession(stock("EUR"), at: try instant("2026-07-01T15:30:00Z")))
    }

    @Test func dailyResetsAcrossDaylightChanges() throws {
        let newYork = DailyReset(hour: 0, minute: 0, timeZone: "America/New_York")
        #expect(newYork.next(after: try instant("2026-03-07T12:00:00Z")) == (try instant("2026-03-08T05:00:00Z")))
        #expect(newYork.next(after: try instant("2026-03-08T05:00:00Z")) == (try instant("2026-03-09T04:00:00Z")))
        #expect(newYork.next(after: try instant("2026-10-31T12:00:00Z")) == (try instant("2026-11-01T04:00:00Z")))
        #expect(newYork.next(after: try instant("2026-11-01T04:00:00Z")) == (try instant("2026-11-02T05:00:00Z")))
        let zurich = DailyReset(hour: 23, minute: 45, timeZone: "Europe/Zurich")
        #expect(zurich.next(after: try instant("2026-07-01T12:00:00Z")) == (try instant("2026-07-01T21:45:00Z")))
        let hongKong = DailyReset(hour: 1, minute: 0, timeZone: "Asia/Hong_Kong")
        #expect(hongKong.next(after: try instant("2026-07-01T17:00:00Z")) == (try instant("2026-07-01T17:00:00Z").addingTimeInterval(86_400)))
        // A reset in the skipped spring hour happens when it ends, 03:00 EDT.
        let skipped = DailyReset(hour: 2, minute: 30, timeZone: "America/New_York")
        #expect(skipped.next(after: try instant("2026-03-08T05:00:00Z")) == (try instant("2026-03-08T07:00:00Z")))
        let unknown = DailyReset(hour: 6, minute: 0, timeZone: "Mars/Olympus")
        #expect(unknown.next(after: try instant("2026-07-01T12:00:00Z")) == (try instant("2026-07-02T06:00:00Z")))
    }

    @Test func wireTimesAreUTC() throws {
        let time = try instant("2024-02-29T23:59:58Z")
        #expect(WireTime.compact(time) == "240229235958")
        #expect(WireTime.dashed(time) == "20240229-23:59:58")
    }
}
