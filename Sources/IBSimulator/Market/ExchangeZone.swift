import Foundation

/// The clock of an exchange or of IBKR's daily reset, as a rule: a standard offset and a daylight saving rule.
/// Arithmetic where Foundation's `TimeZone` and `Calendar` would load ICU (see `SimulatorDate`).
///
/// The rules are those in force now, applied to every year: the United States' since 2007 (daylight time from
/// the second Sunday of March, 02:00 local standard time, to the first Sunday of November, 02:00 local daylight
/// time) and the European Union's since 1996 (last Sunday of March to last Sunday of October, 01:00 UTC both).
/// The simulator makes recent days only, so the older rules never matter.
struct ExchangeZone: Sendable, Hashable {
    enum DaylightRule: Sendable, Hashable { case none, unitedStates, europeanUnion }

    /// Seconds east of UTC outside daylight saving time.
    let standardOffset: Int
    let rule: DaylightRule

    static let utc = ExchangeZone(standardOffset: 0, rule: .none)
    static let newYork = ExchangeZone(standardOffset: -5 * 3600, rule: .unitedStates)
    /// Frankfurt and Zurich (Central European Time).
    static let centralEurope = ExchangeZone(standardOffset: 3600, rule: .europeanUnion)
    static let hongKong = ExchangeZone(standardOffset: 8 * 3600, rule: .none)

    /// The zones IBKR's daily reset is kept in (North America, Europe, Asia), by IANA name; nil for others.
    init?(identifier: String) {
        switch identifier {
        case "America/New_York", "US/Eastern": self = .newYork
        case "Europe/Zurich", "Europe/Berlin", "Europe/Frankfurt": self = .centralEurope
        case "Asia/Hong_Kong": self = .hongKong
        case "UTC", "GMT", "Etc/UTC": self = .utc
        default: return nil
        }
    }

    init(standardOffset: Int, rule: DaylightRule) {
        self.standardOffset = standardOffset
        self.rule = rule
    }

    /// A reading of this zone's clock.
    struct Reading: Sendable, Hashable {
        /// Days since 1970-01-01 on this clock.
        let days: Int
        let secondsOfDay: Int
        var date: SimulatorDate { SimulatorDate(daysSince1970: days) }
        var hour: Int { secondsOfDay / 3600 }
        var minute: Int { secondsOfDay / 60 % 60 }
        var second: Int { secondsOfDay % 60 }
    }

    func reading(_ date: Date) -> Reading {
        let local = Self.seconds(date) + offset(at: date)
        return Reading(
            days: SimulatorDate.floorDivide(local, 86_400), secondsOfDay: SimulatorDate.floorModulo(local, 86_400))
    }

    /// The instant at which this clock reads `secondsOfDay` on day `days`: the offset at the reading, corrected
    /// once, so readings next to a change land right. A reading in the skipped spring hour lands an hour early;
    /// a repeated autumn reading is taken in daylight time.
    func instant(days: Int, secondsOfDay: Int) -> Date {
        let local = days * 86_400 + secondsOfDay
        let guess = local - offset(at: Date(timeIntervalSince1970: TimeInterval(local)))
        return Date(timeIntervalSince1970: TimeInterval(local - offset(at: Date(timeIntervalSince1970: TimeInterval(guess)))))
    }

    /// Midnight on this clock of the day containing `date`.
    func startOfDay(for date: Date) -> Date { instant(days: reading(date).days, secondsOfDay: 0) }

    /// The same reading of the clock `days` days later (earlier when negative), as `Calendar` adds days.
    func adding(days: Int, to date: Date) -> Date {
        let now = reading(date)
        return instant(days: now.days + days, secondsOfDay: now.secondsOfDay) + Self.fraction(date)
    }

    /// The same reading of the clock `years` years later; February 29 becomes February 28 in a common year.
    func adding(years: Int, to date: Date) -> Date {
        let now = reading(date)
        let day = now.date.adding(months: 12 * years).daysSince1970
        return instant(days: day, secondsOfDay: now.secondsOfDay) + Self.fraction(date)
    }

    /// Seconds east of UTC at `date`.
    func offset(at date: Date) -> Int { isDaylightSavingTime(at: date) ? standardOffset + 3600 : standardOffset }

    func isDaylightSavingTime(at date: Date) -> Bool {
        let seconds = Self.seconds(date)
        let year = SimulatorDate(daysSince1970: SimulatorDate.floorDivide(seconds + standardOffset, 86_400)).year
        switch rule {
        case .none:
            return false
        case .unitedStates:
            let start = Self.sunday(month: 3, year: year, week: 2) * 86_400 + 2 * 3600 - standardOffset
            let end = Self.sunday(month: 11, year: year, week: 1) * 86_400 + 2 * 3600 - (standardOffset + 3600)
            return seconds >= start && seconds < end
        case .europeanUnion:
            let start = Self.lastSunday(month: 3, year: year) * 86_400 + 3600
            let end = Self.lastSunday(month: 10, year: year) * 86_400 + 3600
            return seconds >= start && seconds < end
        }
    }

    /// Days since 1970 of the `week`th Sunday of a month.
    private static func sunday(month: Int, year: Int, week: Int) -> Int {
        let first = SimulatorDate(year: year, month: month, day: 1)?.daysSince1970 ?? 0
        return first + (8 - SimulatorDate(daysSince1970: first).weekday) % 7 + (week - 1) * 7
    }

    private static func lastSunday(month: Int, year: Int) -> Int {
        let last = SimulatorDate(year: year, month: month, day: SimulatorDate.days(inMonth: month, year: year))?
            .daysSince1970 ?? 0
        return last - (SimulatorDate(daysSince1970: last).weekday - 1)
    }

    private static func seconds(_ date: Date) -> Int { Int(date.timeIntervalSince1970.rounded(.down)) }

    /// The part of a second that readings leave out.
    private static func fraction(_ date: Date) -> TimeInterval {
        date.timeIntervalSince1970 - date.timeIntervalSince1970.rounded(.down)
    }
}
