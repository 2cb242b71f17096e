import ArgumentParser
import Foundation
import IBKR
import Portfolio

/// `ibdash snapshot`: every account's numbers, positions and orders with the age of each, for scripts and for a
/// quick look, from the running dashboard (no request to the gateway) or, with none running, from the gateway once.
public struct SnapshotCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print every account's numbers, positions and orders, with the age of each.",
        discussion: """
            The numbers come from the running dashboard, through its socket in $XDG_RUNTIME_DIR/ibdash (else \
            $XDG_STATE_HOME/ibdash): this sends no request to the gateway. With no dashboard running, ibdash asks \
            the gateway once (--gateway, --cacert, --insecure, IBDASH_BEARER_TOKEN), within IBKR's pacing limits: \
            with several accounts that takes some seconds, and snapshots run one after another, at least 5 s apart.

            Every dataset (summary, ledger, pnl, positions, orders) of every account carries its age and a \
            freshness word: live, aging, stale, missing (nothing yet) or error (the last try failed, nothing to show).

            --json prints one document (version 1): {version, source, generatedAt, connection, consolidated, \
            accounts: [{id, name, baseCurrency, type, paper, summary, datasets, positions, orders}]}. Every key is \
            always there, null when unknown; amounts are exact decimal strings ("-1234.5"), times ISO 8601 UTC, \
            ages whole seconds. consolidated is null with --account.

            --csv prints five tables in this order, each with its header row, separated by one empty line: \
            accounts, summary (the consolidated row has account ALL), datasets, positions, orders. Amounts are \
            exact decimals, unknown values empty; a text cell starting with = + - @ gets a leading '.

            \(ExitStatus.helpText) The report is still printed with 3 and 4 when the dashboard has numbers from \
            before the session ended.
            """
    )

    enum Format: String, EnumerableFlag {
        case text, json, csv

        static func help(for value: Format) -> ArgumentHelp? {
            switch value {
            case .text: "A report for people (the default)."
            case .json: "One JSON document, for scripts."
            case .csv: "CSV tables, for spreadsheets."
            }
        }
    }

    @Flag var format: Format = .text

    @Option(help: ArgumentHelp("Only this account, e.g. U1234567.", valueName: "id"))
    var account: String?

    @OptionGroup var gateway: GatewayOptions

    @OptionGroup var config: ConfigOption

    public init() {}

    public func run() async throws {
        try await outcome(environment: ProcessInfo.processInfo.environment).deliver()
    }

    /// How long the dashboard has to answer.
    static let dashboardTimeout: Duration = .seconds(5)

    func outcome(environment: [String: String], timeZone: TimeZone = .current) async -> CommandOutcome {
        let wanted = account.map { AccountID($0) }
        do throws(StatusSocketError) {
            let path = try StatusSocketLocation.path(environment: environment)
            let document = try StatusClient(path: path, timeout: Self.dashboardTimeout)
                .ask(.snapshot, as: SnapshotDocument.self)
            return report(document, only: wanted, timeZone: timeZone)
        } catch .notRunning, .noLocation {
            return await reportFromGateway(only: wanted, environment: environment, timeZone: timeZone)
        } catch {
            return CommandOutcome(message: error.description, status: .failure)
        }
    }

    private func reportFromGateway(only wanted: AccountID?, environment: [String: String], timeZone: TimeZone) async
        -> CommandOutcome
    {
        let configuration: AppConfiguration
        do {
            configuration = try config.load(environment: environment)
        } catch {
            return CommandOutcome(message: error.description, status: .badInput)
        }
        let connection: ClientPortalConnection
        do {
            connection = try ClientPortalConnection.open(
                gateway.connectionOptions(configured: configuration.gateway, environment: environment))
        } catch {
            return CommandOutcome(message: error.description, status: ExitStatus(error))
        }
        if isatty(STDERR_FILENO) == 1 {
            FileHandle.standardError.write(
                Data("ibdash: no dashboard is running; asking \(connection.address.displayName) once\n".utf8))
        }
        let snapshot = GatewaySnapshot(
            source: connection.source, connection: connection.connectionInfo, time: SystemTimeSource())
        let outcome: CommandOutcome
        do {
            let turn = try await GatewayFetchTurn.take(environment: environment)
            defer { turn.finish() }
            do {
                let state = try await snapshot.fetch(only: wanted)
                outcome = report(
                    SnapshotDocument(state: state, at: Date(), source: .gateway), only: wanted, timeZone: timeZone)
            } catch {
                outcome = Self.outcome(of: error)
            }
        } catch {
            outcome = CommandOutcome(message: error.description, status: .failure)
        }
        try? await connection.close()
        return outcome
    }

    static func outcome(of failure: GatewaySnapshot.Failure) -> CommandOutcome {
        switch failure {
        case .session(let status):
            return CommandOutcome(message: status.message ?? status.state.words, status: ExitStatus(status.state))
        case .source(let error):
            return CommandOutcome(message: error.description, status: ExitStatus(error))
        case .unknownAccount(let account, let known):
            return unknownAccount(account, known: known.map(\.rawValue))
        case .unexpected(let error):
            return CommandOutcome(message: "\(error)", status: .failure)
        }
    }

    private func report(_ document: SnapshotDocument, only wanted: AccountID?, timeZone: TimeZone) -> CommandOutcome {
        var document = document
        if let wanted {
            guard let filtered = document.only(wanted) else {
                return Self.unknownAccount(wanted, known: document.accounts.map(\.id))
            }
            document = filtered
        }
        let output: String
        switch format {
        case .text: output = SnapshotTextReport(document: document, timeZone: timeZone).rendered()
        case .csv: output = SnapshotCSV(document: document).rendered()
        case .json:
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            guard let data = try? encoder.encode(document) else {
                return CommandOutcome(message: "cannot encode the snapshot as JSON", status: .failure)
            }
            output = String(decoding: data, as: UTF8.self) + "\n"
        }
        let session = document.connection.session
        let status = ExitStatus(session.state)
        let message =
            status == .ok
            ? nil
            : "\(document.connection.gateway): \(session.state.words); the numbers are from before, see their ages"
        return CommandOutcome(output: output, message: message, status: status)
    }

    private static func unknownAccount(_ account: AccountID, known: [String]) -> CommandOutcome {
        let list = known.isEmpty ? "there are none" : "the accounts are \(known.joined(separator: ", "))"
        return CommandOutcome(message: "no account \(account.rawValue); \(list)", status: .badInput)
    }
}
