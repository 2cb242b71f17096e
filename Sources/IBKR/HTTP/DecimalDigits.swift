import Foundation

/// The digits of a plain decimal number, read from its bytes in one pass: a sign or not, digits with `,` between
/// them or not, a point and a fraction or not. The Flex reader and the Client Portal's lenient numbers both read
/// numbers this way (Foundation's `Decimal(string:)` costs about 1.5 µs a number on Linux), each with its own rules
/// on top: null markers and the longest value kept for Flex, no sign or separators on the fast path of the other.
struct DecimalDigits {
    var negative: Bool
    /// The significant digits, at most 18 of them.
    var magnitude: UInt64
    /// How many digits came after the point.
    var scale: Int
    /// A `+` or `-` came first.
    var hasSign: Bool
    /// A `,` came between digits before the point.
    var hasSeparators: Bool

    enum Scan {
        case digits(DecimalDigits)
        /// More than 18 significant digits (trailing zeros count).
        case tooLong
        /// Another character, or no digit at all.
        case notANumber
    }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .notANumber }
        var digits = DecimalDigits(negative: false, magnitude: 0, scale: 0, hasSign: false, hasSeparators: false)
        var index = 0
        if base[0] == UInt8(ascii: "-") || base[0] == UInt8(ascii: "+") {
            digits.negative = base[0] == UInt8(ascii: "-")
            digits.hasSign = true
            index = 1
        }
        var significant = 0
        var sawPoint = false
        var sawDigit = false
        while index < bytes.count {
            let byte = base[index]
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                sawDigit = true
                if sawPoint { digits.scale += 1 }
                if digits.magnitude != 0 || digit != 0 { significant += 1 }
                if significant > 18 { return .tooLong }
                digits.magnitude = digits.magnitude &* 10 &+ UInt64(digit)
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else if byte == UInt8(ascii: ","), !sawPoint, sawDigit {
                digits.hasSeparators = true
            } else {
                return .notANumber
            }
            index += 1
        }
        return sawDigit ? .digits(digits) : .notANumber
    }

    /// The same value as a Foundation `Decimal`, built the way Foundation's own parser builds it; zero is plain zero.
    var decimal: Decimal {
        Decimal(sign: negative && magnitude != 0 ? .minus : .plus, exponent: -scale, significand: Decimal(magnitude))
    }
}
