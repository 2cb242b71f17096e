import ArgumentParser
import Foundation
import IBKR

/// The Flex Web Service options, shared by `ibdash flex …` and the dashboard. The token itself is never an
/// option: argv is visible to every user of the machine.
public struct FlexOptions: ParsableArguments, Sendable {
    @Option(
        name: .customLong("flex-endpoint"), help: ArgumentHelp(
            "The Flex Web Service base URL, the part before /SendRequest.",
            discussion: """
                Default: https://ndcdyn.interactivebrokers.com/AccountManagement/FlexWebService. Plain http is \
                accepted for this machine only (the simulator).
                """, valueName: "url"))
    public var endpoint: String?

    @Option(
        name: .customLong("flex-query"), help: ArgumentHelp(
            "A Flex Query ID: the number beside the query in Client Portal → Performance & Reports → Flex Queries.",
            discussion: "Repeat for several queries; they are fetched one after another on the token's budget.",
            valueName: "id"))
    public var queries: [String] = []

    @Option(
        name: .customLong("flex-token-file"), help: ArgumentHelp(
            "A file holding the Flex Web Service token, readable only by you (chmod 600).",
            discussion: "Used when IBDASH_FLEX_TOKEN is not set.", valueName: "file"))
    public var tokenFile: String?

    @Option(
        name: .customLong("flex-max-wait"), help: ArgumentHelp(
            "Seconds to wait for IBKR to generate a statement before giving up (default 600).",
            discussion: "Large queries (years of trades) can take several minutes.", valueName: "seconds"))
    public var maxWait: Int?

    public init() {}

    /// The connection options: these options where given, else the configuration file's; `queries` in place of
    /// both when given.
    func connectionOptions(
        queries: [String]? = nil, configured: AppConfiguration.Flex = .init(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> FlexConnection.Options {
        FlexConnection.Options(
            endpoint: endpoint ?? configured.endpoint,
            queries: queries ?? (self.queries.isEmpty ? configured.queries : self.queries),
            tokenFile: tokenFile ?? configured.tokenFile,
            maxWait: maxWait.map { .seconds($0) } ?? configured.maxWait,
            userAgent: IBDashVersion.userAgent, environment: environment)
    }
}
