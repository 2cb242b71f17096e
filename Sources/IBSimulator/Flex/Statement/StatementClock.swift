import Foundation

/// Writes dates and times in New York time, the statement's time zone, as the query asks.
struct StatementClock: Sendable {
    let dateFormat: FlexDateFormat
    let timeFormat: FlexTimeFormat
    let separator: String
    let calendar: Calendar

    func date(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let year = parts.year ?? 1970
        let month = parts.month ?? 1
        let day = parts.day ?? 1
        switch dateFormat {
        case .yyyyMMdd: return year.zeroPadded(4) + month.zeroPadded(2) + day.zeroPadded(2)
        case .isoDashed: return "\(year.zeroPadded(4))-\(month.zeroPadded(2))-\(day.zeroPadded(2))"
        case .usSlashed: return "\(month.zeroPadded(2))/\(day.zeroPadded(2))/\(year.zeroPadded(4))"
        case .europeanSlashed: return "\(day.zeroPadded(2))/\(month.zeroPadded(2))/\(year.zeroPadded(4))"
        case .dayMonthName:
            let name = Instrument.monthNames[(month - 1) % 12].capitalized
            return "\(day.zeroPadded(2))-\(name)-\((year % 100).zeroPadded(2))"
        }
    }

    func dateTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        let fields = [parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0].map { $0.zeroPadded(2) }
        let time = fields.joined(separator: timeFormat == .colons ? ":" : "")
        return self.date(date) + separator + time
    }
}
