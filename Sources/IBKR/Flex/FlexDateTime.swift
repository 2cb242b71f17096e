import Foundation

/// A Flex date-time: a day, usually a time of day, and sometimes the zone IBKR appended (`EDT`, `AEST`, `-04:00`).
///
/// Flex writes times in the statement's time zone (US/Eastern unless the account's entity says otherwise) and
/// only sometimes names it, so turning one into an instant needs a default zone: see `instant(defaultTimeZone:)`.
public struct FlexDateTime: Sendable, Hashable, Comparable, Encodable, CustomStringConvertible {
    public var date: FlexDate
    /// Seconds after midnight; -1 when the value carried only a date.
    let secondsOfDayOrNone: Int32
    /// The zone label's ASCII bytes packed little-endian (at most 8); 0 when there was none.
    let zoneLabel: UInt64

    public init(date: FlexDate, hour: Int? = nil, minute: Int = 0, second: Int = 0, zone: String? = nil) {
        self.date = date
        if let hour, (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) {
            secondsOfDayOrNone = Int32(hour * 3600 + minute * 60 + second)
        } else {
            secondsOfDayOrNone = -1
        }
        var label: UInt64 = 0
        let bytes = Array((zone ?? "").utf8)
        if bytes.count <= 8 {
            for (index, byte) in bytes.enumerated() { label |= UInt64(byte) << (8 * UInt64(index)) }
        }
        zoneLabel = label
    }

    init(date: FlexDate, secondsOfDay: Int32, zoneLabel: UInt64) {
        self.date = date
        self.secondsOfDayOrNone = secondsOfDay
        self.zoneLabel = zoneLabel
    }

    /// Seconds after midnight, nil for a date without a time.
    public var secondsOfDay: Int? { secondsOfDayOrNone < 0 ? nil : Int(secondsOfDayOrNone) }

    /// The zone label as written, e.g. `EDT`; nil when the value named none.
    public var zone: String? {
        guard zoneLabel != 0 else { return nil }
        var bytes: [UInt8] = []
        var label = zoneLabel
        while label != 0 {
            bytes.append(UInt8(truncatingIfNeeded: label))
            label >>= 8
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `2026-09-03 04:50:56 EDT`, `2026-09-03 04:50:56` or `2026-09-03`.
    public var description: String {
        var text = date.description
        if let seconds = secondsOfDay {
            let parts = [seconds / 3600, seconds / 60 % 60, seconds % 60].map { ($0 < 10 ? "0" : "") + String($0) }
            text += " " + parts.joined(separator: ":")
        }
        if let zone { text += " " + zone }
        return text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Orders by the wall-clock reading; zones are not reconciled (use `instant` for that).
    public static func < (lhs: FlexDateTime, rhs: FlexDateTime) -> Bool {
        (lhs.date, lhs.secondsOfDayOrNone) < (rhs.date, rhs.secondsOfDayOrNone)
    }

    /// The instant this value names. The zone written in the value wins when it is one we know (a fixed-offset
    /// abbreviation such as `EDT` or `AEST`, or a numeric offset); otherwise the reading is taken in
    /// `defaultTimeZone`. A date without a time means the start of that day.
    public func instant(defaultTimeZone: TimeZone) -> Date {
        let local = date.daysSince1970 * 86_400 + max(0, Int(secondsOfDayOrNone))
        if let offset = zone.flatMap(FlexDateTime.offset(ofZone:)) {
            return Date(timeIntervalSince1970: TimeInterval(local - offset))
        }
        // The offset at the local reading, corrected once so a reading next to a DST change lands right.
        let guess = Date(timeIntervalSince1970: TimeInterval(local - defaultTimeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))))
        return Date(timeIntervalSince1970: TimeInterval(local - defaultTimeZone.secondsFromGMT(for: guess)))
    }

    /// Seconds east of UTC for the labels Flex writes; abbreviations name fixed offsets (`EST` is -5 h even in July).
    /// Ambiguous abbreviations (`IST`, `GST`) are left out on purpose: they fall back to the default zone.
    static func offset(ofZone label: String) -> Int? {
        if let first = label.first, first == "+" || first == "-" {
            let digits = label.dropFirst().filter(\.isNumber)
            guard digits.count == 4 || digits.count == 2, let value = Int(digits) else { return nil }
            let seconds = digits.count == 4 ? (value / 100) * 3600 + (value % 100) * 60 : value * 3600
            return first == "-" ? -seconds : seconds
        }
        return zoneOffsets[label.uppercased()]
    }

    private static let zoneOffsets: [String: Int] = {
        let hours: [String: Double] = [
            "Z": 0, "UTC": 0, "GMT": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
            "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10, "BST": 1, "WET": 0, "WEST": 1, "CET": 1,
            "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3, "SGT": 8, "HKT": 8, "AWST": 8,
            "JST": 9, "KST": 9, "ACST": 9.5, "ACDT": 10.5, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
        ]
        return hours.mapValues { Int($0 * 3600) }
    }()
}
