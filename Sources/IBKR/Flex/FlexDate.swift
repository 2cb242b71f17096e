import Foundation

/// A calendar day as a Flex statement writes it, without a time zone.
public struct FlexDate: Sendable, Hashable, Comparable, Encodable, CustomStringConvertible {
    /// `yyyymmdd` as one number, so that order and equality are integer comparisons.
    let packed: UInt32

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= FlexDate.days(inMonth: month, year: year)
        else { return nil }
        packed = UInt32(year * 10_000 + month * 100 + day)
    }

    public var year: Int { Int(packed / 10_000) }
    public var month: Int { Int(packed / 100 % 100) }
    public var day: Int { Int(packed % 100) }

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

    public static func < (lhs: FlexDate, rhs: FlexDate) -> Bool { lhs.packed < rhs.packed }

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
