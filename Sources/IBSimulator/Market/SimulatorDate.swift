import Foundation

/// A day of the proleptic Gregorian calendar, by Howard Hinnant's `days_from_civil` and `civil_from_days`
/// (https://howardhinnant.github.io/date_algorithms.html), so the simulator needs no Foundation `Calendar`,
/// which loads ICU's data (megabytes of resident memory in the demo, where the simulator shares the process).
///
/// The client has the same arithmetic in Portfolio's `CivilDate`. The simulator keeps its own copy on purpose:
/// it shares no code with the client, so a mistake in one cannot hide the same mistake in the other.
struct SimulatorDate: Sendable, Hashable, Comparable {
    let year: Int
    let month: Int
    let day: Int

    /// nil unless the day exists.
    init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= SimulatorDate.days(inMonth: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `days` after 1970-01-01.
    init(daysSince1970 days: Int) {
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

    var daysSince1970: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }

    /// 1 for Sunday through 7 for Saturday.
    var weekday: Int { SimulatorDate.floorModulo(daysSince1970 + 4, 7) + 1 }

    /// The same day of the month `months` later, or that month's last day when it is shorter (Jan 31 + 1 → Feb 28).
    func adding(months: Int) -> SimulatorDate {
        let index = year * 12 + month - 1 + months
        let year = SimulatorDate.floorDivide(index, 12), month = SimulatorDate.floorModulo(index, 12) + 1
        let day = min(self.day, SimulatorDate.days(inMonth: month, year: year))
        return SimulatorDate(year: year, month: month, day: day) ?? self
    }

    /// `yyyymmdd`.
    var compact: String { year.zeroPadded(4) + month.zeroPadded(2) + day.zeroPadded(2) }

    static func < (lhs: SimulatorDate, rhs: SimulatorDate) -> Bool { lhs.daysSince1970 < rhs.daysSince1970 }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    static func floorModulo(_ value: Int, _ divisor: Int) -> Int { value - floorDivide(value, divisor) * divisor }
}
