import Foundation
import Testing

@testable import IBSimulator

/// Paging, the server-side cache and partial "no secdef" rows of `/portfolio/{id}/positions/{page}`.
@Suite struct PositionsPagingTests {
    @Test func pagesOf100ThenEmpty() async throws {
        try await SimulatorHarness.with(configuring: { $0.positionsPerAccount = 150; $0.accounts = 1 }) { harness in
            try await harness.openSession()
            let id = try #require(await harness.accountIDs().first)
            let first = try #require(try await harness.get("/portfolio/\(id)/positions/0").json().array)
            let second = try #require(try await harness.get("/portfolio/\(id)/positions/1").json().array)
            let third = try await harness.get("/portfolio/\(id)/positions/2")
            #expect(first.count == 100)
            #expect(second.count == 50)
            #expect(third.body == "[]")
            let conids = (first + second).compactMap { $0["conid"]?.int }
            #expect(Set(conids).count == 150)
        }
    }

    @Test func cacheLagsUntilInvalidated() async throws {
        try await SimulatorHarness.with(configuring: { $0.switches.positionsCacheLifetime = .seconds(600) }) { harness in
            try await harness.openSession()
            let id = try #require(await harness.accountIDs().first)
            let before = try await harness.get("/portfolio/\(id)/positions/0").body
            try await harness.control(#"{"command":"movePrices","percent":10}"#)
            #expect(try await harness.get("/portfolio/\(id)/positions/0").body == before)
            let invalidated = try await harness.post("/portfolio/\(id)/positions/invalidate").json()
            #expect(invalidated["message"]?.stringValue == "success")
            #expect(try await harness.get("/portfolio/\(id)/positions/0").body != before)
        }
    }

    @Test func partialRowsLackTheContractPart() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.openSession()
            let id = try #require(await harness.accountIDs().first)
            try await harness.control(#"{"command":"settings","partialPositionProbability":1}"#)
            _ = try await harness.post("/portfolio/\(id)/positions/invalidate")
            let rows = try #require(try await harness.get("/portfolio/\(id)/positions/0").json().array)
            #expect(!rows.isEmpty)
            for row in rows {
                #expect(row["ticker"] == nil)
                #expect(row["listingExchange"] == nil)
                #expect(row["multiplier"]?.isNull == true)
                #expect(row["mktValue"]?.decimal != nil)
                #expect(row.keys.count <= 22)
            }
        }
    }
}
