import Foundation

/// The `--format` of `ibdash status-line`: literal text with placeholders, checked when it is read.
///
///     %n  net liquidation, all accounts, short: 1.23M (a * after it: accounts left out for want of a rate)
///     %N  net liquidation in full: 1,234,567
///     %d  day P&L with its sign: +4,120
///     %D  day P&L in percent of the prior close: +0.34%
///     %c  the currency of these numbers: USD
///     %f  freshness glyph: ● live, ◐ aging, ○ stale or missing, ✕ error
///     %F  freshness word: live, aging, stale, missing, error
///     %a  age of the oldest number behind the line: 4s, 2m 5s
///     %s  gateway session: authenticated, read-only, competing session, not logged in, unreachable, connecting
///     %S  like %s after a space when the session is not authenticated, nothing when it is
///     %%  a percent sign
struct StatusLineFormat: Hashable, Sendable {
    enum Placeholder: Character, Hashable, Sendable, CaseIterable {
        case netLiquidation = "n"
        case netLiquidationInFull = "N"
        case dailyPnl = "d"
        case dailyPnlPercent = "D"
        case currency = "c"
        case glyph = "f"
        case freshness = "F"
        case age = "a"
        case session = "s"
        case sessionTrouble = "S"
    }

    enum Part: Hashable, Sendable {
        case text(String)
        case placeholder(Placeholder)
    }

    static let standard = "NLV %n  %d %f%S"

    let parts: [Part]

    /// - Throws: a message naming the first unknown placeholder, or a lone `%` at the end.
    init(_ format: String) throws(StatusLineFormatError) {
        var parts: [Part] = []
        var text = ""
        var characters = format.makeIterator()
        while let character = characters.next() {
            guard character == "%" else {
                text.append(character)
                continue
            }
            guard let code = characters.next() else { throw StatusLineFormatError("the format ends in a lone %") }
            if code == "%" {
                text.append("%")
            } else if let placeholder = Placeholder(rawValue: code) {
                if !text.isEmpty { parts.append(.text(text)) }
                text = ""
                parts.append(.placeholder(placeholder))
            } else {
                throw StatusLineFormatError("%\(String(code).sanitized) is not a placeholder of --format")
            }
        }
        if !text.isEmpty { parts.append(.text(text)) }
        self.parts = parts
    }
}

/// A `--format` that cannot be used, with what is wrong with it.
struct StatusLineFormatError: Error, Hashable, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
