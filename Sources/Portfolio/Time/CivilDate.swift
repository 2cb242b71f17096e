import Foundation

/// A day of the proleptic Gregorian calendar, and the arithmetic between days and instants in a fixed UTC offset,
/// without Foundation's `Calendar`: every Calendar, TimeZone or date formatter loads ICU's data, several
/// megabytes of resident memory for a dashboard that only ever needs these few sums.
///
/// The conversions are Howard Hinnant's `days_from_civil` and `civil_from_days`
/// (https://howardhinnant.github.io/date_algorithms.html), exact for every year this type accepts.
/// IBSimulator keeps its own copy (`SimulatorDays`): it imports nothing of the client's by design.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// nil unless the day exists (`2025-02-29` does not); years 1 to 9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= CivilDate.days(inMonth: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `days` after 1970-01-01 (negative before it).
    public init(daysSince1970 days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The day that contains `date` on a clock `utcOffset` seconds east of UTC.
    public init(containing date: Date, utcOffset: Int = 0) {
        self.init(daysSince1970: CivilDate.floorDivide(CivilDate.seconds(date) + utcOffset, 86_400))
    }

    /// Days from 1970-01-01 to this day.
    public var daysSince1970: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Midnight UTC of this day.
    public var startOfDayUTC: Date { Date(timeIntervalSince1970: TimeInterval(daysSince1970) * 86_400) }

    /// 1 for Sunday through 7 for Saturday, as `Calendar` numbers them.
    public var weekday: Int { (CivilDate.floorModulo(daysSince1970 + 4, 7)) + 1 }

    /// ISO 8601, `2026-09-01`.
    public var description: String {
        CivilDate.padded(year, 4) + "-" + CivilDate.padded(month, 2) + "-" + CivilDate.padded(day, 2)
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeapYear(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Seconds after midnight of `date` on a clock `utcOffset` seconds east of UTC.
    public static func secondsOfDay(_ date: Date, utcOffset: Int = 0) -> Int {
        floorModulo(seconds(date) + utcOffset, 86_400)
    }

    /// Whole seconds since 1970, rounded down (so 1969's instants land in the right second too).
    public static func seconds(_ date: Date) -> Int { Int(date.timeIntervalSince1970.rounded(.down)) }

    /// `value` as decimal digits, zero-padded on the left to `width`.
    public static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    static func floorModulo(_ value: Int, _ divisor: Int) -> Int { value - floorDivide(value, divisor) * divisor }
}
