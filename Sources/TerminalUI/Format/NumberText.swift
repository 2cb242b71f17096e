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
        if let scaled = scaled(amount, decimals: decimals) {
            return text(scaled, decimals: decimals, sign: sign, grouping: grouping)
        }
        return decimalFormat(amount, decimals: decimals, sign: sign, grouping: grouping)
    }

    /// `format` by `Decimal`'s own rounding and digits: for what does not fit in 64 bits once rounded, and for tests to check
    /// the integer path against.
    static func decimalFormat(_ amount: Decimal, decimals: Int, sign: Sign, grouping: Bool) -> String {
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
        if var scaled = scaled(value, decimals: 4) {
            var places = 4
            while places > 0 && scaled.magnitude % 10 == 0 {
                scaled.magnitude /= 10
                places -= 1
            }
            return text(scaled, decimals: places, sign: sign, grouping: true)
        }
        return decimalQuantity(value, sign: sign)
    }

    /// `quantity` by `Decimal`'s own arithmetic (see `decimalFormat`).
    static func decimalQuantity(_ value: Decimal, sign: Sign) -> String {
        let rounded = value.rounded(scale: 4)
        let text = "\(rounded.magnitude)"
        let places = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
        return decimalFormat(rounded, decimals: places, sign: sign, grouping: true)
    }

    /// `value × 10^decimals` rounded half away from zero (`decimals` may be negative), as a sign and a whole number; `nil` when it does not fit
    /// in 64 bits (the caller then uses `Decimal`'s own arithmetic, exact but ten times slower). The rounding is
    /// done in 128 bits, which hold any `Decimal`'s significand: products of amounts and rates have 30 digits.
    private static func scaled(_ value: Decimal, decimals: Int) -> (negative: Bool, magnitude: UInt64)? {
        guard let parts = value.parts, abs(decimals) < Decimal.significandPowers.count else { return nil }
        let shift = parts.exponent + decimals
        let magnitude: UInt128
        if shift >= 0 {
            guard shift < Decimal.significandPowers.count else { return parts.significand == 0 ? (false, 0) : nil }
            let (product, overflow) = parts.significand.multipliedReportingOverflow(by: Decimal.significandPowers[shift])
            guard !overflow else { return nil }
            magnitude = product
        } else {
            guard -shift < Decimal.significandPowers.count else { return (false, 0) }
            let divisor = Decimal.significandPowers[-shift]
            let (quotient, remainder) = parts.significand.quotientAndRemainder(dividingBy: divisor)
            magnitude = remainder >= divisor - remainder ? quotient + 1 : quotient
        }
        guard let small = UInt64(exactly: magnitude) else { return nil }
        return (parts.negative && small != 0, small)
    }

    /// The digits of `scaled` with the point `decimals` from the right, grouped in thousands, signed as asked.
    private static func text(_ scaled: (negative: Bool, magnitude: UInt64), decimals: Int, sign: Sign, grouping: Bool)
        -> String
    {
        var digits: [UInt8] = []
        digits.reserveCapacity(32)
        var rest = scaled.magnitude
        var place = 0
        repeat {
            if place == decimals && decimals > 0 { digits.append(UInt8(ascii: ".")) }
            if place > decimals && grouping && (place - decimals) % 3 == 0 { digits.append(UInt8(ascii: ",")) }
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
            place += 1
        } while rest > 0 || place <= decimals
        if scaled.negative {
            digits.append(UInt8(ascii: "-"))
        } else if sign == .always && scaled.magnitude > 0 {
            digits.append(UInt8(ascii: "+"))
        }
        digits.reverse()
        return String(decoding: digits, as: UTF8.self)
    }

    /// A price: 2 decimals, or 4 below 1 (options, FX, penny stocks), without grouping beyond thousands.
    public static func price(_ value: Decimal) -> String {
        format(value, decimals: isBelowOne(value) && !value.isZero ? 4 : 2)
    }

    /// `|value| < 1`, from the digits when they can be read: a `Decimal` comparison costs as much as formatting.
    private static func isBelowOne(_ value: Decimal) -> Bool {
        guard let parts = value.parts else { return value.magnitude < 1 }
        guard parts.exponent < 0 else { return parts.significand == 0 }
        return -parts.exponent >= Decimal.significandPowers.count || parts.significand < Decimal.significandPowers[-parts.exponent]
    }

    /// `12.34%` from 12.34; `sign: .always` for changes.
    public static func percent(_ value: Decimal, decimals: Int = 2, sign: Sign = .negativeOnly) -> String {
        format(value, decimals: decimals, sign: sign) + "%"
    }

    /// For narrow places: `1.23M`, `456.7k`, `12.3B`; below ten thousand, the whole amount without decimals.
    public static func compact(_ amount: Decimal, sign: Sign = .negativeOnly) -> String {
        let magnitude = amount.magnitude
        // Each unit: where it starts, and the power of ten it divides by (`k` from 10,000, in thousands).
        let units: [(start: Decimal, power: Int, suffix: String)] = [
            (1_000_000_000_000, 12, "T"), (1_000_000_000, 9, "B"), (1_000_000, 6, "M"), (10_000, 3, "k"),
        ]
        for unit in units where magnitude >= unit.start {
            let decimals = magnitude >= 100 * powerOfTen(unit.power) ? 1 : 2
            // Dividing by a power of ten is exact: the integer path rounds the same digits, without a division.
            if let scaled = scaled(amount, decimals: decimals - unit.power) {
                return text(scaled, decimals: decimals, sign: sign, grouping: true) + unit.suffix
            }
            return format(amount / powerOfTen(unit.power), decimals: decimals, sign: sign) + unit.suffix
        }
        return format(amount, decimals: 0, sign: sign)
    }

    private static func powerOfTen(_ exponent: Int) -> Decimal { Decimal(sign: .plus, exponent: exponent, significand: 1) }
}
