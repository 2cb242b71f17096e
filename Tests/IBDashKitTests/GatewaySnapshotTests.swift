import Foundation
import IBKR
import IBSimulator
import Portfolio
import Testing

@testable import IBDashKit

/// `ibdash snapshot` with no dashboard running, against the simulated gateway over HTTPS with its real pacing.
@Suite struct GatewaySnapshotTests {
    /// Prices still (a one-hour tick) and no random orders, so that what one request shows the next shows too.
    private static func configuration(accounts: Int, session: SimulatedSession = .brokerage) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.port = 0
        configuration.controlPort = 0
        configuration.tls = true
        configuration.accounts = accounts
        configuration.positionsPerAccount = 5
        configuration.historyDays = 10
        configuration.priceTick = .seconds(3_600)
        configuration.orderActivity = 0
        configuration.marketHours = .alwaysOpen
        configuration.switches.partialPositionProbability = 0
        configuration.initialSession = session
        return configuration
    }

    /// Runs `body` against a started simulator, and stops it afterwards whatever happens.
    private static func withSimulator(
        _ configuration: SimulatorConfiguration, _ body: (GatewaySimulator, String) async throws -> Void
    ) async throws {
        let simulator = GatewaySimulator(configuration: configuration)
        let endpoints = try await simulator.start()
        do {
            try await body(simulator, "https://127.0.0.1:\(endpoints.apiPort)")
        } catch {
            await simulator.stop()
            throw error
        }
        await simulator.stop()
    }

    private static func command(_ arguments: [String]) throws -> SnapshotCommand {
        try SnapshotCommand.parse(arguments)
    }

    /// The simulator's own `netliquidation` for `account`, read from its JSON. The session has listed its accounts
    /// already (the snapshot did), so the summary answers at once and no paced endpoint is called.
    private static func simulatorNetLiquidation(_ account: String, gateway: String) async throws -> Decimal {
        let connection = try ClientPortalConnection.open(.init(gateway: gateway, userAgent: "test", environment: [:]))
        let answer: GatewayResponse
        do {
            answer = try await connection.transport.send(GatewayRequest(.get, "/portfolio/\(account)/summary"))
        } catch {
            try await connection.close()
            throw error
        }
        try await connection.close()
        let json = try JSONValue(parsing: answer.body)
        guard case .number(let text) = json.objectValue?["netliquidation"]?.objectValue?["amount"],
            let value = Decimal(string: text)
        else { throw StatusSocketError.badAnswer("no netliquidation in the simulator's summary") }
        return value
    }

    @Test(.timeLimit(.minutes(2)))
    func withNoDashboardItFetchesOnceFromTheGatewayWithinItsPacing() async throws {
        try await Self.withSimulator(Self.configuration(accounts: 2)) { simulator, gateway in
            let directory = try TemporaryRuntimeDirectory()
            defer { directory.remove() }
            let outcome = try await Self.command(["--json", "--gateway", gateway]).outcome(environment: directory.environment)
            #expect(outcome.status == .ok && outcome.message == nil)
            let document = try StatusAnswer.decoder.decode(SnapshotDocument.self, from: Data(outcome.output.utf8))
            #expect(document.source == .gateway && document.connection.session == .authenticated)
            let statistics = await simulator.statistics()
            #expect(statistics.totalPacingViolations == 0 && statistics.totalRequests > 0)
            #expect("https://" + document.connection.gateway == gateway)
            let ids = await simulator.accountIDs()
            #expect(document.accounts.map(\.id) == ids)
            for account in document.accounts {
                let expected = try await Self.simulatorNetLiquidation(account.id, gateway: gateway)
                #expect(account.summary.netLiquidation == expected)
                #expect(account.positions.count == 5)
                for (name, age) in account.datasets.all {
                    #expect(age.freshness == .live, "\(account.id) \(name): \(age.error ?? "")")
                }
            }
            #expect(document.consolidated?.summary.netLiquidation != nil)
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func oneAccountIsFetchedAloneAndAnUnknownOneIsBadInput() async throws {
        try await Self.withSimulator(Self.configuration(accounts: 3)) { simulator, gateway in
            let directory = try TemporaryRuntimeDirectory()
            defer { directory.remove() }
            let ids = await simulator.accountIDs()
            let wanted = try #require(ids.last)
            let outcome = try await Self.command(["--csv", "--account", wanted, "--gateway", gateway])
                .outcome(environment: directory.environment)
            #expect(outcome.status == .ok)
            let accountsTable = outcome.output.components(separatedBy: "\n\n").first
            #expect(accountsTable?.split(separator: "\n").count == 2)
            #expect(accountsTable?.contains(wanted) == true)
            // One account's summary and ledger were asked for, not three.
            let requests = await simulator.statistics().requests
            #expect(requests.filter { $0.key.hasSuffix("/summary") || $0.key.hasSuffix("/ledger") }.values.sorted() == [1, 1])

            let unknown = try await Self.command(["--account", "U0000000", "--gateway", gateway])
                .outcome(environment: directory.environment)
            #expect(unknown.status == .badInput && unknown.output.isEmpty)
            #expect(unknown.message == "no account U0000000; the accounts are \(ids.joined(separator: ", "))")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func nobodyLoggedInIsExitThree() async throws {
        try await Self.withSimulator(Self.configuration(accounts: 1, session: .noSession)) { _, gateway in
            let directory = try TemporaryRuntimeDirectory()
            defer { directory.remove() }
            let outcome = try await Self.command(["--gateway", gateway]).outcome(environment: directory.environment)
            #expect(outcome.status == .needsLogin && outcome.output.isEmpty)
            #expect(outcome.message?.contains("log in at \(gateway)") == true)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func nothingListeningIsExitFour() async throws {
        // A port that was just in use and is free now.
        let simulator = GatewaySimulator(configuration: Self.configuration(accounts: 1))
        let port = try await simulator.start().apiPort
        await simulator.stop()
        try await TemporaryRuntimeDirectory.with { directory in
            let outcome = try await Self.command(["--gateway", "https://127.0.0.1:\(port)"])
                .outcome(environment: directory.environment)
            #expect(outcome.status == .unreachable && outcome.output.isEmpty)
            #expect(outcome.message?.contains("refused") == true)
        }
    }

    @Test func badGatewayOptionsAreBadInput() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            let outcome = try await Self.command(["--gateway", "http://localhost:5000"]).outcome(environment: directory.environment)
            #expect(outcome.status == .badInput && outcome.message?.contains("only https") == true)
            let both = try await Self.command(["--cacert", "/tmp/x.pem", "--insecure"]).outcome(environment: directory.environment)
            #expect(both.status == .badInput && both.message?.contains("contradict") == true)
        }
    }
}
