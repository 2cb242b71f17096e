import Foundation

/// Times and dates of the screen in one fixed UTC offset, computed with plain arithmetic: no formatter objects
/// (they are slow and read process-wide settings), and tests pin the offset to get the same frame anywhere.
public struct ClockText: Hashable, Sendable {
    /// Seconds east of UTC.
    public var utcOffset: Int

    public init(utcOffset: Int) { self.utcOffset = utcOffset }

    public static let utc = ClockText(utcOffset: 0)

    /// The offset of `timeZone` at `date`; the app asks once at start.
    public init(timeZone: TimeZone, at date: Date = Date()) {
        utcOffset = timeZone.secondsFromGMT(for: date)
    }

    /// `14:05:09`.
    public func time(_ date: Date) -> String {
        let seconds = localSeconds(date)
        let ofDay = ((seconds % 86_400) + 86_400) % 86_400
        return "\(two(ofDay / 3600)):\(two(ofDay % 3600 / 60)):\(two(ofDay % 60))"
    }

    /// `14:05`.
    public func minutes(_ date: Date) -> String { String(time(date).prefix(5)) }

    /// `2025-03-14`.
    public func day(_ date: Date) -> String {
        let (year, month, day) = civil(days: Self.floorDivide(localSeconds(date), 86_400))
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// A calendar day that is stored as midnight UTC (report dates), shown as that day wherever the user is.
    public static func reportDay(_ date: Date) -> String { ClockText.utc.day(date) }

    /// `2025-03-14 14:05`.
    public func dayAndMinutes(_ date: Date) -> String { day(date) + " " + minutes(date) }

    private func localSeconds(_ date: Date) -> Int {
        Int(date.timeIntervalSince1970.rounded(.down)) + utcOffset
    }

    private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil_from_days).
    private func civil(days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
