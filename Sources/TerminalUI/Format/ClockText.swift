import Foundation
import Glibc
import Portfolio

/// Times and dates of the screen in one fixed UTC offset, computed with plain arithmetic: no formatter objects
/// (they are slow, read process-wide settings and load ICU), and tests pin the offset to get the same frame anywhere.
public struct ClockText: Hashable, Sendable {
    /// Seconds east of UTC.
    public var utcOffset: Int

    public init(utcOffset: Int) { self.utcOffset = utcOffset }

    public static let utc = ClockText(utcOffset: 0)

    /// The local clock's offset at `date`, read once at start from the C library (`TZ`, else /etc/localtime)
    /// rather than from Foundation's TimeZone, which would load ICU's data for this one number.
    public static func local(at date: Date = Date()) -> ClockText {
        tzset()
        var seconds = time_t(CivilDate.seconds(date))
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return .utc }
        return ClockText(utcOffset: Int(parts.tm_gmtoff))
    }

    /// `14:05:09`.
    public func time(_ date: Date) -> String {
        let ofDay = CivilDate.secondsOfDay(date, utcOffset: utcOffset)
        return "\(two(ofDay / 3600)):\(two(ofDay % 3600 / 60)):\(two(ofDay % 60))"
    }

    /// `14:05`.
    public func minutes(_ date: Date) -> String { String(time(date).prefix(5)) }

    /// `2025-03-14`.
    public func day(_ date: Date) -> String { CivilDate(containing: date, utcOffset: utcOffset).description }

    /// A calendar day that is stored as midnight UTC (report dates), shown as that day wherever the user is.
    public static func reportDay(_ date: Date) -> String { ClockText.utc.day(date) }

    /// `2025-03-14 14:05`.
    public func dayAndMinutes(_ date: Date) -> String { day(date) + " " + minutes(date) }

    private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
