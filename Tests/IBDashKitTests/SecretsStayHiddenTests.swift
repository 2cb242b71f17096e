import ArgumentParser
import Foundation
import IBKR
import IBSimulator
import Logging
import Portfolio
import TerminalUI
import Testing

@testable import IBDashKit

/// The bearer token and the Flex token reach the two services and nothing else: no command takes them as an
/// option, and after a run in which both are refused (no session at the gateway, Flex error 1012) neither the log
/// file, the alert log, the screen nor `snapshot`'s text, JSON or CSV holds them.
@Suite(.serialized) struct SecretsStayHiddenTests {
    static let bearer = "s3cr3t-bearer-0123456789abcdef"
    static let flexToken = "731946028517364028591736"

    @Test func noCommandTakesASecretAndTheHelpSaysWhereSecretsComeFrom() throws {
        // `ibdash sim --flex-token` is left out on purpose: it lists the made-up tokens the simulator accepts.
        let commands: [(name: String, type: any ParsableCommand.Type)] = [
            ("ibdash", IBDashCommand.self), ("flex fetch", FlexFetchCommand.self), ("snapshot", SnapshotCommand.self),
            ("status-line", StatusLineCommand.self),
        ]
        for command in commands {
            let help = IBDashCommand.helpMessage(for: command.type)
            let options = help.matches(of: /--[a-z0-9-]+/).map { String($0.output) }
            #expect(!options.isEmpty, "\(command.name)")
            for option in options where ["token", "secret", "password", "bearer"].contains(where: option.contains) {
                #expect(option == "--flex-token-file", "\(command.name) has \(option)")
            }
        }
        let attempts = [
            ["--bearer-token", Self.bearer], ["--token", Self.bearer], ["--flex-token", Self.flexToken],
            ["snapshot", "--bearer-token", Self.bearer], ["snapshot", "--token", Self.bearer],
            ["flex", "fetch", "--flex-token", Self.flexToken], ["flex", "fetch", "--token", Self.flexToken],
            ["status-line", "--token", Self.bearer],
        ]
        for arguments in attempts {
            #expect(throws: (any Error).self, "\(arguments)") { try IBDashCommand.parseAsRoot(arguments) }
        }
        let root = IBDashCommand.helpMessage().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(root.contains("never from the command line"))
        #expect(root.contains("IBDASH_BEARER_TOKEN") && root.contains("IBDASH_FLEX_TOKEN"))
        #expect(IBDashCommand.helpMessage(for: SnapshotCommand.self).contains("IBDASH_BEARER_TOKEN"))
        #expect(IBDashCommand.helpMessage(for: FlexFetchCommand.self).contains("IBDASH_FLEX_TOKEN"))
    }

    @Test func aRunWithFailuresKeepsBothTokensOutOfTheLogsTheAlertLogAndTheScreen() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ibdash-secrets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let logPath = directory.appendingPathComponent("ibdash.log").path
        let alertPath = directory.appendingPathComponent("alerts.log")
        let file = try #require(LogFile(path: logPath))
        var logger = Logger(label: "ibdash.flex") { LogFileHandler(label: $0, file: file) }
        logger.logLevel = .trace

        // Nobody is logged in at the gateway, and the Flex token has expired (1012).
        var gatewayConfiguration = Self.simulator(tls: true)
        gatewayConfiguration.initialSession = .noSession
        var flexConfiguration = Self.simulator(tls: false)
        flexConfiguration.flex.tokens = [FlexToken(value: Self.flexToken, status: .expired)]
        let gatewaySimulator = GatewaySimulator(configuration: gatewayConfiguration)
        let flexSimulator = GatewaySimulator(configuration: flexConfiguration)
        let gatewayEndpoints = try await gatewaySimulator.start()
        let flexEndpoints = try await flexSimulator.start()

