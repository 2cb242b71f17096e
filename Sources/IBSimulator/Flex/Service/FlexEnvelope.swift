import Foundation

/// The `FlexStatementResponse` answers of reference §3, written as captured from IBKR: no XML declaration, one
/// child per line, the timestamp single-quoted in US Eastern time.
enum FlexEnvelope {
    static func success(referenceCode: String, url: String, at now: Date, zone: ExchangeZone) -> String {
        document(
            at: now, zone: zone,
            children: [("Status", "Success"), ("ReferenceCode", referenceCode), ("Url", url)])
    }

    static func error(_ code: FlexErrorCode, at now: Date, zone: ExchangeZone) -> String {
        document(
            at: now, zone: zone,
            children: [("Status", code.status), ("ErrorCode", String(code.rawValue)), ("ErrorMessage", code.message)])
    }

    /// `02 November, 2026 09:15 AM EST`: `zone` must be New York's.
    static func timestamp(_ date: Date, zone: ExchangeZone) -> String {
        let reading = zone.reading(date)
        let hour = reading.hour
        let hour12 = hour % 12 == 0 ? 12 : hour % 12
        let month = Self.monthNames[(reading.date.month - 1) % 12]
        let abbreviation = zone.isDaylightSavingTime(at: date) ? "EDT" : "EST"
        let day = reading.date.day.zeroPadded(2)
        let time = "\(hour12.zeroPadded(2)):\(reading.minute.zeroPadded(2)) \(hour < 12 ? "AM" : "PM")"
        return "\(day) \(month), \(reading.date.year) \(time) \(abbreviation)"
    }

    private static func document(at now: Date, zone: ExchangeZone, children: [(String, String)]) -> String {
        var lines = ["<FlexStatementResponse timestamp='\(timestamp(now, zone: zone))'>"]
        for (name, text) in children { lines.append("<\(name)>\(XMLText.escaped(text))</\(name)>") }
        lines.append("</FlexStatementResponse>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}
