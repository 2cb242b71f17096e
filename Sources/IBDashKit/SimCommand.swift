import ArgumentParser
import Foundation
import IBSimulator

/// `ibdash sim`: the simulated Client Portal gateway in the foreground, until interrupted.
public struct SimCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run the simulated Client Portal gateway and Flex Web Service (no IBKR account needed).",
        discussion: """
            Serves /v1/api and /v1/portal like the real gateway, and the Flex Web Service's SendRequest and \
            GetStatement under /AccountManagement/FlexWebService on the same port, with statements made from the \
            same accounts. A control endpoint on 127.0.0.1 takes POST /sim/control with a JSON command (session, \
            gatewayDown, gatewayUp, movePrices, fillOrder, newOrder, fault, clearFaults, dailyReset, settings, \
            flexDelay, flexToken, flexScript, flexOutage, flexSettings) and answers GET /sim/stats.
            """
    )

    @Option(help: "API port; 0 picks a free one.") var port = 5000
    @Option(help: "Address the API listens on.") var host = "127.0.0.1"
    @Option(help: "Control port on 127.0.0.1; 0 picks a free one.") var controlPort = 0
    @Flag(help: "Serve HTTPS with a self-signed certificate, as the real gateway does.") var tls = false
    @Option(help: "Number of accounts (USD and EUR base; the third is a paper account).") var accounts = 3
    @Option(help: "Positions in each account (over 100 needs paging).") var positionsPerAccount = 12
    @Option(help: "Seed of the simulated market and accounts.") var seed: UInt64 = 1
    @Option(help: "Seconds between price steps.") var tick = 1.0
    @Option(help: "Trading hours: exchange, alwaysOpen or alwaysClosed.") var marketHours = "exchange"
    @Option(help: "Session at start: brokerage, readOnly, competing or noSession.") var session = "brokerage"
    @Option(help: "Minutes without requests before the session expires.") var idleMinutes = 6.0
    @Option(help: "Seconds of penalty box after a pacing violation; 0 turns it off.") var penaltyBox = 0.0
    @Flag(help: "Do not require /portfolio/accounts and /iserver/accounts first.") var lenient = false
    @Flag(help: "Do not enforce pacing limits.") var noPacing = false
    @Flag(help: "Keep the session over midnight New York instead of ending it as IBKR does.") var noDailyReset = false
    @Option(
        name: .customLong("flex-token"),
        help: """
            A Flex token the simulator knows, VALUE or VALUE:STATUS (valid, expired, revoked, inactive, \
            ipRestricted); repeat for more.
            """
    ) var flexTokens: [String] = []
    @Option(
        name: .customLong("flex-query"),
        help: "A Flex query id, ID or ID=PRESET (dashboard, iso, legacy); repeat for more."
    ) var flexQueries: [String] = []
    @Option(help: "Seconds GetStatement answers 1019 (generation in progress) after SendRequest.") var flexDelay = 5.0
    @Flag(help: "Answer Flex requests without a User-Agent header with 1020.") var flexRequireUserAgent = false
    @Flag(help: "Do not enforce the Flex limits (one request a second, ten a minute per token).") var noFlexPacing = false

    public init() {}

    public func validate() throws {
        guard (0...65_535).contains(port), (0...65_535).contains(controlPort) else {
            throw ValidationError("Ports are between 0 and 65535.")
        }
        guard accounts >= 1, positionsPerAccount >= 1 else {
            throw ValidationError("At least one account with at least one position.")
        }
        guard tick > 0, idleMinutes > 0, penaltyBox >= 0 else {
            throw ValidationError("--tick and --idle-minutes must be positive, --penalty-box not negative.")
        }
        guard MarketHours(rawValue: marketHours) != nil else {
            throw ValidationError("--market-hours is exchange, alwaysOpen or alwaysClosed.")
        }
        guard SimulatedSession(rawValue: session) != nil else {
            throw ValidationError("--session is brokerage, readOnly, competing or noSession.")
        }
        guard flexTokens.allSatisfy({ FlexToken(argument: $0) != nil }) else {
            throw ValidationError("--flex-token is digits, optionally :valid, :expired, :revoked, :inactive or :ipRestricted.")
        }
        guard flexQueries.allSatisfy({ Self.flexQuery($0) != nil }) else {
            throw ValidationError("--flex-query is digits, optionally =\(FlexQuery.presetNames.joined(separator: ", ="))")
        }
        guard flexDelay >= 0, flexDelay.isFinite else { throw ValidationError("--flex-delay must not be negative.") }
    }

    /// `ID` or `ID=PRESET`.
    static func flexQuery(_ argument: String) -> FlexQuery? {
        let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let id = parts.first, !id.isEmpty, id.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return FlexQuery.preset(parts.count == 2 ? parts[1] : "dashboard", id: id)
    }

    var simulatorConfiguration: SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.controlPort = controlPort
        configuration.tls = tls
        configuration.accounts = accounts
        configuration.positionsPerAccount = positionsPerAccount
        configuration.seed = seed
        configuration.priceTick = .milliseconds(Int(tick * 1000))
        configuration.marketHours = MarketHours(rawValue: marketHours) ?? .exchange
        configuration.initialSession = SimulatedSession(rawValue: session) ?? .brokerage
        configuration.switches.idleTimeout = .milliseconds(Int(idleMinutes * 60_000))
        configuration.switches.penaltyBox = penaltyBox > 0 ? .milliseconds(Int(penaltyBox * 1000)) : nil
        configuration.switches.strictPrerequisites = !lenient
        configuration.switches.pacing = !noPacing
        if noDailyReset { configuration.switches.dailyReset = nil }
        let tokens = flexTokens.compactMap(FlexToken.init(argument:))
        if !tokens.isEmpty { configuration.flex.tokens = tokens }
        let queries = flexQueries.compactMap(Self.flexQuery)
        if !queries.isEmpty { configuration.flex.queries = queries }
        configuration.flex.switches.generationDelay = .milliseconds(Int(flexDelay * 1000))
        configuration.flex.switches.requireUserAgent = flexRequireUserAgent
        configuration.flex.switches.pacing = !noFlexPacing
        return configuration
    }

    public func run() async throws {
        let configuration = simulatorConfiguration
        let simulator = GatewaySimulator(configuration: configuration)
        let endpoints = try await simulator.start()
        let accountList = await simulator.accountIDs().joined(separator: ", ")
        let flex = configuration.flex
        let lines =
            [
                "ibdash simulated gateway",
                "API:      \(endpoints.apiBase.absoluteString)",
                "Control:  POST \(endpoints.control.absoluteString)",
                "Stats:    GET \(endpoints.stats.absoluteString)",
                "Accounts: \(accountList)",
                "Flex:     \(endpoints.flexEndpoint.absoluteString)",
            ]
            + flex.tokens.map { "  token   \($0.value) (\($0.status.rawValue))" }
            + flex.queries.map { query in
                let shape =
                    query.kind == .legacy
                    ? "legacy: 1010"
                    : "\(query.period.name), \(query.dateFormat.rawValue)\(query.dateTimeSeparator)\(query.timeFormat.rawValue)"
                return "  query   \(query.id) \(query.name) (\(shape))"
            }
            + [
                "  ready   \(flexDelay.formatted()) s after SendRequest",
                "Press Ctrl-C to stop.",
            ]
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        while !Task.isCancelled {
            try await Task.sleep(for: .seconds(3_600))
        }
        await simulator.stop()
    }
}
