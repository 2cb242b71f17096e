import ArgumentParser

/// `ibdash flex`: the Flex Web Service from the command line, to set up and debug a Flex query.
public struct FlexCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "flex",
        abstract: "Fetch and inspect Flex Web Service statements (the history behind the dashboard).",
        discussion: """
            ibdash reads account history (daily NAV, trades, dividends, open lots) from an Activity Flex query. \
            Set one up in Client Portal → Performance & Reports → Flex Queries: choose XML output and the \
            sections you want, and note its Query ID. Then turn on the Flex Web Service there and make a token.

            The token is never a command-line option: put it in IBDASH_FLEX_TOKEN, or in a file only you can \
            read (chmod 600) given with --flex-token-file.

            IBKR allows 1 request a second and 10 a minute per token; ibdash stays within that by itself.
            """,
        subcommands: [FlexFetchCommand.self, FlexParseCommand.self]
    )

    public init() {}
}
