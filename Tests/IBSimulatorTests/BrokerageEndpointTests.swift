import Foundation
import Testing

@testable import IBSimulator

/// `/iserver` accounts, P&L, orders, trades and snapshots: shapes, pre-flights and prerequisites
/// (reference §4.8, §4.16–4.19, §6.3).
@Suite struct BrokerageEndpointTests {
    @Test func iserverAccountsAndAccountSelection() async throws {
        try await SimulatorHarness.with { harness in
            let ids = await harness.accountIDs()
            let body = try await harness.get("/iserver/accounts").json()
            #expect(body["accounts"]?.array?.compactMap(\.stringValue) == ids)
            #expect(body["selectedAccount"]?.stringValue == ids.first)
            #expect(body["acctProps"]?[ids[0]]?["supportsFractions"]?.boolValue == true)
            #expect(body["allowFeatures"]?["snapshotRefreshTimeout"]?.int == 30)
            let selected = try await harness.post("/iserver/account", json: #"{"acctId":"\#(ids[1])"}"#).json()
            #expect(selected["set"]?.boolValue == true)
            #expect(selected["acctId"]?.stringValue == ids[1])
            #expect(try await harness.get("/iserver/accounts").json()["selectedAccount"]?.stringValue == ids[1])
            #expect(try await harness.post("/iserver/account", json: #"{"acctId":"U0000001"}"#).status == 500)
        }
    }

    @Test func pnlPreflightThenRowOfTheSelectedAccount() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.openSession()
            let first = try await harness.get("/iserver/account/pnl/partitioned")
            #expect(first.body == #"{"upnl":{}}"#)
            let ids = await harness.accountIDs()
            _ = try await harness.post("/iserver/account", json: #"{"acctId":"\#(ids[1])"}"#)
            let row = try #require(try await harness.get("/iserver/account/pnl/partitioned").json()["upnl"]?["\(ids[1]).Core"])
            #expect(row["rowType"]?.int == 1)
            for key in ["dpl", "nl", "upl", "el", "mv"] { #expect(row[key]?.decimal != nil, "\(key)") }
        }
    }

    @Test func ordersPreflightForceAndShape() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.openSession()
            let empty = #"{"orders":[],"snapshot":false}"#
            #expect(try await harness.get("/iserver/account/orders").body == empty)
            let listed = try await harness.get("/iserver/account/orders").json()
            #expect(listed["snapshot"]?.boolValue == true)
            let orders = try #require(listed["orders"]?.array)
            #expect(orders.count == 2)
            let order = try #require(orders.first { $0["price"] != nil })
            #expect(Decimal(string: order["price"]?.stringValue ?? "") != nil)
            #expect(order["totalSize"]?.numberLiteral?.contains(".") == true)
            #expect(order["filledQuantity"]?.decimal != nil)
            #expect(order["conid"]?.int != nil)
            #expect(order["supportsTaxOpt"]?.stringValue == "1")
            #expect(order["lastExecutionTime"]?.stringValue?.count == 12)
            #expect((order["lastExecutionTime_r"]?.int ?? 0) > 1_000_000_000_000)
            #expect(["PreSubmitted", "Submitted"].contains(order["status"]?.stringValue ?? ""))
            #expect(order["acct"]?.stringValue == order["account"]?.stringValue)
            #expect(try await harness.get("/iserver/account/orders?force=true").body == empty)
            let ids = await harness.accountIDs()
            let other = try await harness.get("/iserver/account/orders?accountId=\(ids[1])").json()
            #expect(other["orders"]?.array?.allSatisfy { $0["acct"]?.stringValue == ids[1] } == true)
        }
    }

    @Test func ordersMoveToFilledAndTheFillIsATrade() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.openSession()
            _ = try await harness.get("/iserver/account/orders")
            let filled = try await harness.control(#"{"command":"fillOrder"}"#)
            let orderID = try #require(filled["orderId"]?.int)
            let orders = try #require(try await harness.get("/iserver/account/orders").json()["orders"]?.array)
            let order = try #require(orders.first { $0["orderId"]?.int == orderID })
            #expect(order["status"]?.stringValue == "Filled")
            #expect(order["remainingQuantity"]?.decimal == 0)
            #expect(Decimal(string: order["avgPrice"]?.stringValue ?? "") != nil)
            let trades = try #require(try await harness.get("/iserver/account/trades").json().array)
            let trade = try #require(trades.first { $0["order_id"]?.int == orderID })
            #expect(["B", "S"].contains(trade["side"]?.stringValue ?? ""))
            #expect(trade["size"]?.decimal == order["totalSize"]?.decimal)
            #expect(trade["price"]?.stringValue == order["avgPrice"]?.stringValue)
            #expect(Decimal(string: trade["commission"]?.stringValue ?? "") != nil)
            let time = try #require(trade["trade_time"]?.stringValue)
            #expect(time.count == 17 && time.dropFirst(8).first == "-")
            #expect((trade["trade_time_r"]?.int ?? 0) > 1_000_000_000_000)
            #expect(trade["conidEx"]?.stringValue == trade["conid"]?.int.map(String.init))
        }
    }

    @Test func tradesCoverTheAskedDays() async throws {
        try await SimulatorHarness.with(configuring: { $0.historyDays = 10; $0.positionsPerAccount = 30 }) { harness in
            try await harness.openSession()
            let today = try #require(try await harness.get("/iserver/account/trades").json().array)
            let week = try #require(try await harness.get("/iserver/account/trades?days=7").json().array)
            #expect(week.count >= today.count)
            #expect(!week.isEmpty)
            let oldest = week.compactMap { $0["trade_time_r"]?.int }.min() ?? Int.max
            #expect(Double(oldest) / 1000 >= Date().timeIntervalSince1970 - 8 * 86_400)
        }
    }

    @Test func snapshotPreflightThenStringFields() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.openSession()
            let path = "/iserver/marketdata/snapshot?conids=265598,272093&fields=31,84,86,88,85,82,83,7741,87,6509,55"
            let first = try #require(try await harness.get(path).json().array)
            #expect(first.count == 2)
            #expect(first.allSatisfy { $0.keys == ["conid", "conidEx"] })
            let second = try #require(try await harness.get("/iserver/marketdata/snapshot?conids=265598").json().array)
            let quote = try #require(second.first)
            #expect(quote["conid"]?.int == 265_598)
            #expect(quote["55"]?.stringValue == "AAPL")
            let last = try #require(Decimal(string: quote["31"]?.stringValue ?? ""))
            let prior = try #require(Decimal(string: quote["7741"]?.stringValue ?? ""))
            #expect(Decimal(string: quote["82"]?.stringValue ?? "") == last - prior)
            #expect(quote["6509"]?.stringValue == "RpB")
            #expect((quote["_updated"]?.int ?? 0) > 1_000_000_000_000)
            let volume = try #require(quote["87"]?.stringValue)
            #expect(volume.hasSuffix("M") || volume.hasSuffix("K") || Int(volume) != nil)
        }
    }

    @Test func closedMarketPrefixesTheLastPrice() async throws {
        try await SimulatorHarness.with(configuring: { $0.marketHours = .alwaysClosed }) { harness in
            try await harness.openSession()
            _ = try await harness.get("/iserver/marketdata/snapshot?conids=265598&fields=31")
            let quote = try #require(try await harness.get("/iserver/marketdata/snapshot?conids=265598").json()[0])
            #expect(quote["31"]?.stringValue?.hasPrefix("C") == true)
        }
    }

    @Test func strictPrerequisites() async throws {
        try await SimulatorHarness.with { harness in
            let id = try #require(await harness.accountIDs().first)
            let early = try await harness.get("/portfolio/\(id)/summary")
            #expect(early.status == 400)
            #expect(try early.json()["error"]?.stringValue?.contains("/portfolio/accounts") == true)
            #expect(try await harness.get("/iserver/account/orders").body == #"{"orders":[],"snapshot":false}"#)
            #expect(try await harness.get("/iserver/marketdata/snapshot?conids=265598").body == "[]")
            try await harness.openSession()
            #expect(try await harness.get("/portfolio/\(id)/summary").status == 200)
            try await harness.control(#"{"command":"settings","strictPrerequisites":false}"#)
            try await harness.control(#"{"command":"session","state":"noSession"}"#)
            try await harness.control(#"{"command":"session","state":"brokerage"}"#)
            #expect(try await harness.get("/portfolio/\(id)/ledger").status == 200)
        }
    }

    @Test func aNewLoginRepeatsThePreflights() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.openSession()
            _ = try await harness.get("/iserver/account/pnl/partitioned")
            #expect(try await harness.get("/iserver/account/pnl/partitioned").body != #"{"upnl":{}}"#)
            try await harness.control(#"{"command":"session","state":"noSession"}"#)
            try await harness.control(#"{"command":"session","state":"brokerage"}"#)
            try await harness.openSession()
            #expect(try await harness.get("/iserver/account/pnl/partitioned").body == #"{"upnl":{}}"#)
        }
    }

    @Test func lesserEndpoints() async throws {
        try await SimulatorHarness.with { harness in
            let subaccounts = try #require(try await harness.get("/portfolio/subaccounts").json().array)
            #expect(subaccounts.count == 3)
            _ = try await harness.get("/iserver/accounts")
            let unsubscribed = try await harness.get("/iserver/marketdata/unsubscribeall").json()
            #expect(unsubscribed["unsubscribed"]?.boolValue == true)
            let unknown = try await harness.get("/iserver/no/such/thing")
            #expect(unknown.status == 404)
            let outside = try await harness.client.execute(
                .init(url: "http://127.0.0.1:\(harness.endpoints.apiPort)/elsewhere"), timeout: .seconds(30))
            #expect(outside.status.code == 404)
        }
    }
}
