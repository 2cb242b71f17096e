import Foundation
import Testing

@testable import Portfolio

@Suite struct AlertRulesTests {
    let d = Fixtures.decimal
    let account = Fixtures.account("U1", .usd)
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func state(cushion: String? = nil, daily: String? = nil, excess: String? = nil, positions: [Position]? = nil)
        -> AccountState
    {
        Fixtures.accountState(
            account,
            summary: AccountSummary(
                currency: .usd, netLiquidation: 100_000, excessLiquidity: excess.map(d), cushion: cushion.map(d)),
            pnl: daily.map { AccountPnL(daily: d($0)) }, positions: positions)
    }

    @Test func aThresholdFiresOnCrossingAndRearmsOnlyPastItsBand() {
        var monitor = ThresholdMonitor<String>()
        let cushion = ThresholdMonitor<String>.Threshold(.below, d("0.10"), band: d("0.1"))
        #expect(cushion.rearm == d("0.11"))
        let readings = ["0.15", "0.09", "0.08", "0.105", "0.095", "0.11", "0.12", "0.09"]
        let fired = readings.map { monitor.check("U1", value: d($0), against: cushion) }
        #expect(fired == [false, true, false, false, false, false, false, true])
        // Unknown values change nothing.
        let unknown = monitor.check("U2", value: nil, against: cushion)
        #expect(!unknown)
        let weight = ThresholdMonitor<String>.Threshold(.above, 25, band: d("0.1"))
        #expect(weight.rearm == d("22.5"))
        let weights = ["20", "26", "24", "22.5", "30"].map { monitor.check("AAPL", value: d($0), against: weight) }
        #expect(weights == [false, true, false, false, true])
    }

    @Test func riskRulesFireOncePerCrossing() {
        var thresholds = RiskThresholds()
        thresholds.cushionBelow = d("0.10")
        thresholds.dailyLossPercent = 2
        thresholds.dailyLossAmount = 5000
        thresholds.excessLiquidityBelow = 8000
        thresholds.positionPercentAbove = 25
        var rules = AlertRules(thresholds: thresholds)
        let calm = state(cushion: "0.5", daily: "100", excess: "50000")
        #expect(rules.risk(of: calm).isEmpty)

        let big = Position(account: "U1", contract: Fixtures.stock(1, "AAPL"), quantity: 100, marketValue: 30_000)
        let bad = state(cushion: "0.05", daily: "-6000", excess: "5000", positions: [big])
        let alerts = rules.risk(of: bad)
        #expect(alerts.count == 5)
        #expect(alerts.allSatisfy { $0.category == .risk && $0.account == "U1" && $0.severity == .warning })
        #expect(alerts.map(\.text).contains("Cushion 5.0 % is below 10.0 %"))
        #expect(alerts.map(\.text).contains("Daily P&L -6000.00 USD is below −5000.00 USD"))
        #expect(alerts.map(\.text).contains("AAPL is 30.0 % of net liquidation (above 25.0 %)"))
        // Still breached on the next polls: quiet.
        #expect(rules.risk(of: bad).isEmpty)
        #expect(rules.risk(of: state(cushion: "0.104", daily: "-4800", excess: "8500", positions: [big])).isEmpty)
        // Back past the band, then down again: fires again.
        #expect(rules.risk(of: calm).isEmpty)
        #expect(rules.risk(of: bad).count == 5)
    }

    @Test func anErrorFiresOncePerEpisode() {
        var rules = AlertRules(thresholds: RiskThresholds())
        let job = Job.fetch("U1", .positions)
        let error = SourceError(.decoding, endpoint: "/portfolio/U1/positions/0", message: "bad number")
        #expect(rules.failed(job, error: error, cadence: nil).count == 1)
        #expect(rules.failed(job, error: error, cadence: nil).isEmpty)
        #expect(rules.failed(job, error: error, cadence: nil).isEmpty)
        rules.succeeded(job)
        let again = rules.failed(job, error: error, cadence: nil)
        #expect(again.map(\.text) == ["Unreadable answer: U1 positions: /portfolio/U1/positions/0: bad number"])
        #expect(again.first?.severity == .error)
        // Session trouble on a dataset is for the session alerts to report.
        let loggedOut = SourceError(.notLoggedIn, endpoint: "/portfolio/U1/summary", message: "401")
        #expect(rules.failed(.fetch("U1", .summary), error: loggedOut, cadence: nil).isEmpty)
        // Unless `/iserver` refuses while the session looks up: one alert for every account and dataset.
        let noBridge = SourceError(.brokerageUnavailable, endpoint: "/iserver/account/orders", message: "no bridge")
        #expect(rules.failed(.fetch("U1", .orders), error: noBridge, cadence: nil).count == 1)
        #expect(rules.failed(.fetch("U2", .pnl), error: noBridge, cadence: nil).isEmpty)
        // Other brokerage fetches succeeding do not end it; the refused one succeeding does.
        rules.succeeded(.fetch("U2", .pnl))
        #expect(rules.failed(.fetch("U1", .orders), error: noBridge, cadence: nil).isEmpty)
        rules.succeeded(.fetch("U1", .orders))
        #expect(rules.failed(.fetch("U1", .orders), error: noBridge, cadence: nil).count == 1)
    }

