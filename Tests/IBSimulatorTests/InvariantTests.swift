import Foundation
import Testing

@testable import IBSimulator

/// The identities of reference §8 hold exactly, in decimal arithmetic, on the numbers as served.
@Suite struct InvariantTests {
    private static let ledgerFields = [
        "cashbalance", "settledcash", "stockmarketvalue", "stockoptionmarketvalue", "futuremarketvalue",
        "netliquidationvalue", "unrealizedpnl", "realizedpnl", "futuresonlypnl",
    ]

    @Test func numbersAgreeAcrossEndpoints() async throws {
        try await SimulatorHarness.with(configuring: { $0.positionsPerAccount = 20 }) { harness in
            try await harness.openSession()
            _ = try await harness.get("/iserver/account/pnl/partitioned")
            for id in await harness.accountIDs() {
                try await checkAccount(id, harness: harness)
            }
        }
    }

    @Test func numbersStillAgreeAfterFillsAndPriceMoves() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.openSession()
            _ = try await harness.get("/iserver/account/pnl/partitioned")
            let id = try #require(await harness.accountIDs().first)
            let filled = try await harness.control(#"{"command":"fillOrder"}"#)
            #expect(filled["orderId"]?.int != nil)
            try await harness.control(#"{"command":"movePrices","percent":-4.5}"#)
            try await checkAccount(id, harness: harness)
        }
    }

    private func checkAccount(_ id: String, harness: SimulatorHarness) async throws {
        _ = try await harness.post("/portfolio/\(id)/positions/invalidate")
        _ = try await harness.post("/iserver/account", json: #"{"acctId":"\#(id)"}"#)
        let positions = try #require(try await harness.get("/portfolio/\(id)/positions/0").json().array)
        let ledger = try await harness.get("/portfolio/\(id)/ledger").json()
        let summary = try await harness.get("/portfolio/\(id)/summary").json()
        let pnl = try #require(try await harness.get("/iserver/account/pnl/partitioned").json()["upnl"]?["\(id).Core"])

        var grossInBase: Decimal = 0
        var stockByCurrency: [String: Decimal] = [:]
        for row in positions {
            let quantity = try #require(row["position"]?.decimal)
            let price = try #require(row["mktPrice"]?.decimal)
            let value = try #require(row["mktValue"]?.decimal)
            let averageCost = try #require(row["avgCost"]?.decimal)
            let unrealized = try #require(row["unrealizedPnl"]?.decimal)
            let multiplier = max(row["multiplier"]?.decimal ?? 0, 1)
            #expect(value == quantity * price * multiplier, "mktValue of \(row["conid"]?.description ?? "")")
            #expect(unrealized == value - quantity * averageCost, "unrealizedPnl of \(row["conid"]?.description ?? "")")
            let currency = try #require(row["currency"]?.stringValue)
            let rate = try #require(ledger[currency]?["exchangerate"]?.decimal)
            grossInBase += abs(value) * rate
            if row["assetClass"]?.stringValue == "STK" { stockByCurrency[currency, default: 0] += value }
        }

        let base = try #require(ledger["BASE"])
        for field in Self.ledgerFields {
            var sum: Decimal = 0
            for currency in ledger.keys where currency != "BASE" {
                let line = try #require(ledger[currency])
                sum += try #require(line[field]?.decimal) * (try #require(line["exchangerate"]?.decimal))
            }
            #expect(base[field]?.decimal == sum, "ledger BASE \(field) of \(id)")
        }
        for currency in ledger.keys where currency != "BASE" {
            #expect(ledger[currency]?["stockmarketvalue"]?.decimal == stockByCurrency[currency, default: 0])
        }

        let netLiquidation = try #require(summary["netliquidation"]?["amount"]?.decimal)
        #expect(netLiquidation == base["netliquidationvalue"]?.decimal)
        #expect(netLiquidation == pnl["nl"]?.decimal)
        #expect(summary["totalcashvalue"]?["amount"]?.decimal == base["cashbalance"]?.decimal)
        #expect(summary["grosspositionvalue"]?["amount"]?.decimal == grossInBase)
        #expect(pnl["mv"]?.decimal == grossInBase)
        #expect(pnl["upl"]?.decimal == base["unrealizedpnl"]?.decimal)
        let excess = try #require(summary["excessliquidity"]?["amount"]?.decimal)
        #expect(pnl["el"]?.decimal == excess)
        let cushion = try #require(Decimal(string: summary["cushion"]?["value"]?.stringValue ?? ""))
        #expect(abs(cushion - excess / netLiquidation) <= Decimal(5) / 10_000_000)
        #expect(pnl["dpl"]?.decimal != nil)
    }
}
