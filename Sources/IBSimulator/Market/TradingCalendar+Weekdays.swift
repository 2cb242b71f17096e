import Foundation

extension TradingCalendar {
    /// `count` weekdays after `day`, in New York.
    func addingWeekdays(_ count: Int, to day: Date) -> Date {
        var cursor = day
        var left = count
        while left > 0 {
            cursor = newYork.adding(days: 1, to: cursor)
            if isWeekday(cursor, in: newYork) { left -= 1 }
        }
        return cursor
    }
}
