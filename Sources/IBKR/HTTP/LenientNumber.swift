import Foundation
import Portfolio

/// Reads numbers the way IBKR writes them: JSON numbers, or strings such as `"405.00"`, `"1,300"` or `"+2.13"`.
enum LenientNumber {
    /// `nil` when the text is not a plain decimal number (thousands separators allowed in groups of three).
    static func decimal(_ text: String) -> Decimal? {
        if let plain = plainDecimal(text) { return plain }
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        if body.first == "+" { body = body.dropFirst() }
        guard let plain = removingThousandsSeparators(body), isDecimalLiteral(plain) else { return nil }
        // No locale: without one the decimal point is "." as IBKR writes it, and a Locale would load ICU.
        guard let value = Decimal(string: plain), !value.isNaN else {
            return nil
        }
        return value
    }

    /// A whole number written as an integer or as a decimal without fraction (`265598`, `"265598"`, `265598.0`).
    static func integer(_ text: String) -> Int? {
        if let value = Int(text.trimmingCharacters(in: .whitespaces)) { return value }
        guard let value = decimal(text), value == value.rounded(scale: 0), value.magnitude < 1e18 else { return nil }
        return NSDecimalNumber(decimal: value).intValue
    }

    /// The common case, read straight from the bytes: a minus or not, then at most 18 significant digits with at
    /// most one point. Foundation's `Decimal(string:)` takes about 1.5 µs a number on Linux and a positions page
    /// holds hundreds of numbers. The value is built the way Foundation's parser builds it (the tests compare them
    /// byte for byte), but for zero, which is always plain zero here. `nil` sends the text the long way.
    static func plainDecimal(_ text: String) -> Decimal? {
        var significand: UInt64 = 0
        var significantDigits = 0
        var digits = 0
        var fractionDigits = 0
        var negative = false
        var afterPoint = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if afterPoint { fractionDigits += 1 }
                guard significand != 0 || byte != UInt8(ascii: "0") else { continue }
                significantDigits += 1
                guard significantDigits <= 18 else { return nil }
                significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "-") where digits == 0 && !negative && !afterPoint:
                negative = true
            case UInt8(ascii: ".") where !afterPoint:
                afterPoint = true
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        guard significand != 0 else { return .zero }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(significand))
    }

    private static func removingThousandsSeparators(_ text: Substring) -> String? {
        guard text.contains(",") else { return String(text) }
        let integerPart = text.prefix { $0 != "." && $0 != "e" && $0 != "E" }
        let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.filter(\.isNumber).count),
            groups.dropFirst().allSatisfy({ $0.count == 3 }),
            !text.dropFirst(integerPart.count).contains(",")
        else { return nil }
        return text.replacingOccurrences(of: ",", with: "")
    }

    private static func isDecimalLiteral(_ text: String) -> Bool {
        var characters = Substring(text)
        if characters.first == "-" { characters = characters.dropFirst() }
        let mantissa = characters.prefix { $0 != "e" && $0 != "E" }
        let exponent = characters.dropFirst(mantissa.count)
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            parts.contains(where: { !$0.isEmpty })
        else { return false }
        if exponent.isEmpty { return true }
        var digits = exponent.dropFirst()
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
