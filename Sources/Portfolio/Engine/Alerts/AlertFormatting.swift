import Foundation

extension Decimal {
    /// The number with exactly `places` decimals, without grouping, as alerts and the log file show it.
    public func plainText(places: Int) -> String {
        var text = "\(rounded(scale: places))"
        guard places > 0 else { return text }
        let decimals = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 }
        if decimals == nil { text += "." }
        text += String(repeating: "0", count: max(0, places - (decimals ?? 0)))
        return text
    }

    var plainText: String { plainText(places: 2) }

    /// Quantities as IBKR states them: no padding, `100` or `0.5`.
    var quantityText: String { "\(self)" }
}

extension Duration {
    /// `45s`, `2m 5s`, `3h 10m`.
    public var shortText: String {
        let total = Int(timeInterval.rounded())
        let hours = total / 3600
        let minutes = total % 3600 / 60
        let seconds = total % 60
        if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
        if minutes > 0 { return seconds > 0 ? "\(minutes)m \(seconds)s" : "\(minutes)m" }
        return "\(seconds)s"
    }
}

extension OrderSide {
    public var word: String {
        switch self {
        case .buy: "BUY"
        case .sell: "SELL"
        case .other(let code): code
        }
    }
}
