import Foundation

/// A time zone as a rule: a standard offset and, for New York, the United States' daylight saving time.
/// It answers what the client needs (IBKR's Flex times, written in US/Eastern unless they name a zone) by
/// arithmetic, where Foundation's `TimeZone` would load ICU (see `CivilDate`).
///
/// The US rule is the one in force since 2007: daylight time from the second Sunday of March at 02:00 local
/// standard time to the first Sunday of November at 02:00 local daylight time. It is applied to every year,
/// so instants before 2007 can be an hour off; statements and trades this dashboard reads are recent.
public struct ZoneRule: Sendable, Hashable {
    /// Seconds east of UTC outside daylight saving time.
    public let standardOffset: Int
    /// Whether the US daylight saving rule applies.
    public let observesUSDaylightTime: Bool

    public static let utc = ZoneRule(standardOffset: 0, observesUSDaylightTime: false)
    /// America/New_York.
    public static let newYork = ZoneRule(standardOffset: -5 * 3600, observesUSDaylightTime: true)

    /// A zone at `seconds` east of UTC all year.
    public static func fixed(_ seconds: Int) -> ZoneRule { ZoneRule(standardOffset: seconds, observesUSDaylightTime: false) }

    /// Seconds east of UTC at `date`.
    public func offset(at date: Date) -> Int {
        isDaylightSavingTime(at: date) ? standardOffset + 3600 : standardOffset
    }

    public func isDaylightSavingTime(at date: Date) -> Bool {
        guard observesUSDaylightTime else { return false }
        let seconds = CivilDate.seconds(date)
        let year = CivilDate(containing: date, utcOffset: standardOffset).year
        // Both changes happen at 02:00 on the local clock in force before them.
        let start = ZoneRule.sunday(.second, month: 3, year: year) * 86_400 + 2 * 3600 - standardOffset
        let end = ZoneRule.sunday(.first, month: 11, year: year) * 86_400 + 2 * 3600 - (standardOffset + 3600)
        return seconds >= start && seconds < end
    }

    /// The instant a local wall-clock reading (seconds since 1970 on this zone's clock) names: the offset at the
    /// reading, corrected once, so readings next to a change land right. A reading in the skipped spring hour
    /// lands an hour early (02:30 becomes 01:30 EST); a repeated autumn reading is taken as daylight time.
    public func instant(localSeconds local: Int) -> Date {
        let guess = local - offset(at: Date(timeIntervalSince1970: TimeInterval(local)))
        return Date(timeIntervalSince1970: TimeInterval(local - offset(at: Date(timeIntervalSince1970: TimeInterval(guess)))))
    }

    private enum Week: Int { case first = 0, second = 1 }

    /// Days since 1970 of the first or second Sunday of `month`.
    private static func sunday(_ week: Week, month: Int, year: Int) -> Int {
        let first = CivilDate(year: year, month: month, day: 1)?.daysSince1970 ?? 0
        let weekday = CivilDate(daysSince1970: first).weekday
        return first + (8 - weekday) % 7 + week.rawValue * 7
    }
}
