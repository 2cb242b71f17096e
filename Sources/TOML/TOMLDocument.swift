import Foundation

/// A TOML file as read: the root table and the name of the file, for the messages of later checks.
public struct TOMLDocument: Hashable, Sendable {
    /// The file as the user should read its name (`~` for the home directory).
    public var file: String
    public var root: TOMLTable

    public init(file: String, root: TOMLTable) {
        self.file = file
        self.root = root
    }

    /// Reads TOML 1.0 text; `file` only names it in errors.
    public static func parse(_ text: String, file: String) throws(TOMLError) -> TOMLDocument {
        var parser = TOMLParser(text)
        do {
            return TOMLDocument(file: file, root: try parser.parseDocument())
        } catch {
            throw TOMLError(error.diagnostic(file: file))
        }
    }

    /// Reads a file from disk. Its name in messages starts with `~` when it lies under `home`.
    public static func load(path: String, home: String? = ProcessInfo.processInfo.environment["HOME"]) throws(TOMLError)
        -> TOMLDocument
    {
        let shown = displayName(of: path, home: home)
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw TOMLError(
                TOMLDiagnostic(file: shown, position: TOMLPosition(line: 1, column: 1), message: "cannot be read"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TOMLError(
                TOMLDiagnostic(
                    file: shown, position: TOMLPosition(line: 1, column: 1), message: "is not valid UTF-8 text"))
        }
        return try parse(text, file: shown)
    }

    /// `~/.config/ibdash/config.toml` rather than the full path of the home directory.
    public static func displayName(of path: String, home: String?) -> String {
        guard let home, !home.isEmpty, home != "/" else { return path }
        let prefix = home.hasSuffix("/") ? home : home + "/"
        return path.hasPrefix(prefix) ? "~/" + path.dropFirst(prefix.count) : path
    }
}
