import Foundation

/// Numbers as the screen shows them: grouped thousands, a fixed number of decimals, an explicit sign where a change
/// is meant. Built from `Decimal`'s own digits, without Foundation's number formatters, because a full frame
/// formats thousands of numbers and must stay within a couple of milliseconds.
public enum NumberText {
    public enum Sign: Hashable, Sendable {
        /// `-5.00` and `5.00`.
        case negativeOnly
        /// `-5.00` and `+5.00`: for changes and P&L.
        case always
    }

    /// `amount` rounded half away from zero to `decimals` places, e.g. `1,234,567.89`.
    public static func format(
        _ amount: Decimal, decimals: Int = 2, sign: Sign = .negativeOnly, grouping: Bool = true
    ) -> String {
        let rounded = amount.rounded(scale: decimals)
        let digits = rounded.isZero ? "0" : "\(rounded.magnitude)"
        var integer = Substring(digits)
        var fraction = Substring("")
        if let point = digits.firstIndex(of: ".") {
            integer = digits[..<point]
            fraction = digits[digits.index(after: point)...]
        }
        var text = ""
        text.reserveCapacity(integer.count + integer.count / 3 + decimals + 2)
        if rounded < 0 {
            text.append("-")
        } else if sign == .always && rounded > 0 {
            text.append("+")
        }
        let count = integer.count
        for (offset, character) in integer.enumerated() {
            if grouping && offset > 0 && (count - offset) % 3 == 0 { text.append(",") }
            text.append(character)
        }
        if decimals > 0 {
            text.append(".")
            text.append(contentsOf: fraction.prefix(decimals))
            text.append(String(repeating: "0", count: max(0, decimals - fraction.count)))
        }
        return text
    }

    /// A quantity as traders write it: whole shares without decimals, fractions with as many as they have (up to 4).
    public static func quantity(_ value: Decimal, sign: Sign = .negativeOnly) -> String {
        let rounded = value.rounded(scale: 4)
        let text = "\(rounded.magnitude)"
        let places = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
        return format(rounded, decimals: places, sign: sign)
    }

    /// A price: 2 decimals, or 4 below 1 (options, FX, penny stocks), without grouping beyond thousands.
    public static func price(_ value: Decimal) -> String {
        format(value, decimals: value.magnitude < 1 && !value.isZero ? 4 : 2)
    }

    /// `12.34%` from 12.34; `sign: .always` for changes.
    public static func percent(_ value: Decimal, decimals: Int = 2, sign: Sign = .negativeOnly) -> String {
        format(value, decimals: decimals, sign: sign) + "%"
    }

    /// For narrow places: `1.23M`, `456.7k`, `12.3B`; below ten thousand, the whole amount without decimals.
    public static func compact(_ amount: Decimal, sign: Sign = .negativeOnly) -> String {
        let magnitude = amount.magnitude
        let units: [(Decimal, String)] = [(1_000_000_000_000, "T"), (1_000_000_000, "B"), (1_000_000, "M"), (10_000, "k")]
        for (scale, suffix) in units where magnitude >= scale {
            let divisor = suffix == "k" ? 1000 : scale
            let scaled = amount / divisor
            let decimals = scaled.magnitude >= 100 ? 1 : 2
            return format(scaled, decimals: decimals, sign: sign) + suffix
        }
        return format(amount, decimals: 0, sign: sign)
    }
}
