import Foundation
import Portfolio

/// A Flex date-time: a day, usually a time of day, and sometimes the zone IBKR appended (`EDT`, `AEST`, `-04:00`).
///
/// Flex writes times in the statement's time zone (US/Eastern unless the account's entity says otherwise) and
/// only sometimes names it, so turning one into an instant needs a default zone: see `instant(defaultTimeZone:)`.
public struct FlexDateTime: Sendable, Hashable, Comparable, Encodable, CustomStringConvertible {
    public var date: FlexDate
    /// Seconds after midnight; -1 when the value carried only a date.
    let secondsOfDayOrNone: Int32
    /// The zone: 0 for none; with the top bit set, a numeric offset in minutes in the low 16 bits; otherwise
    /// up to four ASCII letters, little-endian (`EDT`, `AEST`).
    let zoneCode: UInt32

    /// `zone`: an abbreviation of at most four letters or an offset such as `-04:00`; anything else is dropped.
    public init(date: FlexDate, hour: Int? = nil, minute: Int = 0, second: Int = 0, zone: String? = nil) {
        self.date = date
        if let hour, (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) {
            secondsOfDayOrNone = Int32(hour * 3600 + minute * 60 + second)
        } else {
            secondsOfDayOrNone = -1
        }
        zoneCode = zone.flatMap { Self.zoneCode(Array($0.utf8)) } ?? 0
    }

    init(date: FlexDate, secondsOfDay: Int32, zoneCode: UInt32) {
        self.date = date
        self.secondsOfDayOrNone = secondsOfDay
        self.zoneCode = zoneCode
    }

    /// The code for a zone label: letters (at most four) or a signed `hh:mm`, `hhmm` or `hh` offset.
    static func zoneCode(_ label: some BidirectionalCollection<UInt8>) -> UInt32? {
        guard let first = label.first else { return 0 }
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            let digits = label.dropFirst().filter { $0 != UInt8(ascii: ":") }
            guard digits.count == 2 || digits.count == 4, digits.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }),
                label.count - 1 - digits.count <= 1
            else { return nil }
            let value = digits.reduce(0) { $0 * 10 + Int($1 &- UInt8(ascii: "0")) }
            let minutes = digits.count == 4 ? value / 100 * 60 + value % 100 : value * 60
            guard minutes <= 18 * 60 else { return nil }
            return 0x8000_0000 | UInt32(UInt16(bitPattern: Int16(first == UInt8(ascii: "-") ? -minutes : minutes)))
        }
        guard label.count <= 4, label.allSatisfy({ ($0 | 0x20) &- UInt8(ascii: "a") < 26 }) else { return nil }
        return label.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Seconds after midnight, nil for a date without a time.
    public var secondsOfDay: Int? { secondsOfDayOrNone < 0 ? nil : Int(secondsOfDayOrNone) }

    /// The zone as written (`EDT`), or a numeric offset as `±hh:mm`; nil when the value named none.
    public var zone: String? {
        if zoneCode == 0 { return nil }
        if let minutes = offsetMinutes {
            let hours = String(abs(minutes) / 60), rest = String(abs(minutes) % 60)
            return (minutes < 0 ? "-" : "+") + (hours.count == 1 ? "0" : "") + hours + ":" + (rest.count == 1 ? "0" : "") + rest
        }
        var bytes: [UInt8] = []
        var code = zoneCode
        while code != 0 {
            bytes.append(UInt8(truncatingIfNeeded: code))
            code >>= 8
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private var offsetMinutes: Int? {
        zoneCode & 0x8000_0000 == 0 ? nil : Int(Int16(bitPattern: UInt16(truncatingIfNeeded: zoneCode)))
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
    public func instant(defaultTimeZone: ZoneRule) -> Date {
        let local = date.daysSince1970 * 86_400 + max(0, Int(secondsOfDayOrNone))
        if let offset = offsetMinutes.map({ $0 * 60 }) ?? zone.flatMap(FlexDateTime.offset(ofZone:)) {
            return Date(timeIntervalSince1970: TimeInterval(local - offset))
        }
        return defaultTimeZone.instant(localSeconds: local)
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
