import Foundation
import Portfolio
import Testing

@testable import IBDashKit

@Suite struct SnapshotOutputTests {
    private let document = StatusFixtures.document()
    private let utc = TimeZone(identifier: "UTC") ?? .gmt

    @Test func theTextReportShowsEveryAccountWithTheAgeOfEachDataset() {
        let expected = #"""
            ibdash snapshot 2026-09-21 14:13:20 +00:00, from the running dashboard
            Gateway localhost:5000: authenticated

            All accounts in USD (U1111111, DU2222222)
              Net liquidation   1,288,567.89
              Cash                288,567.80
              Excess liquidity    609,555.50
              Cushion                  47.3%
              Day P&L                    n/a
              Unrealized P&L             n/a
              Realized today          -12.30
              Realized YTD               n/a

            U1111111  Jane Doe  USD  INDIVIDUAL
              Data: summary ● live 4s, ledger ◐ aging 40s, pnl ● live 3s, positions ○ stale 50s, orders ✕ error
              Error in orders: /iserver/account/orders: not logged in to the gateway — log in at https://localhost:5000
              Net liquidation   1,234,567.89
              Cash                234,567.80
              Excess liquidity    555,555.50
              Cushion                  45.0%
              Day P&L              +4,120.50
              Unrealized P&L      +10,000.25
              Realized today          -12.30
              Realized YTD               n/a
              Positions (2)
                Contract                     Class  Quantity   Price  Market value  Currency  Unrealized P&L  Weight
                AAPL                         STK         100  190.12     19,012.00  USD            +3,962.00    1.5%
                SPY DEC2026 600 C, "weekly"  OPT          -2   14.50     -2,900.00  USD              -530.00   -0.2%
              Orders: not available

            DU2222222  Paper  EUR  DEMO  paper
              Data: summary ● live 1s, ledger ● live 1s, pnl ○ missing, positions ● live 1s, orders ● live 1s
              Net liquidation   50,000.00
              Cash              50,000.00
              Excess liquidity  50,000.00
              Cushion              100.0%
              Day P&L                 n/a
              Unrealized P&L          n/a
              Realized today         0.00
              Realized YTD            n/a
              Positions: none
              Orders (1)
                  Id  Side  Quantity  Symbol  Type    Limit  Stop  Filled  Status     TIF
                1001  BUY         10  SAP     Limit  180.50             0  Submitted  DAY

            """#
        #expect(SnapshotTextReport(document: document, timeZone: utc).rendered() == expected)
    }

    @Test func theCSVIsFiveTablesSeparatedByOneEmptyLine() {
        let expected = #"""
            account,name,base_currency,type,paper
            U1111111,Jane Doe,USD,INDIVIDUAL,false
            DU2222222,Paper,EUR,DEMO,true

            account,currency,net_liquidation,cash,excess_liquidity,cushion,daily_pnl,unrealized_pnl,realized_today,realized_ytd
            ALL,USD,1288567.891,288567.8,609555.5,0.473048804224782596262908121773150717,,,-12.3,
            U1111111,USD,1234567.891,234567.8,555555.5,0.45,4120.5,10000.25,-12.3,
            DU2222222,EUR,50000,50000,50000,1,,,0,

            account,dataset,freshness,age_seconds,fetched_at,cadence_seconds,error
            U1111111,summary,live,4,2026-09-21T14:13:16Z,15,
            U1111111,ledger,aging,40,2026-09-21T14:12:40Z,30,
            U1111111,pnl,live,3,2026-09-21T14:13:17Z,10,
            U1111111,positions,stale,50,2026-09-21T14:12:30Z,15,
            U1111111,orders,error,,,10,/iserver/account/orders: not logged in to the gateway — log in at https://localhost:5000
            DU2222222,summary,live,1,2026-09-21T14:13:19Z,15,
            DU2222222,ledger,live,1,2026-09-21T14:13:19Z,30,
            DU2222222,pnl,missing,,,10,
            DU2222222,positions,live,1,2026-09-21T14:13:19Z,15,
            DU2222222,orders,live,1,2026-09-21T14:13:19Z,10,

            account,conid,symbol,asset_class,currency,quantity,market_price,market_value,average_cost,unrealized_pnl,weight_percent,description
            U1111111,265598,AAPL,STK,USD,100,190.12,19012,150.5,3962,1.539972012766367986,AAPL
            U1111111,723456789,SPY,OPT,USD,-2,14.5,-2900,1185,-530,-0.2349000019473210161,"SPY DEC2026 600 C, ""weekly"""

            account,order_id,conid,symbol,side,type,quantity,filled,remaining,limit_price,stop_price,average_price,status,working,time_in_force,last_update,reason,description
            DU2222222,1001,14016,SAP,BUY,Limit,10,0,10,180.5,,,Submitted,true,DAY,2026-09-21T14:12:20Z,,SAP SE

            """#
        let csv = SnapshotCSV(document: document).rendered()
        #expect(csv == expected)
        #expect(csv.components(separatedBy: "\n\n").map { $0.prefix(while: { $0 != "," }) } == [
            "account", "account", "account", "account", "account",
        ])
    }

    @Test func theCSVTablesKeepTheirHeadersWhenEmptyAndDefuseFormulas() throws {
        var document = document
        document.consolidated = nil
        document.accounts = [try #require(document.accounts.first)]
        document.accounts[0].name = "=HYPERLINK(\"http://x\")"
        document.accounts[0].orders = []
        let tables = SnapshotCSV(document: document).rendered().components(separatedBy: "\n\n")
        #expect(tables.count == 5)
        #expect(tables[0].hasSuffix("U1111111,\"'=HYPERLINK(\"\"http://x\"\")\",USD,INDIVIDUAL,false"))
        #expect(tables[4].split(separator: "\n").count == 1)
    }

    @Test func theJSONOfOneAccountHasNoConsolidatedTotals() async throws {
        let expected = #"""
            {
              "accounts" : [
                {
                  "baseCurrency" : "EUR",
                  "datasets" : {
                    "ledger" : {
                      "ageSeconds" : 1,
                      "cadenceSeconds" : 30,
                      "error" : null,
                      "fetchedAt" : "2026-09-21T14:13:19Z",
                      "freshness" : "live"
                    },
                    "orders" : {
                      "ageSeconds" : 1,
                      "cadenceSeconds" : 10,
                      "error" : null,
                      "fetchedAt" : "2026-09-21T14:13:19Z",
                      "freshness" : "live"
                    },
                    "pnl" : {
                      "ageSeconds" : null,
                      "cadenceSeconds" : 10,
                      "error" : null,
                      "fetchedAt" : null,
                      "freshness" : "missing"
                    },
                    "positions" : {
                      "ageSeconds" : 1,
                      "cadenceSeconds" : 15,
                      "error" : null,
                      "fetchedAt" : "2026-09-21T14:13:19Z",
                      "freshness" : "live"
                    },
                    "summary" : {
                      "ageSeconds" : 1,
                      "cadenceSeconds" : 15,
                      "error" : null,
                      "fetchedAt" : "2026-09-21T14:13:19Z",
                      "freshness" : "live"
                    }
                  },
                  "id" : "DU2222222",
                  "name" : "Paper",
                  "orders" : [
                    {
                      "averagePrice" : null,
                      "conid" : 14016,
                      "description" : "SAP SE",
                      "filled" : "0",
                      "id" : 1001,
                      "lastUpdate" : "2026-09-21T14:12:20Z",
                      "limitPrice" : "180.5",
                      "quantity" : "10",
                      "reason" : null,
                      "remaining" : "10",
                      "side" : "BUY",
                      "status" : "Submitted",
                      "stopPrice" : null,
                      "symbol" : "SAP",
                      "timeInForce" : "DAY",
                      "type" : "Limit",
                      "working" : true
                    }
                  ],
                  "paper" : true,
                  "positions" : [

                  ],
                  "summary" : {
                    "cash" : "50000",
                    "currency" : "EUR",
                    "cushion" : "1",
                    "dailyPnl" : null,
                    "excessLiquidity" : "50000",
                    "netLiquidation" : "50000",
                    "realizedToday" : "0",
                    "realizedYearToDate" : null,
                    "unrealizedPnl" : null
                  },
                  "type" : "DEMO"
                }
              ],
              "connection" : {
                "demo" : false,
                "gateway" : "localhost:5000",
                "session" : "authenticated",
                "sessionMessage" : null,
                "tlsInsecure" : false
              },
              "consolidated" : null,
              "generatedAt" : "2026-09-21T14:13:20Z",
              "source" : "dashboard",
              "version" : 1
            }

            """#
        try await TemporaryRuntimeDirectory.with { directory in
            let server = try StatusServer.start(path: directory.socketPath, clock: { StatusFixtures.now })
            defer { server.stop() }
            server.publish(StatusFixtures.state())
            let outcome = try await SnapshotCommand.parse(["--json", "--account", "DU2222222"])
                .outcome(environment: directory.environment)
            #expect(outcome == CommandOutcome(output: expected, status: .ok))
            let decoded = try StatusAnswer.decoder.decode(SnapshotDocument.self, from: Data(outcome.output.utf8))
            #expect(decoded == document.only("DU2222222"))
        }
    }

    @Test func theCommandPrintsTheRunningDashboardsReport() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            let server = try StatusServer.start(path: directory.socketPath, clock: { StatusFixtures.now })
            defer { server.stop() }
            server.publish(StatusFixtures.state())
            let text = try await SnapshotCommand.parse([]).outcome(environment: directory.environment, timeZone: utc)
            #expect(text == CommandOutcome(output: SnapshotTextReport(document: document, timeZone: utc).rendered(), status: .ok))
            let csv = try await SnapshotCommand.parse(["--csv"]).outcome(environment: directory.environment)
            #expect(csv.output == SnapshotCSV(document: document).rendered())
        }
    }

    @Test func anUnknownAccountIsBadInput() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            let server = try StatusServer.start(path: directory.socketPath, clock: { StatusFixtures.now })
            defer { server.stop() }
            server.publish(StatusFixtures.state())
            let outcome = try await SnapshotCommand.parse(["--account", "U9"]).outcome(environment: directory.environment)
            #expect(outcome == CommandOutcome(
                message: "no account U9; the accounts are U1111111, DU2222222", status: .badInput))
        }
    }

    @Test func aSessionThatNeedsALoginStillPrintsTheReportAndExitsThree() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            let server = try StatusServer.start(path: directory.socketPath, clock: { StatusFixtures.now })
            defer { server.stop() }
            server.publish(StatusFixtures.state(session: .notLoggedIn))
            let outcome = try await SnapshotCommand.parse(["--csv"]).outcome(environment: directory.environment)
            #expect(outcome.status == .needsLogin && outcome.output.hasPrefix("account,name,"))
            #expect(outcome.message == "localhost:5000: not logged in; the numbers are from before, see their ages")
            server.publish(StatusFixtures.state(session: .unreachable))
            #expect(try await SnapshotCommand.parse([]).outcome(environment: directory.environment).status == .unreachable)
        }
    }

    @Test func conflictingOrUnknownOptionsAreUsageErrorsThatExitTwo() {
        for arguments in [["snapshot", "--json", "--csv"], ["snapshot", "--bogus"], ["snapshot", "--account"],
                          ["status-line", "--color", "pink"]] {
            do {
                _ = try IBDashCommand.parseAsRoot(arguments)
                Issue.record("\(arguments) was accepted")
            } catch {
                #expect(IBDashCommand.exitCode(for: error) == .validationFailure, "\(arguments)")
            }
        }
    }

    @Test func freshnessWordsFollowAgeAndFailures() {
        let now = StatusFixtures.now
        func age(_ cached: Cached<Int>) -> DatasetAge { DatasetAge(cached, at: now) }
        #expect(age(Cached(value: 1, fetchedAt: now.addingTimeInterval(-20), cadence: .seconds(15))).freshness == .live)
        #expect(age(Cached(value: 1, fetchedAt: now.addingTimeInterval(-21), cadence: .seconds(15))).freshness == .aging)
        #expect(age(Cached(value: 1, fetchedAt: now.addingTimeInterval(-45), cadence: .seconds(15))).freshness == .stale)
        #expect(age(Cached(cadence: .seconds(15))) == DatasetAge(
            freshness: .missing, ageSeconds: nil, fetchedAt: nil, cadenceSeconds: 15, error: nil))
        // A failure after the value: stale, with the error; a success after the failure: live, without it.
        let failure = SourceError(.timeout, endpoint: "/portfolio/U1/ledger", message: "no answer within 10 s")
        var cached = Cached(value: 1, fetchedAt: now.addingTimeInterval(-5), cadence: .seconds(15))
        cached.fail(failure, at: now.addingTimeInterval(-2))
        #expect(age(cached).freshness == .stale && age(cached).error == "/portfolio/U1/ledger: no answer within 10 s")
        cached.store(2, at: now.addingTimeInterval(-1))
        #expect(age(cached).freshness == .live && age(cached).error == nil && age(cached).ageSeconds == 1)
        #expect(age(cached).ageText == "1s")
        #expect(DatasetAge(freshness: .stale, ageSeconds: 125, fetchedAt: nil, cadenceSeconds: 15, error: nil).ageText == "2m 5s")
    }

    @Test func decodingIsStrictAboutNumbersAndCleansText() throws {
        let good = try StatusAnswer.encoder.encode(StatusFixtures.status())
        var text = String(decoding: good, as: UTF8.self)
        text = text.replacingOccurrences(of: #""currency":"USD""#, with: #""currency":"\u001b[31mUSD""#)
        #expect(try StatusAnswer.decode(StatusDocument.self, from: Array(text.utf8)).currency == "USD")
        let bad = text.replacingOccurrences(of: #""netLiquidation":"1234567.891""#, with: #""netLiquidation":"12abc""#)
        #expect(throws: StatusSocketError.badAnswer("netLiquidation: 12abc is not a decimal number")) {
            try StatusAnswer.decode(StatusDocument.self, from: Array(bad.utf8))
        }
        let later = text.replacingOccurrences(of: #""version":1"#, with: #""version":2"#)
        #expect(throws: StatusSocketError.self) { try StatusAnswer.decode(StatusDocument.self, from: Array(later.utf8)) }
        #expect(throws: StatusSocketError.badAnswer("it is not a status document")) {
            try StatusAnswer.decode(StatusDocument.self, from: Array("<html>".utf8))
        }
    }
}
