/// Which field comes first in slash dates (`MM/dd/yyyy` or `dd/MM/yyyy`): the bytes cannot tell `01/10/2026` apart.
public enum FlexDayMonthOrder: String, Sendable, Hashable, Encodable {
    case monthFirst
    case dayFirst
}

/// Reading the date and time formats a Flex query can be set to (reference §6.2), detected from each value's shape:
/// `yyyyMMdd`, `yyyy-MM-dd`, `MM/dd/yyyy`, `MM/dd/yy`, `dd/MM/yyyy`, `dd/MM/yy`, `dd-MMM-yy`; times `HHmmss` or
/// `HH:mm:ss` after `;`, `,`, `, `, a space, `T` or nothing, optionally followed by a zone (`EDT`, `AEST`, `-04:00`).
enum FlexDateSyntax {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    enum Parsed<Value> {
        case value(Value)
        /// Empty, `MULTI` (summary rows spanning dates) or a null marker.
        case absent
        case invalid
        /// A slash date, and the statement's day/month order is not known yet.
        case needsOrder
    }

    /// A date; a time after it (which a date attribute should not have) is checked and dropped.
    static func date(_ bytes: Bytes, order: FlexDayMonthOrder?) -> Parsed<FlexDate> {
        switch dateTime(bytes, order: order) {
        case .value(let dateTime): .value(dateTime.date)
        case .absent: .absent
        case .invalid: .invalid
        case .needsOrder: .needsOrder
        }
    }

    static func dateTime(_ bytes: Bytes, order: FlexDayMonthOrder?) -> Parsed<FlexDateTime> {
        if isAbsent(bytes) { return .absent }
        let date: FlexDate, used: Int
        switch datePrefix(bytes, order: order) {
        case .value(let parsed): (date, used) = parsed
        case .absent: return .absent
        case .invalid: return .invalid
        case .needsOrder: return .needsOrder
        }
        guard used < bytes.count else { return .value(FlexDateTime(date: date, secondsOfDay: -1, zoneCode: 0)) }
        guard let (seconds, zone) = timeAndZone(Bytes(rebasing: bytes[used...])) else { return .invalid }
        return .value(FlexDateTime(date: date, secondsOfDay: seconds, zoneCode: zone))
    }

    /// For a `/` in a document: the two fields of the slash date it starts, when it is the first `/` of one.
    static func slashFields(around slash: Int, in document: Bytes) -> (Int, Int)? {
        var start = slash
        while start > 0, slash - start < 2, isDigit(document[start - 1]) { start -= 1 }
        guard start < slash, start > 0, document[start - 1] == UInt8(ascii: "\"") || document[start - 1] == UInt8(ascii: "'")
        else { return nil }
        var end = slash + 1
        while end < document.count, end - slash <= 2, isDigit(document[end]) { end += 1 }
        guard end > slash + 1, end < document.count, document[end] == UInt8(ascii: "/") else { return nil }
        return (number(document, start..<slash), number(document, (slash + 1)..<end))
    }

    // MARK: - Pieces

    private static func isAbsent(_ bytes: Bytes) -> Bool {
        switch bytes.count {
        case 0: return true
        case 1: return bytes[0] == UInt8(ascii: "-")
        case 2: return bytes[0] == UInt8(ascii: "-") && bytes[1] == UInt8(ascii: "-")
        case 3: return bytes.elementsEqual("N/A".utf8)
        case 5: return bytes.elementsEqual("MULTI".utf8)
        default: return false
        }
    }

