import Foundation
import Portfolio
import TOML

/// Where themes come from: the user's directory first (a user theme overrides a shipped one of the same name),
/// then the themes shipped with ibdash, found beside an installed binary or in the checkout it was built in.
public struct ThemeLibrary: Hashable, Sendable {
    public enum Origin: String, Hashable, Sendable {
        case user, shipped
    }

    public struct Directory: Hashable, Sendable {
        public var path: String
        public var origin: Origin

        public init(path: String, origin: Origin) {
            self.path = path
            self.origin = origin
        }
    }

    public struct Entry: Hashable, Sendable {
        public var name: String
        public var path: String
        public var origin: Origin
    }

    /// In the order they are searched.
    public let directories: [Directory]
    /// Makes file names in messages start with `~`.
    public let home: String?

    public init(directories: [Directory], home: String?) {
        self.directories = directories
        self.home = home
    }

    /// `$XDG_CONFIG_HOME/ibdash/themes` (else `~/.config/ibdash/themes`), then the shipped themes.
    public static func standard(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String? = currentExecutablePath()
    ) -> ThemeLibrary {
        var directories: [Directory] = []
        if let user = userDirectory(environment: environment) {
            directories.append(Directory(path: user, origin: .user))
        }
        if let executablePath, let shipped = shippedDirectory(executablePath: executablePath) {
            directories.append(Directory(path: shipped, origin: .shipped))
        }
        return ThemeLibrary(directories: directories, home: environment["HOME"])
    }

    static func userDirectory(environment: [String: String]) -> String? {
        XDGDirectories.config(environment).map { $0 + "/ibdash/themes" }
    }

    /// `<prefix>/share/ibdash/themes` for `<prefix>/bin/ibdash`; else, walking up from the executable (as
    /// `swift run` and `swift test` leave it in `.build`), the `themes` folder of the package root.
    public static func shippedDirectory(executablePath: String) -> String? {
        let executable = URL(fileURLWithPath: executablePath).standardizedFileURL
        let binDirectory = executable.deletingLastPathComponent()
        let installed = binDirectory.deletingLastPathComponent().appendingPathComponent("share/ibdash/themes").path
        if isDirectory(installed) { return installed }
        var folder = binDirectory
        while folder.path != "/" && !folder.path.isEmpty {
            let themes = folder.appendingPathComponent("themes").path
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                isDirectory(themes)
            {
                return themes
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// The running binary, symlinks resolved.
    public static func currentExecutablePath() -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    }

    /// Every theme by name, each once: the one that wins, a user theme over a shipped one.
    public func entries() -> [Entry] {
        var found: [String: Entry] = [:]
        for directory in directories.reversed() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for file in files where file.hasSuffix(".toml") {
                let name = String(file.dropLast(".toml".count))
                guard Self.isValidName(name) else { continue }
                found[name] = Entry(name: name, path: directory.path + "/" + file, origin: directory.origin)
            }
        }
        return found.values.sorted { $0.name < $1.name }
    }

    public func definition(named name: String) throws(ThemeError) -> ThemeDefinition {
        guard Self.isValidName(name) else { throw .invalidName(name) }
        let entries = entries()
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw .unknown(
                name: name, available: entries.map(\.name),
                searched: directories.map { TOMLDocument.displayName(of: $0.path, home: home) })
        }
        do {
            return try ThemeDefinition.load(name: name, path: entry.path, home: home)
        } catch {
            throw .invalid(error)
        }
    }

    /// The theme ready for a terminal of `colorCount` colours.
    public func theme(named name: String, colorCount: Int) throws(ThemeError) -> Theme {
        try definition(named: name).resolved(colorCount: colorCount)
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { TOMLKey.isBare(String($0)) }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
