import Foundation

/// An exact decimal number as a Flex statement writes it: `significand × 10^-scale`.
///
/// Parsed straight from the attribute bytes (no Foundation on the hot path) and converted to `Decimal`
/// without rounding. Holds up to 18 significant digits, which covers every amount, price, quantity and
/// rate IBKR writes; a longer number is reported as an invalid value rather than rounded.
public struct FlexDecimal: Sendable, Hashable, Comparable, Encodable, CustomStringConvertible {
    public let significand: Int64
    /// Digits after the decimal point, 0 through 18.
    public let scale: UInt8

    static let maximumScale: UInt8 = 18

    public init(significand: Int64, scale: UInt8 = 0) {
        self.significand = significand
        self.scale = min(scale, Self.maximumScale)
    }

    public static let zero = FlexDecimal(significand: 0)

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
        return FlexDecimal(significand: significand, scale: scale)
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
        guard sawDigit, scale <= Int(maximumScale) else { return scale > Int(maximumScale) ? parseLong(bytes) : .invalid }
        let signed = negative ? -Int64(magnitude) : Int64(magnitude)
        return .value(FlexDecimal(significand: signed, scale: UInt8(scale)))
    }

    /// More than 18 significant digits or decimals: trailing zeros of the fraction carry no value, so drop them
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
