/// Durations as people write them in config files: `"15s"`, `"500ms"`, `"6h"`, `"1h30m"`.
public enum DurationText {
    private static let units: [(suffix: String, duration: Duration)] = [
        ("ms", .milliseconds(1)), ("s", .seconds(1)), ("m", .seconds(60)), ("h", .seconds(3600)), ("d", .seconds(86400)),
    ]

    /// Whole numbers each followed by a unit, largest unit first is not required; nil for anything else.
    public static func parse(_ text: String) -> Duration? {
        var rest = Substring(text)
        var total = Duration.zero
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { ("0"..."9").contains($0) }
            guard !digits.isEmpty, digits.count <= 9, let count = Int(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            // "ms" before "m", so that 500ms is not read as 500 minutes and a stray "s".
            guard let unit = units.first(where: { rest.hasPrefix($0.suffix) }) else { return nil }
            rest = rest.dropFirst(unit.suffix.count)
            total += unit.duration * count
        }
        return total
    }

    /// The shortest form `parse` reads back: `15s`, `500ms`, `1h30m`.
    public static func format(_ duration: Duration) -> String {
        var milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        guard milliseconds > 0 else { return "0s" }
        var text = ""
        for (suffix, unit) in units.reversed() {
            let size = unit.components.seconds * 1000 + unit.components.attoseconds / 1_000_000_000_000_000
            let count = milliseconds / size
            if count > 0 {
                text += "\(count)\(suffix)"
                milliseconds -= count * size
            }
        }
        return text
    }
}
