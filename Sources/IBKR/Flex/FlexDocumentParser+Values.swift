#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Typed values from attribute bytes, for the row schemas. A value that cannot be read leaves its field nil
/// and is recorded as an issue with its line and column; empty values and null markers are simply nil.
extension FlexDocumentParser {
    mutating func decimal(_ value: Bytes) -> FlexDecimal? {
        switch FlexDecimal.parse(value) {
        case .value(let number): return number
        case .absent: return nil
        case .invalid:
            record(value, problem: "not a number")
            return nil
        }
    }

    /// A whole number such as a conid.
    mutating func integer(_ value: Bytes) -> Int? {
        switch FlexDecimal.parse(value) {
        case .value(let number) where number.scale == 0: return Int(number.significand)
        case .absent: return nil
        case .value, .invalid:
            record(value, problem: "not a whole number")
            return nil
        }
    }

    mutating func date(_ value: Bytes) -> FlexDate? {
        dated(value, FlexDateSyntax.date, problem: "not a date in a Flex date format")
    }

    mutating func dateTime(_ value: Bytes) -> FlexDateTime? {
        dated(value, FlexDateSyntax.dateTime, problem: "not a date-time in a Flex format")
    }

    private mutating func dated<Value>(
        _ value: Bytes, _ parse: (Bytes, FlexDayMonthOrder?) -> FlexDateSyntax.Parsed<Value>, problem: String
    ) -> Value? {
        switch parse(value, slashDates?.order) {
        case .value(let date): return date
        case .absent: return nil
        case .invalid:
            record(value, problem: problem)
            return nil
        case .needsOrder:
            decideSlashOrder()
            return dated(value, parse, problem: problem)
        }
    }

    /// Text that repeats across rows (codes, symbols, descriptions); nil when empty.
    mutating func interned(_ value: Bytes) -> String? {
        value.isEmpty ? nil : interner.string(value, readable: scanner.readable(value))
    }

    /// Text that is different on every row (ids, names); nil when empty.
    mutating func string(_ value: Bytes) -> String? {
        value.isEmpty ? nil : FlexText.string(value)
    }

    /// `Y`/`N`, `Yes`/`No`, `true`/`false`.
    mutating func flag(_ value: Bytes) -> Bool? {
        switch String(decoding: value, as: UTF8.self) {
        case "": return nil
        case "Y", "Yes", "YES", "true": return true
        case "N", "No", "NO", "false": return false
        default:
            record(value, problem: "not Y or N")
            return nil
        }
    }

    // MARK: - Issues

    mutating func record(_ value: Bytes, problem: String) {
        scope.issueCount += 1
        guard scope.issues.count < FlexStatementParser.issueLimit else { return }
        let offset = scanner.offset(of: attribute.value)
        let (line, column) = lines.location(of: offset, in: scanner.document)
        scope.issues.append(
            FlexValueIssue(
                line: line, column: column, element: FlexParseError.quote(element), attribute: FlexParseError.quote(attribute.name),
                value: FlexParseError.quote(value), problem: problem))
    }

    // MARK: - Slash dates

    /// Decides the statement's day/month order from its own values: the first slash date, from the one being
    /// read to the end of the statement, whose first field is above 12 (day first) or second field is
    /// (month first). When none tells, month first is assumed and the statement says so.
    mutating func decideSlashOrder() {
        let document = scanner.document
        var index = scanner.offset(of: attribute.value)
        while index < document.count, let base = document.baseAddress {
            let slash = FlexMarkupScanner.find(UInt8(ascii: "/"), from: base + index, to: base + document.count) - base
            guard slash < document.count else { break }
            if slash > 0, document[slash - 1] == UInt8(ascii: "<"), Self.closesStatement(document, at: slash + 1) { break }
            if let (first, second) = FlexDateSyntax.slashFields(around: slash, in: document) {
                if first > 12, second <= 12 {
                    slashDates = FlexSlashDateReading(order: .dayFirst, basis: .detected)
                    return
                }
                if second > 12, first <= 12 {
                    slashDates = FlexSlashDateReading(order: .monthFirst, basis: .detected)
                    return
                }
            }
            index = slash + 1
        }
        slashDates = FlexSlashDateReading(order: .monthFirst, basis: .assumed)
    }

    private static func closesStatement(_ document: Bytes, at index: Int) -> Bool {
        let name = "FlexStatement".utf8
        guard document.count - index > name.count, let base = document.baseAddress else { return false }
        let next = document[index + name.count]
        return memcmp(base + index, "FlexStatement", name.count) == 0 && !FlexMarkupScanner.isNameByte(next)
    }
}

/// Line numbers for issues without rescanning the document each time: issues come in document order.
struct FlexLineCounter {
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    mutating func location(of target: Int, in document: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        if target < offset { self = FlexLineCounter() }
        while offset < target, offset < document.count {
            if document[offset] == UInt8(ascii: "\n") {
                line += 1
                lineStart = offset + 1
            }
            offset += 1
        }
        // Continuation bytes of UTF-8 sequences do not start a column.
        let column = document[lineStart..<min(target, document.count)].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return (line, column)
    }
}
