import Foundation

/// A `FlexStatementResponse`: SendRequest's answer (a reference code and the URL to fetch it from) or an
/// error from either step (`Status` Fail or Warn with `ErrorCode` and `ErrorMessage`).
public struct FlexEnvelope: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        case success, fail, warn
        case other(String)

        init(_ text: String) {
            switch text.lowercased() {
            case "success": self = .success
            case "fail": self = .fail
            case "warn": self = .warn
            default: self = .other(text)
            }
        }
    }

    /// Nil when the envelope has no `Status` element.
    public var status: Status?
    public var referenceCode: String?
    public var url: String?
    public var errorCode: Int?
    /// IBKR's message, cleaned of control characters.
    public var errorMessage: String?
    /// The `timestamp` attribute as written, e.g. `02 November, 2026 09:15 AM EST`.
    public var timestamp: String?

    public init(
        status: Status? = nil, referenceCode: String? = nil, url: String? = nil, errorCode: Int? = nil,
        errorMessage: String? = nil, timestamp: String? = nil
    ) {
        self.status = status
        self.referenceCode = referenceCode
        self.url = url
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.timestamp = timestamp
    }

    /// IBKR's "statement generation in progress" (1019, normally with Status Warn): poll again later.
    public var isGenerationInProgress: Bool { errorCode == 1019 }

    /// `timestamp` as an instant, when it reads as `dd MMMM, yyyy hh:mm a zzz` with a zone such as EST or EDT;
    /// nil for a missing or odd timestamp (IBKR does not promise its format, so nothing depends on it).
    public var timestampDate: Date? {
        guard let timestamp else { return nil }
        let parts = timestamp.split(separator: " ")
        guard parts.count == 6, let day = Int(parts[0]), parts[1].hasSuffix(","),
            let month = Self.months.firstIndex(of: parts[1].dropLast().lowercased()), let year = Int(parts[2]),
            let date = FlexDate(year: year, month: month + 1, day: day)
        else { return nil }
        let clock = parts[3].split(separator: ":")
        guard clock.count == 2, let hour = Int(clock[0]), let minute = Int(clock[1]), (1...12).contains(hour),
            (0...59).contains(minute), let offset = FlexDateTime.offset(ofZone: String(parts[5]))
        else { return nil }
        let meridiem = parts[4].uppercased()
        guard meridiem == "AM" || meridiem == "PM" else { return nil }
        let hour24 = hour % 12 + (meridiem == "PM" ? 12 : 0)
        let local = date.daysSince1970 * 86_400 + hour24 * 3600 + minute * 60
        return Date(timeIntervalSince1970: TimeInterval(local - offset))
    }

    private static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
}
