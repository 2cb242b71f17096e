import Foundation

/// A calendar day as a Flex statement writes it, without a time zone.
public struct FlexDate: Sendable, Hashable, Comparable, Encodable, CustomStringConvertible {
    // Four bytes, and an optional date too: nil lives in the month enum's spare values.
    private let yearValue: UInt16
    private let monthValue: Month
    private let dayValue: UInt8

    private enum Month: UInt8 {
        case january = 1, february, march, april, may, june, july, august, september, october, november, december
    }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), let monthValue = Month(rawValue: UInt8(clamping: month)), day >= 1,
            day <= FlexDate.days(inMonth: month, year: year)
        else { return nil }
        yearValue = UInt16(year)
        self.monthValue = monthValue
        dayValue = UInt8(day)
    }

    public var year: Int { Int(yearValue) }
    public var month: Int { Int(monthValue.rawValue) }
    public var day: Int { Int(dayValue) }

    /// ISO 8601, `2026-09-01`.
    public var description: String {
        let year = String(year), month = String(month), day = String(day)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-"
            + (month.count == 1 ? "0" : "") + month + "-" + (day.count == 1 ? "0" : "") + day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (lhs: FlexDate, rhs: FlexDate) -> Bool {
        (lhs.yearValue, lhs.monthValue.rawValue, lhs.dayValue) < (rhs.yearValue, rhs.monthValue.rawValue, rhs.dayValue)
    }

    /// Midnight UTC of this day: how Portfolio represents a report date.
    public var startOfDayUTC: Date { Date(timeIntervalSince1970: TimeInterval(daysSince1970) * 86_400) }

    /// Days from 1970-01-01 (Howard Hinnant's `days_from_civil`), so no Calendar is needed.
    var daysSince1970: Int {
        let year = month <= 2 ? self.year - 1 : self.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
