import ArgumentParser

/// `ibdash`: the dashboard itself, and the subcommands around it.
public struct IBDashCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ibdash",
        abstract: "A terminal dashboard for Interactive Brokers accounts.",
        version: IBDashVersion.current,
        subcommands: [SimCommand.self, FlexCommand.self, SnapshotCommand.self, StatusLineCommand.self]
    )

    public init() {}

    public func run() async throws {
        print("ibdash \(IBDashVersion.current)")
    }
}
