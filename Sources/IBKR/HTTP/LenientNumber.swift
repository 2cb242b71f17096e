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

    /// The common case, read straight from the bytes (`DecimalDigits`): a minus or not, then at most 18 significant
    /// digits with at most one point. `nil` sends the text the long way, which also takes `+`, spaces, exponents and
    /// thousands separators in groups of three.
    static func plainDecimal(_ text: String) -> Decimal? {
        var text = text
        return text.withUTF8 { bytes in
            guard case .digits(let digits) = DecimalDigits.scan(bytes), digits.negative || !digits.hasSign,
                !digits.hasSeparators
            else { return nil }
            return digits.decimal
        }
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