        let gateway = try ClientPortalConnection.open(
            .init(
                gateway: "https://127.0.0.1:\(gatewayEndpoints.apiPort)", userAgent: IBDashVersion.userAgent,
                environment: [ClientPortalConnection.bearerTokenVariable: Self.bearer]))
        let flex = try FlexConnection.open(
            .init(
                endpoint: flexEndpoints.flexEndpoint.absoluteString, queries: ["100001"],
                userAgent: IBDashVersion.userAgent, environment: [FlexConnection.tokenVariable: Self.flexToken]),
            logger: logger)
        let engine = DashboardEngine(
            source: gateway.source, history: flex.historySource(cache: nil, logger: logger),
            configuration: EngineConfiguration(gateway: gateway.connectionInfo.gateway), time: SystemTimeSource(),
            alertLog: alertPath, environment: [:])
        await engine.start()
        var state = await engine.state
        for _ in 0..<300 where !Self.hasBothFailures(state) {
            try await Task.sleep(for: .milliseconds(100))
            state = await engine.state
        }
        await engine.stop()
        try await gateway.close()
        await flex.close()
        await gatewaySimulator.stop()
        await flexSimulator.stop()
        #expect(Self.hasBothFailures(state), "\(state.alerts.map(\.text))")

        let log = try String(contentsOfFile: logPath, encoding: .utf8)
        let alerts = try String(contentsOf: alertPath, encoding: .utf8)
        #expect(log.contains("SendRequest"), "the Flex requests are logged")
        #expect(alerts.contains("1012") && alerts.lowercased().contains("not logged in"), "\(alerts)")

        let theme = try ThemeDefinition.load(name: "default", path: Self.themes + "/default.toml", home: nil)
            .resolved(colorCount: 256)
        var screens: [String] = []
        for view in Self.views() {
            screens.append(DashboardRenderer.frame(state, view: view, theme: theme).lines.joined(separator: "\n"))
        }
        #expect(screens[0].contains("not logged in"))
        let everything = [log, alerts, state.connection.sessionMessage ?? ""] + screens + state.alerts.map(\.text)
            + [state.history.lastError?.description ?? ""]
        for text in everything {
            #expect(!text.contains(Self.bearer) && !text.contains(Self.flexToken), "\(text)")
        }
    }

    @Test func snapshotOutputHasNoToken() async throws {
        let simulator = GatewaySimulator(configuration: Self.simulator(tls: true))
        let endpoints = try await simulator.start()
        var outcomes: [CommandOutcome] = []
        do {
            try await TemporaryRuntimeDirectory.with { directory in
                var environment = directory.environment
                environment[ClientPortalConnection.bearerTokenVariable] = Self.bearer
                let gateway = ["--gateway", "https://127.0.0.1:\(endpoints.apiPort)"]
                for format in [[], ["--json"], ["--csv"]] {
                    outcomes.append(try await SnapshotCommand.parse(gateway + format).outcome(environment: environment))
                }
                await simulator.setSession(.noSession)
                outcomes.append(try await SnapshotCommand.parse(gateway).outcome(environment: environment))
            }
        } catch {
            await simulator.stop()
            throw error
        }
        await simulator.stop()
        #expect(outcomes.prefix(3).allSatisfy { $0.status == .ok && $0.output.contains("U") }, "\(outcomes)")
        #expect(outcomes.last?.status == .needsLogin, "\(String(describing: outcomes.last))")
        for outcome in outcomes {
            #expect(!outcome.output.contains(Self.bearer) && !(outcome.message ?? "").contains(Self.bearer))
        }
    }

    static func hasBothFailures(_ state: DashboardState) -> Bool {
        state.connection.session == .notLoggedIn && state.history.lastError != nil
    }

    static func simulator(tls: Bool) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.port = 0
        configuration.controlPort = 0
        configuration.tls = tls
        configuration.accounts = 1
        configuration.positionsPerAccount = 3
        configuration.historyDays = 5
        configuration.priceTick = .seconds(3_600)
        configuration.orderActivity = 0
        configuration.marketHours = .alwaysOpen
        return configuration
    }

    /// The main screen (status line and alerts), the help screen, and the Flex history.
    static func views() -> [ViewState] {
        let main = ViewState(size: TerminalSize(cols: 160, rows: 48))
        var help = main
        help.showHelp = true
        var history = main
        history.screens = [.main, .history]
        return [main, help, history]
    }

    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes").path
}
