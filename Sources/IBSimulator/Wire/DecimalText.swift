import Foundation

extension Decimal {
    /// Plain positional notation, never an exponent: what JSON numbers and the wire's numeric strings use.
    var plainText: String {
        let text = NSDecimalNumber(decimal: self).stringValue
        return text == "-0" ? "0" : text
    }

    /// Rounded half away from zero to `scale` decimal places.
    func rounded(_ scale: Int) -> Decimal {
        var input = self
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }

    /// Always `scale` decimal places (`"405.00"`), as the gateway prints prices in strings.
    func fixed(_ scale: Int) -> String {
        let text = rounded(scale).plainText
        guard scale > 0 else { return text }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return String(parts[0]) + "." + fraction.padding(toLength: scale, withPad: "0", startingAt: 0)
    }

    var doubleValue: Double { NSDecimalNumber(decimal: self).doubleValue }

    init(rounding value: Double, scale: Int) {
        self = Decimal(string: String(format: "%.\(scale)f", value)) ?? Decimal(value).rounded(scale)
    }
}
