import Foundation
import Portfolio

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
            day <= CivilDate.days(inMonth: month, year: year)
        else { return nil }
        yearValue = UInt16(year)
        self.monthValue = monthValue
        dayValue = UInt8(day)
    }

    public var year: Int { Int(yearValue) }
    public var month: Int { Int(monthValue.rawValue) }
    public var day: Int { Int(dayValue) }

    /// ISO 8601, `2026-09-01`.
    public var description: String { civil.description }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (lhs: FlexDate, rhs: FlexDate) -> Bool {
        (lhs.yearValue, lhs.monthValue.rawValue, lhs.dayValue) < (rhs.yearValue, rhs.monthValue.rawValue, rhs.dayValue)
    }

    /// Midnight UTC of this day: how Portfolio represents a report date.
    public var startOfDayUTC: Date { civil.startOfDayUTC }

    /// Days from 1970-01-01.
    var daysSince1970: Int { civil.daysSince1970 }

    private var civil: CivilDate {
        // The initializer checked the same bounds CivilDate checks, so this never falls back.
        CivilDate(year: year, month: month, day: day) ?? CivilDate(daysSince1970: 0)
    }
}
