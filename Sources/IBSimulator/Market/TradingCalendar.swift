import Foundation

/// Days and hours as the exchanges keep them. Trading days and statement dates are New York dates.
struct TradingCalendar: Sendable {
    let newYork: Calendar
    let frankfurt: Calendar

    init() {
        var newYork = Calendar(identifier: .gregorian)
        newYork.timeZone = TimeZone(identifier: "America/New_York") ?? TimeZone(secondsFromGMT: -5 * 3600) ?? .current
        var frankfurt = Calendar(identifier: .gregorian)
        frankfurt.timeZone = TimeZone(identifier: "Europe/Berlin") ?? TimeZone(secondsFromGMT: 3600) ?? .current
        self.newYork = newYork
        self.frankfurt = frankfurt
    }

    /// Midnight in New York of the day containing `date`.
    func tradingDay(of date: Date) -> Date { newYork.startOfDay(for: date) }

    func isWeekday(_ date: Date, in calendar: Calendar) -> Bool {
        let weekday = calendar.component(.weekday, from: date)
        return weekday != 1 && weekday != 7
    }

    /// The `count` weekdays before `day` (oldest first), each as New York midnight.
    func businessDays(before day: Date, count: Int) -> [Date] {
        var days: [Date] = []
        var cursor = day
        while days.count < count {
            guard let previous = newYork.date(byAdding: .day, value: -1, to: cursor) else { break }
            cursor = previous
            if isWeekday(cursor, in: newYork) { days.append(cursor) }
        }
        return days.reversed()
    }

    /// The third Friday of the month `monthsAhead` months after `date`'s month (equity option and index future expiry).
    func thirdFriday(monthsAhead: Int, from date: Date) -> Date {
        let start = newYork.dateComponents([.year, .month], from: date)
        var components = DateComponents(year: start.year, month: (start.month ?? 1) + monthsAhead, day: 1)
        components.hour = 12
        let first = newYork.date(from: components) ?? date
        let weekday = newYork.component(.weekday, from: first)
        let offset = (6 - weekday + 7) % 7 + 14
        return newYork.date(byAdding: .day, value: offset, to: first) ?? first
    }

    func yyyymmdd(_ date: Date) -> String {
        let parts = newYork.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04ld%02ld%02ld", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// Whether `instrument`'s exchange is in its regular session at `date`.
    func isRegularSession(_ instrument: Instrument, at date: Date) -> Bool {
        switch instrument.kind {
        case .future:
            // Index futures trade Sunday 18:00 to Friday 17:00 New York, with a daily break 17:00–18:00.
            let parts = newYork.dateComponents([.weekday, .hour], from: date)
            let weekday = parts.weekday ?? 1
            let hour = parts.hour ?? 0
            if weekday == 7 { return false }
            if weekday == 1 { return hour >= 18 }
            if weekday == 6 { return hour < 17 }
            return hour != 17
        case .stock, .option:
            let calendar = instrument.currency == "USD" ? newYork : frankfurt
            guard isWeekday(date, in: calendar) else { return false }
            let parts = calendar.dateComponents([.hour, .minute], from: date)
            let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
            return instrument.currency == "USD" ? (570..<960).contains(minute) : (540..<1050).contains(minute)
        }
    }
}