    @Test func rateLimitsAreOneEpisodePerEndpointAndThePenaltyBoxOneForAll() {
        var rules = AlertRules(thresholds: RiskThresholds())
        let limited = SourceError(.rateLimited, endpoint: "/iserver/account/pnl/partitioned", message: "429")
        #expect(rules.failed(.fetch("U1", .pnl), error: limited, cadence: .seconds(20)).count == 1)
        #expect(rules.failed(.fetch("U2", .pnl), error: limited, cadence: .seconds(40)).isEmpty)
        let penalty = SourceError(.penaltyBox, endpoint: "/portfolio/U1/summary", message: "429")
        let box = rules.failed(.fetch("U1", .summary), error: penalty, cadence: nil)
        #expect(box.first?.severity == .critical)
        #expect(rules.failed(.fetch("U2", .ledger), error: penalty, cadence: nil).isEmpty)
        rules.succeeded(.fetch("U2", .pnl))
        #expect(rules.failed(.fetch("U1", .pnl), error: limited, cadence: .seconds(20)).count == 1)
        #expect(rules.failed(.fetch("U1", .summary), error: penalty, cadence: nil).count == 1)
    }

    @Test func flexErrorsSayTheirCodeAndWhetherTheUserMustAct() {
        var rules = AlertRules(thresholds: RiskThresholds())
        let expired = SourceError(
            .flex(code: 1012, permanent: true), endpoint: "Flex SendRequest", message: "Token has expired.",
            fix: "generate a new token")
        let alerts = rules.failed(.history, error: expired, cadence: nil)
        #expect(alerts.first?.severity == .error)
        #expect(alerts.first?.text == "Flex error 1012: Flex SendRequest: Token has expired. — generate a new token")
    }

    @Test func sessionAlertsSayWhatChanged() {
        func texts(_ old: SessionState, _ new: SessionState) -> [String] {
            AlertRules.sessionChanged(from: old, to: SessionStatus(state: new), gateway: "localhost:5000").map(\.text)
        }
        #expect(texts(.connecting, .authenticated).isEmpty)
        #expect(texts(.authenticated, .authenticated).isEmpty)
        #expect(texts(.authenticated, .notLoggedIn) == ["Session lost: logged out of the gateway localhost:5000"])
        #expect(texts(.connecting, .notLoggedIn) == ["Not logged in to the gateway localhost:5000"])
        #expect(texts(.authenticated, .unreachable) == ["Gateway localhost:5000 unreachable"])
        #expect(texts(.authenticated, .competing).first?.hasPrefix("Competing login") == true)
        #expect(texts(.notLoggedIn, .authenticated) == ["Session restored: authenticated with localhost:5000"])
        #expect(texts(.unreachable, .readOnly).first?.hasPrefix("Session restored, read-only") == true)
    }

    @Test func orderChangesAfterTheFirstLoadBecomeTradingAlerts() {
        var rules = AlertRules(thresholds: RiskThresholds())
        let working = Fixtures.order(1, "U1", status: .submitted)
        #expect(rules.orderChanges(account: "U1", previous: nil, current: [working]).isEmpty)
        let changes = rules.orderChanges(
            account: "U1", previous: [working],
            current: [
                Fixtures.order(1, "U1", status: .submitted, filled: 40),
                Fixtures.order(2, "U1", status: .submitted),
                Fixtures.order(3, "U1", status: .inactive, reason: "Insufficient margin"),
            ])
        #expect(changes.map(\.kind) == [.partiallyFilled, .placed, .rejected])
        #expect(changes.first?.isFill == true)
        let texts = AlertRules.alerts(for: changes, account: "U1").map(\.text)
        #expect(
            texts == [
                "Order partly filled: BUY 100 AAPL Limit, 40 of 100", "New order: BUY 100 AAPL Limit",
                "Order rejected: BUY 100 AAPL Limit: Insufficient margin",
            ])
        let later = rules.orderChanges(
            account: "U1", previous: [Fixtures.order(1, "U1", status: .submitted, filled: 40)],
            current: [Fixtures.order(1, "U1", status: .filled, filled: 100), Fixtures.order(2, "U1", status: .cancelled)])
        #expect(later.map(\.kind) == [.filled, .cancelled])
        #expect(OrderChange.between(previous: [Fixtures.order(2, "U1", status: .submitted)], current: [Fixtures.order(2, "U1", status: .cancelled)]).map(\.kind) == [.cancelled])
    }

    @Test func anEmptyFirstOrderListIsNotTheBaseline() {
        var rules = AlertRules(thresholds: RiskThresholds())
        let orders = [Fixtures.order(1, "U1", status: .submitted)]
        #expect(rules.orderChanges(account: "U1", previous: nil, current: []).isEmpty)
        #expect(rules.orderChanges(account: "U1", previous: [], current: orders).isEmpty)
        #expect(rules.orderChanges(account: "U1", previous: orders, current: orders + [Fixtures.order(2, "U1", status: .submitted)]).count == 1)
    }

    @Test func staleDataAlertsOncePerAccountAndEpisode() {
        var rules = AlertRules(thresholds: RiskThresholds())
        let fetched = state(cushion: "0.5", daily: "1")
        let active: Set<Dataset> = [.summary, .pnl]
        #expect(rules.staleness(of: [fetched], active: active, watchedSince: now, at: now.addingTimeInterval(20)).isEmpty)
        // Not watched long enough yet: data is being caught up on.
        #expect(rules.staleness(of: [fetched], active: active, watchedSince: now.addingTimeInterval(40), at: now.addingTimeInterval(50)).isEmpty)
        let stale = rules.staleness(of: [fetched], active: active, watchedSince: now, at: now.addingTimeInterval(50))
        #expect(stale.map(\.text) == ["Stale data: summary, P&L, no update for 50s"])
        #expect(rules.staleness(of: [fetched], active: active, watchedSince: now, at: now.addingTimeInterval(90)).isEmpty)
    }
}
