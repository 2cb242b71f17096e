import Foundation
import Portfolio
import TOML

/// What `config.toml` says, typed and checked. Command-line options are applied on top by the commands.
struct AppConfiguration: Sendable {
    struct Gateway: Sendable {
        var url: String?
        var cacert: String?
        var insecure = false
        var bearerTokenFile: String?
    }

    struct Flex: Sendable {
        var endpoint: String?
        var tokenFile: String?
        var queries: [String] = []
        var maxWait: Duration = .seconds(600)
    }

    struct Alerts: Sendable {
        var thresholds = RiskThresholds()
        var hook: AlertHook?
        var tmux = false
        var logFile: String?
    }

    struct Display: Sendable {
        var theme: String?
        var currency: Currency?
    }

    var gateway = Gateway()
    var flex = Flex()
    var cadences = Cadences()
    var alerts = Alerts()
    var display = Display()
    /// The file these values came from; `nil` when there was none and every value is a default.
    var file: String?

    init() {}

    /// Maps a validated file; checks that need more than one key's type name the key and line themselves.
    init(_ table: ValidatedTable, home: String? = nil) throws(TOMLError) {
        file = table.file
        let path = { (text: String?) in text.map { Self.expandingHome($0, home: home) } }
        var problems: [TOMLDiagnostic] = []

        let gateway = table.table(ConfigSchema.Gateway.table.name)
        self.gateway = Gateway(
            url: gateway[ConfigSchema.Gateway.url], cacert: path(gateway[ConfigSchema.Gateway.cacert]),
            insecure: gateway[ConfigSchema.Gateway.insecure],
            bearerTokenFile: path(gateway[ConfigSchema.Gateway.bearerTokenFile]))

        let flex = table.table(ConfigSchema.Flex.table.name)
        let queries = flex[ConfigSchema.Flex.queries]
        for query in queries where query.isEmpty || !query.allSatisfy(\.isNumber) {
            problems.append(flex.diagnostic(key: ConfigSchema.Flex.queries.name, "a query id is a number such as \"123456\", found \(TOMLKey.quoted(query))"))
        }
        self.flex = Flex(
            endpoint: flex[ConfigSchema.Flex.endpoint], tokenFile: path(flex[ConfigSchema.Flex.tokenFile]),
            queries: queries, maxWait: flex[ConfigSchema.Flex.maxWait])

        let cadence = table.table(ConfigSchema.Cadence.table.name)
        let keys = ConfigSchema.Cadence.self
        cadences.tickle = cadence[keys.tickle]
        cadences.summary = cadence[keys.summary]
        cadences.ledger = cadence[keys.ledger]
        cadences.positions = cadence[keys.positions]
        cadences.pnl = cadence[keys.pnl]
        cadences.orders = cadence[keys.orders]
        cadences.trades = cadence[keys.trades]
        cadences.quotes = cadence[keys.quotes]
        cadences.history = cadence[keys.history]
        for key in [keys.tickle, keys.summary, keys.ledger, keys.positions, keys.pnl, keys.orders, keys.trades, keys.quotes]
        where cadence[key] < .seconds(1) {
            problems.append(cadence.diagnostic(key: key.name, "must be at least 1s: IBKR limits how often it may be asked"))
        }

        let alerts = table.table(ConfigSchema.Alerts.table.name)
        let alertKeys = ConfigSchema.Alerts.self
        var thresholds = RiskThresholds()
        let cushion = alerts[alertKeys.cushionBelow]
        thresholds.cushionBelow = cushion == 0 ? nil : cushion
        thresholds.dailyLossPercent = alerts[alertKeys.dailyLossPercent].map { $0 * 100 }
        thresholds.dailyLossAmount = alerts[alertKeys.dailyLossAmount]
        thresholds.positionPercentAbove = alerts[alertKeys.positionAbove].map { $0 * 100 }
        thresholds.excessLiquidityBelow = alerts[alertKeys.excessLiquidityBelow]
        thresholds.hysteresis = alerts[alertKeys.hysteresis]
        for key in [alertKeys.dailyLossAmount, alertKeys.excessLiquidityBelow] where (alerts[key] ?? 0) < 0 {
            problems.append(alerts.diagnostic(key: key.name, "must not be negative"))
        }
        var hook: AlertHook?
        if let command = alerts[alertKeys.hook] {
            if command.isEmpty || command[0].isEmpty {
                problems.append(alerts.diagnostic(key: alertKeys.hook.name, "needs the program to run first, e.g. [\"notify-send\", \"ibdash\"]"))
            } else {
                hook = AlertHook(command: command, timeout: alerts[alertKeys.hookTimeout])
            }
        }
        self.alerts = Alerts(
            thresholds: thresholds, hook: hook, tmux: alerts[alertKeys.tmux], logFile: path(alerts[alertKeys.logFile]))

        let display = table.table(ConfigSchema.Display.table.name)
        var currency: Currency?
        if let code = display[ConfigSchema.Display.currency] {
            if code.count == 3, code.allSatisfy({ $0.isLetter && $0.isASCII }) {
                currency = Currency(code)
            } else {
                problems.append(display.diagnostic(key: ConfigSchema.Display.currency.name, "expected a currency code such as \"USD\", found \(TOMLKey.quoted(code))"))
            }
        }
        self.display = Display(theme: display[ConfigSchema.Display.theme], currency: currency)

        if !problems.isEmpty { throw TOMLError(problems.sorted { $0.position < $1.position }) }
    }

    /// `~/x` in a path means the home directory, as in a shell: config files are written by hand.
    static func expandingHome(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, path == "~" || path.hasPrefix("~/") else { return path }
        return home + path.dropFirst()
    }
}
