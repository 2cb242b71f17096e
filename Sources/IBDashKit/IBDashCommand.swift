import ArgumentParser
import Foundation
import TerminalUI

/// `ibdash`: the dashboard itself, and the subcommands around it.
public struct IBDashCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ibdash",
        abstract: "A terminal dashboard for Interactive Brokers accounts.",
        discussion: """
            Without a subcommand, ibdash runs the dashboard against the Client Portal Gateway \
            (https://localhost:5000 by default; log in there in a browser first), or against its built-in \
            simulated gateway with --demo. Press ? in the dashboard for its keys.

            Configuration: $XDG_CONFIG_HOME/ibdash/config.toml (or --config FILE). Secrets come from the \
            environment or from files readable only by you, never from the command line: IBDASH_BEARER_TOKEN \
            (api.ibkr.com), IBDASH_FLEX_TOKEN (Flex Web Service).

            Exit status: 0 after q; 130, 143 or 129 after Ctrl-C, SIGTERM or SIGHUP; 2 bad input (an option, \
            the configuration file, a theme, not a terminal); 5 anything else.
            """,
        version: IBDashVersion.current,
        subcommands: [SimCommand.self, FlexCommand.self, SnapshotCommand.self, StatusLineCommand.self]
    )

    @OptionGroup var gateway: GatewayOptions

    @OptionGroup var flex: FlexOptions

    @OptionGroup var config: ConfigOption

    @Flag(help: "Run on the built-in simulated gateway: three accounts, moving prices, orders, Flex history, and a fault now and then. No IBKR account needed.")
    var demo = false

    @Option(help: ArgumentHelp("The colour theme (see --list-themes; default: config display.theme, else 'default').", valueName: "name"))
    var theme: String?

    @Flag(help: "List the themes ibdash can find, and where, then exit.")
    var listThemes = false

    @Flag(help: "Use no colour at all (also NO_COLOR=1).")
    var noColor = false

    public init() {}

    public func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        if listThemes {
            print(Self.themeList(environment: environment), terminator: "")
            return
        }
        let configuration: AppConfiguration
        do {
            configuration = try config.load(environment: environment)
        } catch {
            FileHandle.standardError.write(Data("ibdash: \(error.description)\n".utf8))
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
        let launch = DashboardLaunch(
            configuration: configuration, gateway: gateway, flex: flex, theme: theme, demo: demo, noColor: noColor,
            environment: environment)
        let status = await launch.run()
        if status != 0 { throw ExitCode(status) }
    }

    /// One line per theme: its name, and the file it comes from.
    static func themeList(environment: [String: String]) -> String {
        let library = ThemeLibrary.standard(environment: environment, executablePath: ThemeLibrary.currentExecutablePath())
        let entries = library.entries()
        guard !entries.isEmpty else {
            return "no themes found; looked in: " + library.directories.map(\.path).joined(separator: ", ") + "\n"
        }
        let width = entries.map(\.name.count).max() ?? 0
        return entries.map { $0.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.path + "\n" }
            .joined()
    }
}
