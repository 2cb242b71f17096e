import Foundation
import Portfolio
import Testing

@testable import IBKR

@Suite struct ClientPortalAccountSourceTests {
    private let account: AccountID = "U7654321"

    /// `count` stock positions with conids from `first`.
    private static func positionsPage(_ count: Int, first: Int = 1) -> String {
        let rows = (0..<count).map { index in
            #"{"acctId": "U7654321", "conid": \#(first + index), "contractDesc": "S\#(first + index)", "position": 1, "mktPrice": "10.5", "mktValue": 10.5, "currency": "USD", "ticker": "S\#(first + index)", "assetClass": "STK", "multiplier": 0.0}"#
        }
        return "[" + rows.joined(separator: ",") + "]"
    }

    @Test func accountsMapIntoTheDomain() async throws {
        let gateway = try ScriptedGateway([:])
        let accounts = try await gateway.run { try await $0.accounts() }
        #expect(accounts == [Account(id: "U7654321", displayName: "Jane Doe", baseCurrency: .usd, type: "INDIVIDUAL", isPaper: false)])
    }

    @Test func positionsAreReadPageByPageUntilAShortPage() async throws {
        let gateway = try ScriptedGateway([
            "/portfolio/U7654321/positions/0": ScriptedGateway.answer(Self.positionsPage(100, first: 1)),
            "/portfolio/U7654321/positions/1": ScriptedGateway.answer(Self.positionsPage(100, first: 101)),
            "/portfolio/U7654321/positions/2": ScriptedGateway.answer(Self.positionsPage(50, first: 201)),
        ])
        let positions = try await gateway.run { [account] in try await $0.positions(for: account) }
        #expect(positions.count == 250)
        #expect(Set(positions.map(\.contract.conid)) == Set(1...250))
        #expect(positions.allSatisfy { $0.account == "U7654321" && $0.marketPrice == Decimal(string: "10.5") })
        #expect(gateway.transport.paths() == [
            "/portfolio/accounts", "/portfolio/U7654321/positions/0", "/portfolio/U7654321/positions/1",
            "/portfolio/U7654321/positions/2",
        ])
        #expect(gateway.source.limits.requestsPerFetch[.positions] == 3)
    }

    @Test func aFullLastPageIsFollowedByAnEmptyOne() async throws {
        let gateway = try ScriptedGateway([
            "/portfolio/U7654321/positions/0": ScriptedGateway.answer(Self.positionsPage(100)),
            "/portfolio/U7654321/positions/1": ScriptedGateway.answer("[]"),
        ])
        let positions = try await gateway.run { [account] in try await $0.positions(for: account) }
        #expect(positions.count == 100 && gateway.transport.count("/portfolio/U7654321/positions/1") == 1)
    }

    @Test func aGatewayRepeatingFullPagesIsStopped() async throws {
        let page = Self.positionsPage(100)
        let repeating = try ScriptedGateway(
            Dictionary(uniqueKeysWithValues: (0...ClientPortalAccountSource.maximumPositionPages).map {
                ("/portfolio/U7654321/positions/\($0)", ScriptedGateway.answer(page))
            }))
        let error = await repeating.failure { [account] in try await $0.positions(for: account) }
        #expect(error?.kind == .decoding && error?.message.contains("did not end") == true)
    }

    @Test func aPartialRowKeepsTheContractOfTheFullRowBeforeIt() async throws {
        let full = try Fixture.text("positions")
        let partial = #"""
            [{"acctId": "U7654321", "conid": 723456789, "contractDesc": "SPY    DEC2025 600 C [SPY   251219C00600000 100]",
              "position": 2.0, "mktPrice": 14.5, "mktValue": 2900.0, "currency": "USD", "avgCost": 1185.0,
              "unrealizedPnl": 530.0, "multiplier": null, "expiry": null, "assetClass": "OPT"}]
            """#
        let gateway = try ScriptedGateway([
            "/portfolio/U7654321/positions/0": { _, count in .ok(count == 0 ? full : partial) }
        ])
        _ = try await gateway.run { [account] in try await $0.positions(for: account) }
        let later = try await gateway.run { [account] in try await $0.positions(for: account) }
        let option = try #require(later.first)
        #expect(option.contractFromCache && option.contract.multiplier == 100 && option.contract.symbol == "SPY")
        #expect(option.contract.expiry == "20251219" && option.marketValue == 2900)
    }

    @Test func anUnreadableFieldNamesEndpointPositionAndField() async throws {
        let rows = (0..<4).map { index in
            #"{"conid": \#(index + 1), "position": 1, "currency": "USD", "mktPrice": \#(index == 3 ? #""abc""# : "1")}"#
        }
        let gateway = try ScriptedGateway(["/portfolio/U1/positions/0": ScriptedGateway.answer("[" + rows.joined(separator: ",") + "]")])
        let error = await gateway.failure { try await $0.positions(for: "U1") }
        #expect(error?.kind == .decoding)
        #expect(error?.description == #"/portfolio/U1/positions/0: position 3 field "mktPrice": expected a number, found "abc""#)
    }

    @Test func anUnreadableRowOnALaterPageNamesThatPage() async throws {
        let gateway = try ScriptedGateway([
            "/portfolio/U1/positions/0": ScriptedGateway.answer(Self.positionsPage(100)),
            "/portfolio/U1/positions/1": ScriptedGateway.answer(#"[{"conid": 500, "position": 1}]"#),
        ])
        let error = await gateway.failure { try await $0.positions(for: "U1") }
        #expect(error?.description == #"/portfolio/U1/positions/1: position 0 field "currency": missing"#)
    }

    @Test func ordersAfterLoginAreAskedTwiceAndFilteredByAccount() async throws {
        let orders = try Fixture.text("orders")
        let mixed = orders.replacingOccurrences(of: #""acct": "U7654321", "account": "U7654321", "orderId": 1432009002"#, with: #""acct": "U999", "account": "U999", "orderId": 1432009002"#)
        let gateway = try ScriptedGateway([
            "/iserver/account/orders": { _, count in .ok(count == 0 ? #"{"orders": [], "snapshot": false}"# : mixed) }
        ])
        let first = try await gateway.run { [account] in try await $0.orders(for: account) }
        #expect(first.map(\.id) == [1_432_009_871])
        let sent = gateway.transport.sent.filter { $0.request.path == "/iserver/account/orders" }
        #expect(sent.count == 2)
        // The second ask waits for IBKR's 1 per 5 s.
        #expect(sent[1].time.timeIntervalSince(sent[0].time) >= 5)
        #expect(sent[0].request.query.contains(URLQueryItem(name: "accountId", value: "U7654321")))

        _ = try await gateway.run { [account] in try await $0.orders(for: account) }
        #expect(gateway.transport.count("/iserver/account/orders") == 3)
    }

    @Test func aForcedRefreshIsFollowedByAPlainAsk() async throws {
        let gateway = try ScriptedGateway([
            "/iserver/account/orders": { request, _ in
                request.query.contains(URLQueryItem(name: "force", value: "true"))
                    ? .ok(#"{"orders": []}"#) : .ok(try Fixture.text("orders"))
            }
        ])
        _ = try await gateway.run { [account] in try await $0.orders(for: account) }
        let orders = try await gateway.run { [account] in try await $0.orders(for: account, forceRefresh: true) }
        #expect(orders.count == 2)
        let queries = gateway.transport.sent.filter { $0.request.path == "/iserver/account/orders" }.map(\.request.query)
        #expect(queries.count == 4)
        #expect(queries[2].contains(URLQueryItem(name: "force", value: "true")))
        #expect(!queries[3].contains(URLQueryItem(name: "force", value: "true")))
    }

    @Test func pnlPreflightIsAskedAgain() async throws {
        let gateway = try ScriptedGateway([
            "/iserver/account/pnl/partitioned": { _, count in
                count == 0 ? .ok(#"{"upnl": {}}"#) : .ok(try Fixture.text("pnl-partitioned"))
            }
        ])
        let pnl = try await gateway.run { [account] in try await $0.pnl(for: account) }
        #expect(pnl.daily == Decimal(string: "412.35") && pnl.netLiquidation == Decimal(string: "81803.62"))
        #expect(gateway.transport.paths() == ["/iserver/accounts", "/iserver/account/pnl/partitioned", "/iserver/account/pnl/partitioned"])
    }

    @Test func pnlStillEmptyAfterThePreflightIsAnError() async throws {
        let gateway = try ScriptedGateway(["/iserver/account/pnl/partitioned": ScriptedGateway.answer(#"{"upnl": {}}"#)])
        let error = await gateway.failure { [account] in try await $0.pnl(for: account) }
        #expect(error?.message.contains("pre-flight") == true)
        #expect(gateway.transport.count("/iserver/account/pnl/partitioned") == 2)
    }

    @Test func snapshotPreflightContractsAreAbsentAndBatchesHoldAtMost100() async throws {
        let gateway = try ScriptedGateway([
            "/iserver/marketdata/snapshot": { request, count in
                let conids = (request.query.first { $0.name == "conids" }?.value ?? "").split(separator: ",").compactMap { Int($0) }
                let rows = conids.map { conid in
                    count < 2 ? #"{"conid": \#(conid), "conidEx": "\#(conid)"}"#
                        : #"{"conid": \#(conid), "31": "C10.00", "82": "0.5", "83": "5.26", "7741": "9.50", "6509": "DPB"}"#
                }
                return .ok("[" + rows.joined(separator: ",") + "]")
            }
        ])
        let conids = Array(1...150)
        let first = try await gateway.run { try await $0.quotes(for: conids) }
        #expect(first.isEmpty)
        let batches = gateway.transport.sent.filter { $0.request.path == "/iserver/marketdata/snapshot" }.map {
            ($0.request.query.first { $0.name == "conids" }?.value ?? "").split(separator: ",").count
        }
        #expect(batches == [100, 50])
        let fields = gateway.transport.sent.last?.request.query.first { $0.name == "fields" }?.value
        #expect(fields == "31,82,83,7741,6509")

        let second = try await gateway.run { try await $0.quotes(for: conids) }
        #expect(second.count == 150)
        let quote = try #require(second[7])
        #expect(quote.last == 10 && quote.lastIsPriorClose && quote.priorClose == Decimal(string: "9.5") && quote.availability == "D")
        #expect(gateway.source.limits.requestsPerFetch[.quotes] == 2)
    }

    @Test func theSelectedAccountIsSwitchedOnlyWhenNeeded() async throws {
        let gateway = try ScriptedGateway([
            "/iserver/accounts": ScriptedGateway.answer(#"{"accounts": ["U1", "U2"], "selectedAccount": "U1"}"#),
            "/iserver/account": { request, _ in
                let body = String(decoding: request.body ?? [], as: UTF8.self)
                let id = body.contains("U2") ? "U2" : "U1"
                return .ok(#"{"set": true, "acctId": "\#(id)"}"#)
            },
            "/iserver/account/trades": ScriptedGateway.answer("[]"),
        ])
        _ = try await gateway.run { try await $0.executions(for: "U1") }
        _ = try await gateway.run { try await $0.executions(for: "U2") }
        _ = try await gateway.run { try await $0.executions(for: "U2") }
        _ = try await gateway.run { try await $0.executions(for: "U1") }
        let selections = gateway.transport.sent.filter { $0.request.path == "/iserver/account" }.map {
            String(decoding: $0.request.body ?? [], as: UTF8.self)
        }
        #expect(selections == [#"{"acctId":"U2"}"#, #"{"acctId":"U1"}"#])
        let unknown = await gateway.failure { try await $0.executions(for: "U3") }
        #expect(unknown?.kind == .brokerageUnavailable)
    }

    @Test func concurrentCallsForTwoAccountsNeverInterleaveASwitch() async throws {
        let gateway = try ScriptedGateway([
            "/iserver/accounts": ScriptedGateway.answer(#"{"accounts": ["U1", "U2"], "selectedAccount": "U1"}"#),
            "/iserver/account": ScriptedGateway.answer(#"{"set": true}"#),
            "/iserver/account/trades": ScriptedGateway.answer("[]"),
            "/iserver/account/pnl/partitioned": ScriptedGateway.answer(#"{"upnl": {"U1.Core": {"dpl": 1}, "U2.Core": {"dpl": 2}}}"#),
        ])
        try await gateway.run { source in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<8 {
                    let id: AccountID = index % 2 == 0 ? "U1" : "U2"
                    group.addTask {
                        if index % 4 < 2 {
                            _ = try await source.executions(for: id)
                        } else {
                            _ = try await source.pnl(for: id)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        // Replaying the log: every account-scoped request goes out while its own account is selected.
        var selected: AccountID = "U1"
        for sent in gateway.transport.sent {
            switch sent.request.path {
            case "/iserver/account":
                selected = String(decoding: sent.request.body ?? [], as: UTF8.self).contains("U2") ? "U2" : "U1"
            case "/iserver/account/trades":
                let asked = sent.request.query.first { $0.name == "accountId" }?.value
                #expect(asked == selected.rawValue)
            default:
                break
            }
        }
    }

    @Test func executionsAreFilteredAndMapped() async throws {
        let trades = try Fixture.text("trades")
        let gateway = try ScriptedGateway(["/iserver/account/trades": ScriptedGateway.answer(trades)])
        let executions = try await gateway.run { [account] in try await $0.executions(for: account) }
        #expect(executions.map(\.id) == ["0000e0d5.68a41c2b.01.01"])
        let query = gateway.transport.sent.last?.request.query ?? []
        #expect(query.contains(URLQueryItem(name: "days", value: "7")))
        let others = try await gateway.run { try await $0.executions(for: "U7654321") }
        #expect(others.count == 1)
    }

    @Test func a429FailsAtOnceAfterwardsWithoutAnotherRequest() async throws {
        let gateway = try ScriptedGateway(["/iserver/account/orders": { _, _ in GatewayResponse(status: 429, text: "") }])
        let first = await gateway.failure { [account] in try await $0.orders(for: account) }
        #expect(first?.kind == .rateLimited)
        let again = await gateway.failure { [account] in try await $0.orders(for: account) }
        #expect(again?.kind == .rateLimited && again?.message == first?.message)
        #expect(gateway.transport.count("/iserver/account/orders") == 1)
        #expect(await gateway.source.client.budget.backoff.endpoints["/iserver/account/orders"] != nil)
    }

    @Test func callersQueuedBehindA429DoNotRetryIt() async throws {
        let gateway = try ScriptedGateway(["/iserver/account/orders": { _, _ in GatewayResponse(status: 429, text: "") }])
        let client = gateway.source.client
        let failures = try await gateway.run { _ in
            try await withThrowingTaskGroup(of: SourceError.Kind?.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        do {
                            _ = try await client.call(.orders(account: "U1"))
                            return nil
                        } catch let error as SourceError {
                            return error.kind
                        }
                    }
                }
                return try await group.reduce(into: [SourceError.Kind?]()) { $0.append($1) }
            }
        }
        #expect(failures.count == 10 && failures.allSatisfy { $0 == .rateLimited })
        #expect(gateway.transport.count("/iserver/account/orders") == 1)
    }

    @Test func ledgerUsesTheAccountsBaseCurrency() async throws {
        let gateway = try ScriptedGateway(["/portfolio/U7654321/ledger": try ScriptedGateway.fixture("ledger")])
        let ledger = try await gateway.run { [account] in try await $0.ledger(for: account) }
        #expect(ledger.baseCurrency == .usd && ledger.base?.currency == .usd && ledger.entries[.eur]?.exchangeRate == Decimal(string: "1.08"))
        let unknown = await gateway.failure { try await $0.ledger(for: "U404") }
        #expect(unknown?.message.contains("not among the accounts") == true)
    }

    @Test func invalidatingPositionsPostsWithoutABody() async throws {
        let gateway = try ScriptedGateway(["/portfolio/U7654321/positions/invalidate": ScriptedGateway.answer(#"{"message": "success"}"#)])
        try await gateway.run { [account] in try await $0.invalidatePositions(for: account) }
        let sent = try #require(gateway.transport.sent.last)
        #expect(sent.request.method == .post && sent.request.body == nil)
    }

    @Test func limitsTellTheSchedulerWhatToPlanWith() throws {
        let limits = try ScriptedGateway([:]).source.limits
        #expect(limits.plannedRequestsPerSecond == 8)
        #expect(limits.sharedSpacing[.pnl] == .milliseconds(5200))
        #expect(limits.sharedSpacing[.orders] == .milliseconds(5200) && limits.sharedSpacing[.trades] == .milliseconds(5200))
    }
}
