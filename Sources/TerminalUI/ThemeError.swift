import Portfolio
import TOML

/// Why a theme could not be had.
public enum ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No theme of that name in any theme directory.
    case unknown(name: String, available: [String], searched: [String])
    /// Theme names are file names: letters, digits, `-` and `_` only.
    case invalidName(String)
    /// The file exists and is wrong: every problem, with file, line and key.
    case invalid(TOMLError)

    public var description: String {
        switch self {
        case .unknown(let name, let available, let searched):
            let shown = TextSanitizer.clean(name)
            let hint = Spelling.closest(to: name, among: available).map { ", did you mean '\($0)'?" } ?? ""
            let list = available.isEmpty ? "no themes found" : "themes: " + available.joined(separator: ", ")
            return "unknown theme '\(shown)'\(hint) (\(list); looked in \(searched.joined(separator: ", ")))"
        case .invalidName(let name):
            return "'\(TextSanitizer.clean(name))' is not a theme name: use letters, digits, '-' and '_'"
        case .invalid(let error):
            return error.description
        }
    }
}
