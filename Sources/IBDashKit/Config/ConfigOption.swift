import ArgumentParser
import Foundation
import TOML

/// `--config FILE`, for every command that reads `config.toml` (the dashboard, `snapshot`, `flex fetch`).
public struct ConfigOption: ParsableArguments, Sendable {
    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "The configuration file (default: $XDG_CONFIG_HOME/ibdash/config.toml, if it exists).",
            valueName: "file"))
    public var path: String?

    public init() {}

    /// - Throws: `TOMLError` naming the file, the line and the key of every problem.
    func load(environment: [String: String]) throws(TOMLError) -> AppConfiguration {
        try ConfigFile.load(explicitPath: path, environment: environment)
    }
}
