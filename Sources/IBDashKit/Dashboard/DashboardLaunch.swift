import Foundation
import IBKR
import IBSimulator
import Logging
import Portfolio
import TerminalUI

/// What `ibdash` (the dashboard) does between its arguments and its exit: choose the theme, connect to the gateway
/// (or start the demo's simulated one), start the engine and the status socket, run the screen, and put everything
/// away again on every way out.
struct DashboardLaunch {
    var configuration: AppConfiguration
    var gateway: GatewayOptions
    var flex: FlexOptions
    var theme: String?
    var demo: Bool
    var noColor: Bool
    var environment: [String: String]

    /// 0 after `q`, 128 + N after signal N, 2 for bad input (nothing was drawn), 5 for anything else.
    @MainActor
    func run() async -> Int32 {
        LogFile.defaultPath(environment: environment).flatMap(LogFile.init(path:))?.bootstrap(level: .info)
        let logger = Logger(label: "ibdash")

        // Themes first: a typo in --theme should not cost a connection. The terminal's colours are known only once
        // the screen is open; it picks `mono` then for a terminal with fewer than 8, unless the user named a theme.
        let library = ThemeLibrary.standard(
            environment: environment, executablePath: ThemeLibrary.currentExecutablePath())
        let chosen: ThemeDefinition
        do {
            chosen = try library.definition(
                named: ThemeSelection.name(
                    explicit: theme, configured: configuration.display.theme, environment: environment,
                    colorless: noColor, colorCount: nil))
        } catch {
            return Self.fail(error.description, .badInput)
        }

        var demoGateway: DemoGateway?
        if demo {
            do {
                demoGateway = try await DemoGateway.start()
            } catch {
                return Self.fail("the demo's simulated gateway did not start: \(error)", .failure)
            }
        }
        let sources: Sources
        do {
            sources = try Sources.open(for: self, demo: demoGateway, logger: logger)
        } catch {
            await demoGateway?.stop()
            return Self.fail(error.description, ExitStatus(error))
        }

        let engine = DashboardEngine(
            source: sources.gateway.source, history: sources.history, configuration: engineConfiguration(sources),
            time: SystemTimeSource(), alertLog: alertLog, environment: environment)
        await engine.start()
        // Start-up's work (the demo's certificate, the first TLS handshakes, the first fetch of every dataset) is
        // done well within half a minute, IBKR's 5-second pacing of P&L included; what it left resident goes then.
        // Off the main actor: the kernel takes some milliseconds to go through the mappings.
        let settled = Task.detached(priority: .background) {
            try await Task.sleep(for: .seconds(30))
            MemoryTrim.afterBurst()
        }

        var server: StatusServer?
        do {
            server = try StatusServer.start(path: StatusSocketLocation.path(environment: environment))
        } catch {
            logger.notice("no status socket: \(error)")
        }
        let driver = StatusPublishingDriver(engine: engine, server: server)
        let faults = demoGateway.map { demo in
            Task { await DemoFaultSchedule().run(on: demo.simulator, time: SystemTimeSource()) }
        }

        let status: Int32
        do {
            status = try await DashboardApp.run(
                driver: driver, themes: ThemeCatalog(library: library), theme: chosen, options: screenOptions)
        } catch {
            status = Self.fail(error.description, .badInput)
        }

        faults?.cancel()
        settled.cancel()
        driver.stop()
        server?.stop()
        await engine.stop()
        await sources.close()
        await demoGateway?.stop()
        return status
    }

    private var screenOptions: DashboardOptions {
        DashboardOptions(
            useColor: !noColor, noColor: !(environment["NO_COLOR"] ?? "").isEmpty,
            clock: ClockText.local(),
            themeIsChosen: ThemeSelection.isChosen(explicit: theme, configured: configuration.display.theme))
    }

    /// The demo's alerts are not the user's: they stay on screen and out of the alert log.
    private var alertLog: URL? {
        guard !demo else { return nil }
        return configuration.alerts.logFile.map { URL(fileURLWithPath: $0) }
            ?? AlertLogFile.defaultURL(environment: environment)
    }

    private func engineConfiguration(_ sources: Sources) -> EngineConfiguration {
        let connection = sources.gateway.connectionInfo
        return EngineConfiguration(
            gateway: connection.gateway, cadences: configuration.cadences, thresholds: configuration.alerts.thresholds,
            hook: demo ? nil : configuration.alerts.hook, tmuxNotifications: !demo && configuration.alerts.tmux,
            displayCurrency: configuration.display.currency, isDemo: demo, tlsInsecure: connection.tlsInsecure)
    }

    /// One line on stderr (the terminal is ours again, or was never taken).
    static func fail(_ message: String, _ status: ExitStatus) -> Int32 {
        FileHandle.standardError.write(Data("ibdash: \(CommandOutcome.oneLine(message))\n".utf8))
        return status.rawValue
    }
}

extension DashboardLaunch {
    /// The two IBKR services, connected as the options, the configuration file or the demo say.
    struct Sources {
        let gateway: ClientPortalConnection
        let flex: FlexConnection?
        let history: FlexHistorySource?

        static func open(for launch: DashboardLaunch, demo: DemoGateway?, logger: Logger) throws(SourceError) -> Sources {
            let environment = launch.environment
            let gatewayOptions: ClientPortalConnection.Options
            let flexOptions: FlexConnection.Options?
            let cache: FlexStatementCache?
            if let demo {
                gatewayOptions = ClientPortalConnection.Options(
                    gateway: demo.gatewayURL, userAgent: IBDashVersion.userAgent, environment: environment)
                // The simulator's own token, handed over in memory: it is never a real secret, and never argv.
                flexOptions = FlexConnection.Options(
                    endpoint: demo.flexEndpoint, queries: [DemoGateway.flexQuery], userAgent: IBDashVersion.userAgent,
                    environment: [FlexConnection.tokenVariable: DemoGateway.flexToken])
                cache = nil
            } else {
                gatewayOptions = launch.gateway.connectionOptions(
                    configured: launch.configuration.gateway, environment: environment)
                let options = launch.flex.connectionOptions(configured: launch.configuration.flex, environment: environment)
                flexOptions = options.queries.isEmpty ? nil : options
                cache = FlexStatementCache(directory: FlexStatementCache.defaultDirectory(environment: environment))
            }
            let gateway = try ClientPortalConnection.open(gatewayOptions)
            let flex: FlexConnection?
            do {
                flex = try flexOptions.map { (options) throws(SourceError) in
                    try FlexConnection.open(options, logger: Logger(label: "ibdash.flex"))
                }
            } catch {
                Task { try? await gateway.close() }
                throw error
            }
            return Sources(
                gateway: gateway, flex: flex,
                history: flex?.historySource(cache: cache, logger: Logger(label: "ibdash.flex")))
        }

        func close() async {
            try? await gateway.close()
            await flex?.close()
        }
    }
}