    /// The date at the start of `bytes` and how many bytes it took.
    private static func datePrefix(_ bytes: Bytes, order: FlexDayMonthOrder?) -> Parsed<(FlexDate, Int)> {
        let leading = digitRun(bytes, from: 0)
        if leading >= 8 {
            let date = FlexDate(year: number(bytes, 0..<4), month: number(bytes, 4..<6), day: number(bytes, 6..<8))
            return date.map { .value(($0, 8)) } ?? .invalid
        }
        guard leading > 0, leading < bytes.count else { return .invalid }
        let separator = bytes[leading]
        if leading == 4, separator == UInt8(ascii: "-") {
            guard bytes.count >= 10, digitRun(bytes, from: 5) == 2, bytes[7] == UInt8(ascii: "-"), digitRun(bytes, from: 8) >= 2
            else { return .invalid }
            let date = FlexDate(year: number(bytes, 0..<4), month: number(bytes, 5..<7), day: number(bytes, 8..<10))
            return date.map { .value(($0, 10)) } ?? .invalid
        }
        guard leading <= 2 else { return .invalid }
        let first = number(bytes, 0..<leading)
        if separator == UInt8(ascii: "/") {
            let secondStart = leading + 1
            let secondCount = digitRun(bytes, from: secondStart)
            let yearStart = secondStart + secondCount + 1
            guard (1...2).contains(secondCount), yearStart < bytes.count, bytes[yearStart - 1] == UInt8(ascii: "/")
            else { return .invalid }
            let yearCount = min(digitRun(bytes, from: yearStart), 4)
            guard yearCount == 2 || yearCount == 4 else { return .invalid }
            let second = number(bytes, secondStart..<(secondStart + secondCount))
            let year = fullYear(number(bytes, yearStart..<(yearStart + yearCount)), digits: yearCount)
            guard let order else { return .needsOrder }
            let (month, day) = order == .monthFirst ? (first, second) : (second, first)
            return FlexDate(year: year, month: month, day: day).map { .value(($0, yearStart + yearCount)) } ?? .invalid
        }
        if separator == UInt8(ascii: "-") {
            // dd-MMM-yy (or dd-MMM-yyyy): an English month abbreviation.
            let monthStart = leading + 1
            guard bytes.count >= monthStart + 5, bytes[monthStart + 3] == UInt8(ascii: "-"),
                let month = monthNumber(Bytes(rebasing: bytes[monthStart..<(monthStart + 3)]))
            else { return .invalid }
            let yearStart = monthStart + 4
            let yearCount = min(digitRun(bytes, from: yearStart), 4)
            guard yearCount == 2 || yearCount == 4 else { return .invalid }
            let year = fullYear(number(bytes, yearStart..<(yearStart + yearCount)), digits: yearCount)
            return FlexDate(year: year, month: month, day: first).map { .value(($0, yearStart + yearCount)) } ?? .invalid
        }
        return .invalid
    }

    /// What follows the date: separator, time, optional zone. Returns seconds after midnight and the zone code.
    private static func timeAndZone(_ bytes: Bytes) -> (Int32, UInt32)? {
        var index = 0
        switch bytes[0] {
        case UInt8(ascii: ";"), UInt8(ascii: " "), UInt8(ascii: "T"): index = 1
        case UInt8(ascii: ","): index = bytes.count > 1 && bytes[1] == UInt8(ascii: " ") ? 2 : 1
        default: break
        }
        guard digitRun(bytes, from: index) >= 2 else { return nil }
        let hour = number(bytes, index..<(index + 2))
        index += 2
        let colons = index < bytes.count && bytes[index] == UInt8(ascii: ":")
        var minute = 0, second = 0
        if colons {
            guard bytes.count >= index + 6, digitRun(bytes, from: index + 1) == 2, bytes[index + 3] == UInt8(ascii: ":"),
                digitRun(bytes, from: index + 4) >= 2
            else { return nil }
            minute = number(bytes, (index + 1)..<(index + 3))
            second = number(bytes, (index + 4)..<(index + 6))
            index += 6
        } else {
            guard digitRun(bytes, from: index) == 4 else { return nil }
            minute = number(bytes, index..<(index + 2))
            second = number(bytes, (index + 2)..<(index + 4))
            index += 4
        }
        guard hour < 24, minute < 60, second <= 60 else { return nil }
        guard let zone = zoneLabel(Bytes(rebasing: bytes[index...])) else { return nil }
        return (Int32(hour * 3600 + minute * 60 + second), zone)
    }

    /// Nothing, ` EDT`, `Z`, `-04:00`, ` +0100`.
    private static func zoneLabel(_ bytes: Bytes) -> UInt32? {
        var start = 0
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
        return FlexDateTime.zoneCode(bytes[start...])
    }

    private static func monthNumber(_ name: Bytes) -> Int? {
        let lower = String(decoding: name.map { $0 | 0x20 }, as: UTF8.self)
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        return months.firstIndex(of: lower).map { $0 + 1 }
    }

    private static func fullYear(_ year: Int, digits: Int) -> Int {
        digits == 4 ? year : (year >= 70 ? 1900 + year : 2000 + year)
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private static func digitRun(_ bytes: Bytes, from start: Int) -> Int {
        var index = start
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        return index - start
    }

    private static func number(_ bytes: Bytes, _ range: Range<Int>) -> Int {
        var value = 0
        for index in range { value = value * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
        return value
    }
}
