import Foundation

/// Percentages as people write them in config files: `"2.5%"`, `"-3%"`, read as fractions (0.025, -0.03).
public enum PercentText {
    public static func parse(_ text: String) -> Decimal? {
        guard text.hasSuffix("%") else { return nil }
        let number = text.dropLast()
        var digits = number
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } })
        else { return nil }
        // No locale: the decimal point is then ".", and a Locale would load ICU.
        guard let value = Decimal(string: String(number)) else { return nil }
        return value / 100
    }

    public static func format(_ fraction: Decimal) -> String {
        (fraction * 100).description + "%"
    }
}
