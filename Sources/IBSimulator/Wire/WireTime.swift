import Foundation

/// The time spellings of reference §6.2. All string forms are UTC.
enum WireTime {
    static func milliseconds(_ date: Date) -> Int { Int((date.timeIntervalSince1970 * 1000).rounded(.down)) }

    static func seconds(_ date: Date) -> Int { Int(date.timeIntervalSince1970.rounded(.down)) }

    /// `YYMMDDhhmmss`, as orders' `lastExecutionTime`.
    static func compact(_ date: Date) -> String {
        let parts = utcParts(date)
        return String(format: "%02ld%02ld%02ld%02ld%02ld%02ld", parts.year % 100, parts.month, parts.day, parts.hour, parts.minute, parts.second)
    }

    /// `YYYYMMDD-hh:mm:ss`, as trades' `trade_time`.
    static func dashed(_ date: Date) -> String {
        let parts = utcParts(date)
        return String(format: "%04ld%02ld%02ld-%02ld:%02ld:%02ld", parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second)
    }

    private static func utcParts(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let reading = ExchangeZone.utc.reading(date)
        let day = reading.date
        return (day.year, day.month, day.day, reading.hour, reading.minute, reading.second)
    }
}
