import Foundation

extension FlexForeignBody {
    /// A line a person can read in an error: an HTML page's title (or its text without tags), whitespace
    /// collapsed, at most 100 characters.
    public var shortPreview: String {
        var text = preview
        if kind == .html {
            text = Self.title(in: text) ?? text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        }
        let words = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return words.count > 100 ? String(words.prefix(100)) + "…" : words
    }

    private static func title(in html: String) -> String? {
        guard let start = html.range(of: "<title>", options: .caseInsensitive),
            let end = html.range(of: "</title>", options: .caseInsensitive, range: start.upperBound..<html.endIndex)
        else { return nil }
        let title = html[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        return title.isEmpty ? nil : title
    }
}
