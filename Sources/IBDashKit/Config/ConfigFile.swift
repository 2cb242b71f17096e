import Foundation
import Portfolio
import TOML

/// Finds and reads `config.toml`: the file given with `--config`, else `$XDG_CONFIG_HOME/ibdash/config.toml`
/// (default `~/.config/ibdash/config.toml`). No file at the default place means every default; a file given by name
/// must exist.
enum ConfigFile {
    static func defaultPath(environment: [String: String]) -> String? {
        XDGDirectories.config(environment).map { $0 + "/ibdash/config.toml" }
    }

    /// - Throws: `TOMLError` with every problem of the file, each naming the file, the line and the key.
    static func load(explicitPath: String?, environment: [String: String]) throws(TOMLError) -> AppConfiguration {
        let home = environment["HOME"]
        if let explicitPath {
            return try AppConfiguration(ConfigSchema.schema.load(path: explicitPath, home: home), home: home)
        }
        guard let path = defaultPath(environment: environment), FileManager.default.fileExists(atPath: path) else {
            return AppConfiguration()
        }
        return try AppConfiguration(ConfigSchema.schema.load(path: path, home: home), home: home)
    }
}
