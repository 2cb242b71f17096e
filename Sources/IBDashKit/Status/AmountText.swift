import Foundation
import Portfolio

/// Numbers as the reports and the status line print them: grouped with commas, a point for decimals, and an
/// ASCII minus, whatever the locale, so that scripts can read them back.
enum AmountText {
    /// `1,234,567.89`, rounded half away from zero.
    static func grouped(_ value: Decimal, places: Int) -> String {
        var text = value.plainText(places: places)
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = parts.first.map(String.init) ?? "0"
        var groups: [Substring] = []
        var end = whole.endIndex
        while end > whole.startIndex {
            let start = whole.index(end, offsetBy: -3, limitedBy: whole.startIndex) ?? whole.startIndex
            groups.insert(whole[start..<end], at: 0)
            end = start
        }
        var result = groups.joined(separator: ",")
        if parts.count == 2 { result += "." + parts[1] }
        // A value that rounds to zero has no sign.
        return negative && !isZero(result) ? "-" + result : result
    }

    /// `+4,120.50`, `-4,120.50`, `0.00`: a change, with its direction spelled out.
    static func signed(_ value: Decimal, places: Int) -> String {
        let text = grouped(value, places: places)
        return text.hasPrefix("-") || isZero(text) ? text : "+" + text
    }

    private static func isZero(_ text: String) -> Bool {
        text.allSatisfy { $0 == "0" || $0 == "," || $0 == "." }
    }

    /// Three significant digits with K, M or B: `950`, `45.6K`, `1.23M`, `-2.5B` → `-2.50B`.
    static func compact(_ value: Decimal) -> String {
        let units: [(suffix: String, size: Decimal)] = [("", 1), ("K", 1_000), ("M", 1_000_000), ("B", 1_000_000_000)]
        let magnitude = abs(value)
        var unit = 0
        while unit < units.count - 1, magnitude >= units[unit + 1].size { unit += 1 }
        if unit == 0 { return grouped(value, places: 0) }
        while true {
            let scaled = magnitude / units[unit].size
            let places = scaled < 10 ? 2 : scaled < 100 ? 1 : 0
            let rounded = scaled.rounded(scale: places)
            // 999.6K rounds to 1000K: that is 1.00M.
            if rounded >= 1_000, unit < units.count - 1 {
                unit += 1
                continue
            }
            return (value < 0 ? "-" : "") + rounded.plainText(places: places) + units[unit].suffix
        }
    }

    /// A price with at least two decimals and as many more as it has, up to eight: `190.00`, `1.08345`.
    static func price(_ value: Decimal) -> String {
        let text = "\(value)"
        let decimals = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
        return grouped(value, places: min(max(decimals, 2), 8))
    }

    /// `45.2%`: a percentage with one decimal.
    static func percent(_ value: Decimal) -> String {
        grouped(value, places: 1) + "%"
    }
}
