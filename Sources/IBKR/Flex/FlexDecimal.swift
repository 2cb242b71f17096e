import Foundation

/// An exact decimal number as a Flex statement writes it: `significand × 10^-scale`.
///
/// Parsed straight from the attribute bytes (no Foundation on the hot path) and converted to `Decimal`
/// without rounding. The significand has 56 bits (every 16-digit number, most 17-digit ones), which covers
/// the amounts, prices, quantities and rates IBKR writes; a longer number is reported as an invalid value
/// rather than rounded.
public struct FlexDecimal: Sendable, Hashable, Comparable, Encodable, CustomStringConvertible {
    // Three pieces and an enum scale make the value 8 bytes, and an optional one too (nil lives in the
    // scale's spare values): a statement's rows hold millions of these.
    private let low: UInt32
    private let middle: UInt16
    private let high: Int8
    private let exponent: Scale

    private enum Scale: UInt8 {
        case s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15, s16, s17, s18
    }

    /// The largest significand magnitude, 2^55 − 1.
    public static let maximumSignificand: Int64 = (1 << 55) - 1
    static let maximumScale: UInt8 = 18

    /// Nil when `significand` is beyond ±`maximumSignificand` or `scale` above 18.
    public init?(significand: Int64, scale: UInt8 = 0) {
        guard significand.magnitude <= UInt64(Self.maximumSignificand), let exponent = Scale(rawValue: scale) else {
            return nil
        }
        low = UInt32(truncatingIfNeeded: significand)
        middle = UInt16(truncatingIfNeeded: significand >> 32)
        high = Int8(truncatingIfNeeded: significand >> 48)
        self.exponent = exponent
    }

    public var significand: Int64 { Int64(high) << 48 | Int64(middle) << 32 | Int64(low) }
    /// Digits after the decimal point, 0 through 18.
    public var scale: UInt8 { exponent.rawValue }


    /// Parses a Flex number: optional sign, digits with optional `,` thousands separators, optional fraction.
    /// Returns nil for empty and null markers (`-`, `--`, `N/A`) and for text that is not a number.
    public init?(_ text: String) {
        var text = text
        let parsed = text.withUTF8 { FlexDecimal.parse($0) }
        guard case .value(let value) = parsed else { return nil }
        self = value
    }

    /// The same value as a Foundation `Decimal`, exactly.
    public var decimal: Decimal {
        Decimal(sign: significand < 0 ? .minus : .plus, exponent: -Int(scale), significand: Decimal(significand.magnitude))
    }

    /// The exact digits, e.g. `-1234.50`; the scale the statement used is kept.
    public var description: String {
        var digits = String(significand.magnitude)
        let scale = Int(scale)
        if scale > 0 {
            if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return significand < 0 ? "-" + digits : digits
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Equal values compare equal whatever their scale (`1.50 == 1.5`).
    public static func == (lhs: FlexDecimal, rhs: FlexDecimal) -> Bool {
        let left = lhs.normalized, right = rhs.normalized
        return left.significand == right.significand && left.scale == right.scale
    }

    public func hash(into hasher: inout Hasher) {
        let normal = normalized
        hasher.combine(normal.significand)
        hasher.combine(normal.scale)
    }

    public static func < (lhs: FlexDecimal, rhs: FlexDecimal) -> Bool { lhs.decimal < rhs.decimal }

    /// Without trailing zeros after the decimal point.
    var normalized: FlexDecimal {
        var significand = significand, scale = scale
        while scale > 0, significand % 10 == 0 {
            significand /= 10
            scale -= 1
        }
        return FlexDecimal(significand: significand, scale: scale) ?? self
    }
}

extension FlexDecimal {
    enum Parsed: Equatable {
        case value(FlexDecimal)
        /// Empty, `-`, `--` or `N/A`: the statement has no value here.
        case absent
        case invalid
    }

    /// Decodes the bytes of one attribute value. The common case (a short plain number) is a single pass.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .absent }
        let count = bytes.count
        var index = 0
        var negative = false
        let first = base[0]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
            if count == 1 { return .absent }
        }
        var magnitude: UInt64 = 0
        var digits = 0
        var scale = 0
        var sawPoint = false
        var sawDigit = false
        while index < count {
            let byte = base[index]
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                sawDigit = true
                if sawPoint { scale += 1 }
                if magnitude != 0 || digit != 0 { digits += 1 }
                if digits > 18 { return parseLong(bytes) }
                magnitude = magnitude &* 10 &+ UInt64(digit)
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else if byte == UInt8(ascii: ","), !sawPoint, sawDigit {
                // A thousands separator: skipped.
            } else {
                return nullMarker(bytes) ? .absent : .invalid
            }
            index += 1
        }
        guard sawDigit else { return .invalid }
        guard scale <= Int(maximumScale), magnitude <= UInt64(maximumSignificand) else { return parseLong(bytes) }
        let signed = negative ? -Int64(magnitude) : Int64(magnitude)
        return FlexDecimal(significand: signed, scale: UInt8(scale)).map { .value($0) } ?? .invalid
    }

    /// Too many digits or decimals: trailing zeros of the fraction carry no value, so drop them
    /// and try again; a number that still does not fit is not something IBKR writes.
    private static func parseLong(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed {
        guard let point = bytes.firstIndex(of: UInt8(ascii: ".")) else { return .invalid }
        var end = bytes.count
        while end > point + 1, bytes[end - 1] == UInt8(ascii: "0") { end -= 1 }
        if end == point + 1 { end = point }
        guard end < bytes.count else { return .invalid }
        return parse(UnsafeBufferPointer(rebasing: bytes[0..<end]))
    }

    private static func nullMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 2: bytes[0] == UInt8(ascii: "-") && bytes[1] == UInt8(ascii: "-")
        case 3: bytes[0] == UInt8(ascii: "N") && bytes[1] == UInt8(ascii: "/") && bytes[2] == UInt8(ascii: "A")
        default: false
        }
    }
}
