import Foundation

/// The time of day IBKR ends every session (midnight New York by default), after which the user logs in again.
public struct DailyReset: Sendable, Hashable {
    public var hour: Int
    public var minute: Int
    /// A time zone identifier such as `America/New_York`, `Europe/Zurich` or `Asia/Hong_Kong`.
    public var timeZone: String

    public init(hour: Int = 0, minute: Int = 0, timeZone: String = "America/New_York") {
        self.hour = hour
        self.minute = minute
        self.timeZone = timeZone
    }

    /// The first reset strictly after `date`.
    public func next(after date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current
        let components = DateComponents(hour: hour, minute: minute, second: 0)
        return calendar.nextDate(after: date, matching: components, matchingPolicy: .nextTime)
            ?? date.addingTimeInterval(86_400)
    }
}
