import Foundation

/// Days and hours as the exchanges keep them. Trading days and statement dates are New York dates.
struct TradingCalendar: Sendable {
    let newYork = ExchangeZone.newYork
    let frankfurt = ExchangeZone.centralEurope

    /// Midnight in New York of the day containing `date`.
    func tradingDay(of date: Date) -> Date { newYork.startOfDay(for: date) }

    func isWeekday(_ date: Date, in zone: ExchangeZone) -> Bool {
        let weekday = zone.reading(date).date.weekday
        return weekday != 1 && weekday != 7
    }

    /// The `count` weekdays before `day` (oldest first), each as New York midnight.
    func businessDays(before day: Date, count: Int) -> [Date] {
        var days: [Date] = []
        var cursor = day
        while days.count < count {
            cursor = newYork.adding(days: -1, to: cursor)
            if isWeekday(cursor, in: newYork) { days.append(cursor) }
        }
        return days.reversed()
    }

    /// Noon in New York on the third Friday of the month `monthsAhead` months after `date`'s month (equity option
    /// and index future expiry).
    func thirdFriday(monthsAhead: Int, from date: Date) -> Date {
        let today = newYork.reading(date).date
        let month = today.adding(months: monthsAhead)
        let first = SimulatorDate(year: month.year, month: month.month, day: 1) ?? month
        let offset = (6 - first.weekday + 7) % 7 + 14
        return newYork.instant(days: first.daysSince1970 + offset, secondsOfDay: 12 * 3600)
    }

    func yyyymmdd(_ date: Date) -> String { newYork.reading(date).date.compact }

    /// Whether `instrument`'s exchange is in its regular session at `date`.
    func isRegularSession(_ instrument: Instrument, at date: Date) -> Bool {
        switch instrument.kind {
        case .future:
            // Index futures trade Sunday 18:00 to Friday 17:00 New York, with a daily break 17:00–18:00.
            let reading = newYork.reading(date)
            let weekday = reading.date.weekday
            let hour = reading.hour
            if weekday == 7 { return false }
            if weekday == 1 { return hour >= 18 }
            if weekday == 6 { return hour < 17 }
            return hour != 17
        case .stock, .option:
            let zone = instrument.currency == "USD" ? newYork : frankfurt
            guard isWeekday(date, in: zone) else { return false }
            let minute = zone.reading(date).secondsOfDay / 60
            return instrument.currency == "USD" ? (570..<960).contains(minute) : (540..<1050).contains(minute)
        }
    }
}
