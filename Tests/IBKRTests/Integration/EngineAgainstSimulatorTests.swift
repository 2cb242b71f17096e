import Foundation
import IBSimulator
import Testing

@testable import IBKR
@testable import Portfolio

/// `DashboardEngine` + `ClientPortalAccountSource` + `GatewaySimulator` with three accounts on the real clock.
@Suite(.timeLimit(.minutes(5))) struct EngineAgainstSimulatorTests {
    @Test func everyDatasetGoesLiveAndAFillReachesOrdersThenPositionsAndPnLEarly() async throws {
        try await SimulatedGateway.with { gateway in
            try await EngineOnSimulator.run(on: gateway) { run in
                let live = try await run.waitUntil("every dataset live") {
                    EngineOnSimulator.everythingLive($0, accounts: 3)
                }
                #expect(live.accounts.map(\.account.baseCurrency) == [.usd, .eur, .usd])
                let quoted = try await run.waitUntil("prices for every account's holdings") { state in
                    state.accounts.allSatisfy { account in
                        let held = Set(account.positions.value?.map(\.contract.conid) ?? [])
                        return !held.isEmpty && held == Set(account.quotes.value?.keys ?? [:].keys)
                    }
                }
                try Self.checkTotals(quoted)

                let answer = try await gateway.control(#"{"command":"fillOrder"}"#)
                guard case .number(let text)? = answer["orderId"], let orderID = Int(text) else {
                    throw IntegrationFailure("fillOrder answered no order id")
                }
                let seen = try await run.waitUntil("the fill in the orders") { state in
                    state.accounts.contains { account in
                        account.orders.value?.contains { $0.id == orderID && $0.status == .filled } == true
                    }
                }
                let account = try #require(seen.accounts.first { $0.orders.value?.contains { $0.id == orderID } == true })
                let order = try #require(account.orders.value?.first { $0.id == orderID })
                let ordersAt = try #require(account.orders.fetchedAt)
                let before = quoted.account(account.id)?.positions.value?.first { $0.contract.conid == order.conid }
                let signed = order.side == .buy ? order.filled : -order.filled
                let expected = (before?.quantity ?? 0) + signed
                let after = try await run.waitUntil("the fill in the positions and P&L") { state in
                    guard let now = state.account(account.id), let pnlAt = now.pnl.fetchedAt, pnlAt > ordersAt,
                        let positionsAt = now.positions.fetchedAt, positionsAt > ordersAt
                    else { return false }
                    return now.positions.value?.first { $0.contract.conid == order.conid }?.quantity == expected
                }
                let updated = try #require(after.account(account.id))
                // Fetched because of the fill, not at their regular turn: sooner than a cadence after the orders.
                let positionsDelay = try #require(updated.positions.fetchedAt).since(ordersAt)
                let pnlDelay = try #require(updated.pnl.fetchedAt).since(ordersAt)
                #expect(positionsDelay < after.cadences[.positions], "positions came \(positionsDelay) after the fill")
                #expect(pnlDelay < after.cadences[.pnl], "P&L came \(pnlDelay) after the fill")
                let alert = after.alerts.filter { $0.category == .trading && $0.text.hasPrefix("Order filled") }
                #expect(alert.count == 1 && alert.first?.account == account.id, "\(after.alerts.map(\.text))")

                let statistics = try await gateway.statistics()
                // Only the fill drops the gateway's positions cache.
                #expect(statistics.requests("POST /portfolio/{accountId}/positions/invalidate") == 1)
                #expect(statistics.totalPacingViolations == 0, "\(statistics.pacingViolations)")
            }
        }
    }

    /// The headline numbers add up: each account's totals from its summary, the consolidated view in USD with
    /// the EUR account converted at the ledger's rate.
    private static func checkTotals(_ state: DashboardState) throws {
        var consolidated: Decimal = 0
        for account in state.accounts {
            let summary = try #require(account.summary.value)
            #expect(account.totals.netLiquidation == summary.netLiquidation)
            #expect(account.totals.dailyPnl == account.pnl.value?.daily)
            let nlv = try #require(summary.netLiquidation)
            if account.account.baseCurrency == .usd {
                consolidated += nlv
            } else {
                let rate = try #require(state.accounts.first?.ledger.value?.fxRates.rates[account.account.baseCurrency])
                consolidated += nlv * rate
            }
        }
        let totals = try #require(state.consolidated)
        #expect(totals.totals.currency == .usd && totals.missingRates.isEmpty && totals.includedAccounts.count == 3)
        let shown = try #require(totals.totals.netLiquidation)
        #expect(abs(shown - consolidated) < 1, "consolidated NLV \(shown), expected \(consolidated)")
    }

    @Test func sessionChangesRaiseTheirAlertsOnceAndTheDashboardRecoversFromEach() async throws {
        var cadences = Cadences()
        cadences.tickle = .seconds(15)
        try await SimulatedGateway.with { gateway in
            try await EngineOnSimulator.run(on: gateway, cadences: cadences) { run in
                try await run.waitUntil("every dataset live") { EngineOnSimulator.everythingLive($0, accounts: 3) }

                try await gateway.control(#"{"command":"session","state":"competing"}"#)
                let competing = try await run.waitUntil("competing") { $0.connection.session == .competing }
                // Requests already under way when the engine learned of it may still land, later on a loaded
                // machine: the window starts after one full round of portfolio data, when they have all ended.
                let since = competing.now
                let settled = try await run.waitUntil("portfolio data while competing") { state in
                    state.accounts.allSatisfy { ($0.summary.fetchedAt ?? .distantPast) > since }
                        && state.connection.session == .competing
                }
                let atCompeting = try await gateway.statistics()
                // Portfolio data keeps coming; the brokerage datasets are not asked for.
                try await run.waitUntil("more portfolio data while competing") { state in
                    state.accounts.allSatisfy { ($0.summary.fetchedAt ?? .distantPast) > settled.now }
                        && state.connection.session == .competing
                }
                let quiet = try await gateway.statistics()
                let whileCompeting = quiet.since(atCompeting).requests.keys.filter { $0.contains("/iserver/account") }
                #expect(whileCompeting.isEmpty, "asked while competing: \(whileCompeting)")

                try await gateway.control(#"{"command":"session","state":"brokerage"}"#)
                try await run.waitUntil("authenticated") { $0.connection.session == .authenticated }
                try await gateway.control(#"{"command":"session","state":"readOnly"}"#)
                try await run.waitUntil("read-only") { $0.connection.session == .readOnly }
                // A brokerage session that timed out comes back without anyone logging in again.
                try await run.waitUntil("authenticated by itself") { $0.connection.session == .authenticated }
                try await gateway.control(#"{"command":"session","state":"noSession"}"#)
                try await run.waitUntil("not logged in") { $0.connection.session == .notLoggedIn }
                // Logged out for a while: the engine keeps checking the session so that it sees the next login.
                try await Task.sleep(for: .seconds(12))
                let loggedOut = try await gateway.statistics()
                #expect(loggedOut.since(quiet).requests("POST /tickle") >= 2)
                try await gateway.control(#"{"command":"session","state":"brokerage"}"#)
                try await run.waitUntil("every dataset live after the login") {
                    EngineOnSimulator.everythingLive($0, accounts: 3)
                }
                try await gateway.control(#"{"command":"gatewayDown"}"#)
                try await run.waitUntil("unreachable") { $0.connection.session == .unreachable }
                try await gateway.control(#"{"command":"gatewayUp"}"#)
                let recovered = try await run.waitUntil("every dataset live after the gateway came back") {
                    EngineOnSimulator.everythingLive($0, accounts: 3)
                }

                let session = recovered.alerts.filter { $0.category == .session }.reversed().map(\.text)
                let expected = [
                    "Competing login", "Session restored: authenticated", "Brokerage session unavailable, read-only",
                    "Session restored: authenticated", "Session lost: logged out", "Session restored: authenticated",
                    "Gateway \(gateway.gateway.dropFirst("https://".count)) unreachable", "Session restored: authenticated",
                ]
                #expect(session.count == expected.count, "\(session)")
                for (text, prefix) in zip(session, expected) { #expect(text.hasPrefix(prefix), "\(session)") }
                // Each change is told once, by its session alert: not again by the refused calls that revealed it.
                let others = recovered.alerts.filter { $0.category != .session }.map(\.text)
                #expect(others.isEmpty, "\(others)")
                let statistics = try await gateway.statistics()
                #expect(statistics.totalPacingViolations == 0, "\(statistics.pacingViolations)")
                #expect(statistics.requests("POST /iserver/reauthenticate") == 1)
                // The account list once at start, again after the login and after the gateway came back.
                #expect(statistics.requests("GET /portfolio/accounts") == 3)
            }
        }
    }
}
