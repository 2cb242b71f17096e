import ArgumentParser
import Foundation
import IBKR
import Logging
import Portfolio

/// `ibdash flex fetch`: one statement, as IBKR sends it, to a file or standard output.
public struct FlexFetchCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch one Flex statement and write it exactly as IBKR sent it.",
        discussion: """
            Asks IBKR for the statement (SendRequest), then fetches it (GetStatement) until it is generated, \
            printing each step and wait on standard error, e.g. "generating (1019), next try in 5 s…". \
            Generating a statement takes seconds for small queries and minutes for years of trades; \
            --flex-max-wait sets how long to wait.

            When IBKR answers with an error code, the message says what it means and how to fix it \
            (for example 1012: the token expired; 1014: the Query ID is not one of this token's queries).

            Exit status: 0 the statement was written; 2 bad input (options, token, token file); 5 any other \
            failure (IBKR's error codes, the network, the output file).
            """
    )

    @OptionGroup public var flex: FlexOptions

    @OptionGroup public var config: ConfigOption

    @Option(help: ArgumentHelp("The Query ID to fetch; default: the one given with --flex-query.", valueName: "id"))
    public var query: String?

    @Option(help: ArgumentHelp("Write the statement to this file (mode 0600) instead of standard output.", valueName: "file"))
    public var out: String?

    public init() {}

    public func run() async throws {
        try await execute(output: .terminal).finish()
    }

    /// Fetches and writes; returns the exit status.
    func execute(output: CommandOutput, environment: [String: String] = ProcessInfo.processInfo.environment) async -> ExitStatus {
        let fail = { (message: String, code: ExitStatus) -> ExitStatus in
            output.note("ibdash flex fetch: \(message)")
            return code
        }
        let configuration: AppConfiguration
        do {
            configuration = try config.load(environment: environment)
        } catch {
            return fail(error.description, .badInput)
        }
        let given = flex.queries.isEmpty ? configuration.flex.queries : flex.queries
        let queries: [String]
        if let query {
            queries = [query]
        } else if given.count == 1 {
            queries = given
        } else {
            return fail(
                given.isEmpty
                    ? "which query? Give --query ID (the Query ID in Client Portal → Performance & Reports → Flex Queries)"
                    : "several queries are configured; pick one with --query ID",
                .badInput)
        }
        let connection: FlexConnection
        do {
            connection = try FlexConnection.open(
                flex.connectionOptions(queries: queries, configured: configuration.flex, environment: environment),
                logger: Logger(label: "ibdash.flex", factory: { _ in SwiftLogNoOpLogHandler() }))
        } catch {
            return fail(error.description, ExitStatus(error))
        }
        guard let query = connection.queries.first else { return fail("no query", .badInput) }
        let download: FlexDownload
        do {
            download = try await connection.client.fetchStatement(query) { output.note($0.description) }
        } catch let error as SourceError {
            await connection.close()
            return fail(error.description, ExitStatus(error))
        } catch {
            await connection.close()
            return fail("stopped", .failure)
        }
        await connection.close()
        guard let out else {
            output.result(download.body)
            return .ok
        }
        do {
            try PrivateFile.write([download.body], to: out)
        } catch {
            return fail(error.description, .failure)
        }
        output.note("wrote \(out.sanitized)")
        return .ok
    }
}
