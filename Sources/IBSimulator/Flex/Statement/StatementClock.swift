import Foundation

/// Writes dates and times in New York time, the statement's time zone, as the query asks.
struct StatementClock: Sendable {
    let dateFormat: FlexDateFormat
    let timeFormat: FlexTimeFormat
    let separator: String
    let zone: ExchangeZone

    func date(_ date: Date) -> String {
        let civil = zone.reading(date).date
        let year = civil.year
        let month = civil.month
        let day = civil.day
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
        let reading = zone.reading(date)
        let fields = [reading.hour, reading.minute, reading.second].map { $0.zeroPadded(2) }
        let time = fields.joined(separator: timeFormat == .colons ? ":" : "")
        return self.date(date) + separator + time
    }
}
