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

    /// The first reset strictly after `date`. A zone other than New York, Zurich (or Berlin), Hong Kong or UTC
    /// is read as UTC. A reset time in the hour skipped in spring happens when that hour ends (03:00).
    public func next(after date: Date) -> Date {
        let zone = ExchangeZone(identifier: timeZone) ?? .utc
        let wanted = hour * 3600 + minute * 60
        let today = zone.reading(date).days
        for day in today...(today + 2) {
            var reset = zone.instant(days: day, secondsOfDay: wanted)
            if zone.reading(reset).secondsOfDay != wanted {
                // Inside the skipped hour: the clock jumps at a whole UTC hour, the first one after the reading.
                reset = Date(timeIntervalSince1970: ((reset.timeIntervalSince1970 / 3600).rounded(.down) + 1) * 3600)
            }
            if reset > date { return reset }
        }
        return date.addingTimeInterval(86_400)
    }
}
