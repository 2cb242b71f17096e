import Foundation
import Testing

@testable import IBSimulator

/// The shapes of the `/portfolio` endpoints and their loose typing (reference §4.6–4.14, §6.1, §6.2).
@Suite struct PortfolioShapeTests {
    @Test func accountsCoverTwoBaseCurrenciesAndAPaperAccount() async throws {
        try await SimulatorHarness.with { harness in
            let accounts = try #require(try await harness.get("/portfolio/accounts").json().array)
            #expect(accounts.count == 3)
            #expect(Set(accounts.compactMap { $0["currency"]?.stringValue }) == ["USD", "EUR"])
            let paper = try #require(accounts.first { $0["id"]?.stringValue?.hasPrefix("DU") == true })
            #expect(paper["type"]?.stringValue == "DEMO")
            for account in accounts {
                #expect((account["accountStatus"]?.int ?? 0) > 1_000_000_000_000)
                #expect(account["faclient"]?.boolValue == false)
                #expect(account["accountAlias"]?.isNull == true)
                #expect(account["parent"]?["mmc"]?.array != nil)
            }
        }
    }

    @Test func manyAccountsAreAvailable() async throws {
        try await SimulatorHarness.with(configuring: { $0.accounts = 26; $0.positionsPerAccount = 3 }) { harness in
            let accounts = try #require(try await harness.get("/portfolio/accounts").json().array)
            #expect(accounts.count == 26)
            #expect(Set(accounts.compactMap { $0["id"]?.stringValue }).count == 26)
        }
    }

    @Test func summaryUsesMillisecondsAndRatiosInValue() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.openSession()
            let id = try #require(await harness.accountIDs().first)
            let summary = try await harness.get("/portfolio/\(id)/summary").json()
            let nlv = try #require(summary["netliquidation"])
            #expect(nlv["currency"]?.stringValue == "USD")
            #expect(nlv["isNull"]?.boolValue == false)
            #expect(nlv["value"]?.isNull == true)
            #expect((nlv["timestamp"]?.int ?? 0) > 1_000_000_000_000)
            let cushion = try #require(summary["cushion"])
            #expect(cushion["amount"]?.numberLiteral == "0.0")
            #expect(cushion["currency"]?.isNull == true)
            #expect(Double(cushion["value"]?.stringValue ?? "") != nil)
            #expect(summary["accountcode"]?["value"]?.stringValue == id)
            #expect(Int(summary["lookaheadnextchange"]?["value"]?.stringValue ?? "") != nil)
        }
    }

    @Test func ledgerUsesSecondsAndHasBase() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.openSession()
            let id = try #require(await harness.accountIDs().first)
            let ledger = try await harness.get("/portfolio/\(id)/ledger").json()
            #expect(ledger.keys.contains("BASE"))
            #expect(ledger.keys.contains("USD"))
            let base = try #require(ledger["BASE"])
            #expect(base["key"]?.stringValue == "LedgerList")
            #expect(base["exchangerate"]?.numberLiteral == "1")
            let stamp = try #require(base["timestamp"]?.int)
            #expect(stamp > 1_000_000_000 && stamp < 10_000_000_000)
        }
    }

    @Test func positionsCarryTheWiresLooseTyping() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.openSession()
            let id = try #require(await harness.accountIDs().first)
            let rows = try #require(try await harness.get("/portfolio/\(id)/positions/0").json().array)
            #expect(rows.count == 12)
            let stock = try #require(rows.first { $0["assetClass"]?.stringValue == "STK" && $0["currency"]?.stringValue == "USD" })
            #expect(stock["multiplier"]?.numberLiteral == "0.0")
            #expect(stock["strike"]?.stringValue == "0")
            #expect(stock["putOrCall"]?.isNull == true)
            #expect(stock["pageSize"]?.int == 100)
            let euro = try #require(rows.first { $0["currency"]?.stringValue == "EUR" })
            #expect(euro["multiplier"]?.isNull == true)
            #expect(euro["strike"]?.numberLiteral == "0.0")
            let option = try #require(rows.first { $0["assetClass"]?.stringValue == "OPT" })
            #expect(option["multiplier"]?.numberLiteral == "100.0")
            #expect(Decimal(string: option["strike"]?.stringValue ?? "") != nil)
            #expect(["C", "P"].contains(option["putOrCall"]?.stringValue ?? ""))
            #expect(option["expiry"]?.stringValue?.count == 8)
            #expect(option["contractDesc"]?.stringValue?.contains("[") == true)
            let future = try #require(rows.first { $0["assetClass"]?.stringValue == "FUT" })
            #expect(["5.0", "10.0"].contains(future["multiplier"]?.numberLiteral ?? ""))
            #expect(rows.contains { ($0["position"]?.decimal ?? 0) < 0 })
        }
    }

    @Test func portfolio2IsFlatWithStringConids() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.openSession()
            let id = try #require(await harness.accountIDs().first)
            let rows = try #require(try await harness.get("/portfolio2/\(id)/positions").json().array)
            let row = try #require(rows.first)
            #expect(Int(row["conid"]?.stringValue ?? "") != nil)
            #expect(row["marketValue"]?.decimal != nil)
            let stamp = try #require(row["timestamp"]?.int)
            #expect(stamp < 10_000_000_000)
        }
    }

    @Test func positionByConidAndAllocation() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.openSession()
            let id = try #require(await harness.accountIDs().first)
            let rows = try #require(try await harness.get("/portfolio/\(id)/positions/0").json().array)
            let conid = try #require(rows.first?["conid"]?.int)
            let single = try #require(try await harness.get("/portfolio/\(id)/position/\(conid)").json().array)
            #expect(single.count == 1)
            #expect(single.first?["conid"]?.int == conid)
            #expect(try await harness.get("/portfolio/positions/\(conid)").json().array?.isEmpty == false)
            let allocation = try await harness.get("/portfolio/\(id)/allocation").json()
            #expect(allocation["assetClass"]?["long"]?["STK"]?.decimal != nil)
            #expect(allocation["sector"]?["short"] != nil)
        }
    }

    @Test func unknownAccountIs500() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.openSession()
            let reply = try await harness.get("/portfolio/U0000001/summary")
            #expect(reply.status == 500)
            #expect(try reply.json()["error"]?.stringValue != nil)
        }
    }
}
