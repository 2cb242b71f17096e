import Foundation
import Portfolio
import TOML
import Testing

@testable import IBDashKit

@Suite struct ConfigFileTests {
    static let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/config")

    func load(_ name: String) throws(TOMLError) -> AppConfiguration {
        try ConfigFile.load(explicitPath: Self.fixtures.appendingPathComponent(name).path, environment: [:])
    }

    func problems(_ name: String) -> [String] {
        do {
            _ = try load("invalid/\(name).toml")
            return []
        } catch {
            let prefix = Self.fixtures.path + "/"
            return error.diagnostics.map { $0.description.replacingOccurrences(of: prefix, with: "") }
        }
    }

    @Test func everyKeyIsRead() throws {
        let config = try load("valid/full.toml")
        #expect(config.gateway.url == "https://127.0.0.1:5001")
        #expect(config.gateway.cacert == "/etc/ibdash/gateway.pem")
        #expect(config.gateway.bearerTokenFile == "/home/trader/.config/ibdash/bearer-token")
        #expect(config.flex.queries == ["123456", "654321"])
        #expect(config.flex.maxWait == .seconds(900))
        #expect(config.flex.tokenFile == "/home/trader/.config/ibdash/flex-token")
        #expect(config.cadences.summary == .seconds(20))
        #expect(config.cadences.trades == .seconds(120))
        #expect(config.cadences.history == .seconds(12 * 3600))
        #expect(config.alerts.thresholds.cushionBelow == Decimal(string: "0.15"))
        #expect(config.alerts.thresholds.dailyLossPercent == Decimal(string: "2.5"))
        #expect(config.alerts.thresholds.dailyLossAmount == 5000)
        #expect(config.alerts.thresholds.positionPercentAbove == 25)
        #expect(config.alerts.thresholds.excessLiquidityBelow == Decimal(string: "10000.5"))
        #expect(config.alerts.thresholds.hysteresis == Decimal(string: "0.2"))
        #expect(config.alerts.hook == AlertHook(command: ["notify-send", "ibdash"], timeout: .seconds(5)))
        #expect(config.alerts.tmux)
        #expect(config.alerts.logFile == "/tmp/ibdash-alerts.log")
        #expect(config.display.theme == "gruvbox")
        #expect(config.display.currency == Currency("EUR"))
    }

    @Test func anEmptyFileAndNoFileGiveTheDefaults() throws {
        for config in [try load("valid/empty.toml"), try ConfigFile.load(explicitPath: nil, environment: ["HOME": "/nonexistent"])] {
            #expect(config.cadences == Cadences())
            #expect(config.alerts.thresholds == RiskThresholds())
            #expect(config.alerts.hook == nil)
            #expect(config.flex.queries.isEmpty)
            #expect(config.gateway.url == nil)
        }
    }

    @Test func aZeroCushionTurnsTheRuleOff() throws {
        #expect(try load("valid/cushion-off.toml").alerts.thresholds.cushionBelow == nil)
    }

    @Test(arguments: [
        ("unknown-table", ["invalid/unknown-table.toml:1: cadnce: unknown key, did you mean 'cadence'?"]),
        ("wrong-type", [#"invalid/wrong-type.toml:2: cadence.summary: expected a duration such as "15s", found 15"#]),
        ("too-fast", ["invalid/too-fast.toml:2: cadence.pnl: must be at least 1s: IBKR limits how often it may be asked"]),
        ("bad-query", [#"invalid/bad-query.toml:2: flex.queries: a query id is a number such as "123456", found "my query""#]),
        ("bad-currency", [#"invalid/bad-currency.toml:2: display.currency: expected a currency code such as "USD", found "Euro""#]),
        ("empty-hook", [#"invalid/empty-hook.toml:2: alerts.hook: needs the program to run first, e.g. ["notify-send", "ibdash"]"#]),
        ("negative-amount", ["invalid/negative-amount.toml:2: alerts.daily_loss_amount: must not be negative"]),
    ])
    func aMistakeNamesTheFileTheLineAndTheKey(name: String, expected: [String]) {
        #expect(problems(name) == expected)
    }

    @Test func aSyntaxErrorNamesItsLine() {
        let found = problems("syntax")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("invalid/syntax.toml:2: gateway.url: ") == true)
    }

    @Test func everyProblemOfAFileIsToldAtOnce() {
        #expect(problems("several") == [
            #"invalid/several.toml:2: gateway.insecure: expected true or false, found "yes""#,
            #"invalid/several.toml:5: alerts.cushion_below: expected a percentage such as "2.5%", found 0.1"#,
            "invalid/several.toml:7: alerts.colour: unknown key",
        ])
    }

    @Test func anExplicitFileThatIsMissingIsAnError() {
        #expect(throws: TOMLError.self) {
            try ConfigFile.load(explicitPath: "/nonexistent/ibdash.toml", environment: [:])
        }
    }

    @Test func pathsMayStartWithTheHomeDirectory() {
        #expect(AppConfiguration.expandingHome("~/.config/ibdash/flex-token", home: "/home/t") == "/home/t/.config/ibdash/flex-token")
        #expect(AppConfiguration.expandingHome("~", home: "/home/t") == "/home/t")
        #expect(AppConfiguration.expandingHome("~other/x", home: "/home/t") == "~other/x")
        #expect(AppConfiguration.expandingHome("/etc/x.pem", home: "/home/t") == "/etc/x.pem")
    }

    @Test func theDefaultPlaceFollowsXDG() {
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/ibdash/config.toml")
        #expect(ConfigFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.config/ibdash/config.toml")
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/ibdash/config.toml")
    }
}
