import Foundation

/// The `FlexStatementResponse` answers of reference §3, written as captured from IBKR: no XML declaration, one
/// child per line, the timestamp single-quoted in US Eastern time.
enum FlexEnvelope {
    static func success(referenceCode: String, url: String, at now: Date, calendar: Calendar) -> String {
        document(
            at: now, calendar: calendar,
            children: [("Status", "Success"), ("ReferenceCode", referenceCode), ("Url", url)])
    }

    static func error(_ code: FlexErrorCode, at now: Date, calendar: Calendar) -> String {
        document(
            at: now, calendar: calendar,
            children: [("Status", code.status), ("ErrorCode", String(code.rawValue)), ("ErrorMessage", code.message)])
    }

    /// `02 November, 2026 09:15 AM EST`: `calendar` must be on New York time.
    static func timestamp(_ date: Date, calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let hour = parts.hour ?? 0
        let hour12 = hour % 12 == 0 ? 12 : hour % 12
        let month = Self.monthNames[((parts.month ?? 1) - 1) % 12]
        let zone = calendar.timeZone.isDaylightSavingTime(for: date) ? "EDT" : "EST"
        let day = (parts.day ?? 1).zeroPadded(2)
        let time = "\(hour12.zeroPadded(2)):\((parts.minute ?? 0).zeroPadded(2)) \(hour < 12 ? "AM" : "PM")"
        return "\(day) \(month), \(parts.year ?? 1970) \(time) \(zone)"
    }

    private static func document(at now: Date, calendar: Calendar, children: [(String, String)]) -> String {
        var lines = ["<FlexStatementResponse timestamp='\(timestamp(now, calendar: calendar))'>"]
        for (name, text) in children { lines.append("<\(name)>\(XMLText.escaped(text))</\(name)>") }
        lines.append("</FlexStatementResponse>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}
