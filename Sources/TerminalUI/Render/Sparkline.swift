import Foundation

/// Values as block characters (`▁▂▃▄▅▆▇█`): a chart of one or more rows, in eighths of a cell.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Rows from top to bottom, `height` cells high: each column filled up to its value in eighths.
    public static func chart(_ values: [Decimal], width: Int, height: Int) -> [String] {
        guard width > 0, height > 0 else { return [] }
        let recent = Array(values.suffix(width)).map { NSDecimalNumber(decimal: $0).doubleValue }
        // Fewer values than columns: each value takes an equal share of the width.
        let shown = recent.count < width && !recent.isEmpty
            ? (0..<(width / recent.count * recent.count)).map { recent[$0 * recent.count / (width / recent.count * recent.count)] }
            : recent
        guard let low = shown.min(), let high = shown.max() else {
            return Array(repeating: "", count: height)
        }
        let eighths = height * 8
        // Each column shows at least one eighth, so the lowest value is still visible.
        let levels = shown.map { value -> Int in
            guard high > low else { return eighths / 2 }
            return 1 + Int(((value - low) / (high - low) * Double(eighths - 1)).rounded())
        }
        return (0..<height).map { row in
            let floor = (height - 1 - row) * 8
            return String(levels.map { level -> Character in
                let part = level - floor
                if part <= 0 { return " " }
                return blocks[min(8, part) - 1]
            })
        }
    }
}
