import Foundation

extension Schema {
    /// The README's table of every key: key, type, default, and what it is for.
    public func markdown() -> String {
        var lines = ["| Key | Type | Default | Description |", "| --- | --- | --- | --- |"]
        Self.rows(of: root, prefix: "", into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func rows(of table: SchemaTable, prefix: String, into lines: inout [String]) {
        for key in table.keys {
            let defaultText = key.defaultText.map { "`\(cell($0))`" } ?? "(none)"
            lines.append("| `\(prefix)\(TOMLKey.path([key.name]))` | \(cell(key.typeName)) | \(defaultText) | \(cell(key.summary)) |")
        }
        for subtable in table.tables {
            let name = prefix + TOMLKey.path([subtable.name])
            let header = subtable.isArray ? "[[\(name)]]" : "[\(name)]"
            lines.append(
                "| `\(header)` | \(subtable.isArray ? "array of tables" : "table") |  | \(cell(subtable.summary)) |")
            rows(of: subtable, prefix: subtable.isArray ? "\(header)." : "\(name).", into: &lines)
        }
    }

    /// Pipes would end the cell, and a newline the row.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
