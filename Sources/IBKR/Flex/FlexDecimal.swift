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
        DecimalDigits(
            negative: significand < 0, magnitude: significand.magnitude, scale: Int(scale), hasSign: false,
            hasSeparators: false
        ).decimal
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
        guard !bytes.isEmpty else { return .absent }
        if bytes.count == 1, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { return .absent }
        switch DecimalDigits.scan(bytes) {
        case .digits(let digits):
            guard digits.scale <= Int(maximumScale), digits.magnitude <= UInt64(maximumSignificand) else {
                return parseLong(bytes)
            }
            let signed = digits.negative ? -Int64(digits.magnitude) : Int64(digits.magnitude)
            return FlexDecimal(significand: signed, scale: UInt8(digits.scale)).map { .value($0) } ?? .invalid
        case .tooLong:
            return parseLong(bytes)
        case .notANumber:
            return nullMarker(bytes) ? .absent : .invalid
        }
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
