import Foundation
import NIOCore
import Testing

@testable import IBSimulator

/// The control endpoint: who may use it, what it accepts, and what it changes.
@Suite struct ControlTests {
    @Test func onlyLoopbackPeersMayControl() throws {
        #expect(LoopbackPolicy.allows(try SocketAddress(ipAddress: "127.0.0.1", port: 5000)))
        #expect(LoopbackPolicy.allows(try SocketAddress(ipAddress: "127.8.9.10", port: 5000)))
        #expect(LoopbackPolicy.allows(try SocketAddress(ipAddress: "::1", port: 5000)))
        #expect(LoopbackPolicy.allows(try SocketAddress(ipAddress: "::ffff:127.0.0.1", port: 5000)))
        #expect(!LoopbackPolicy.allows(try SocketAddress(ipAddress: "192.168.1.20", port: 5000)))
        #expect(!LoopbackPolicy.allows(try SocketAddress(ipAddress: "10.0.0.1", port: 5000)))
        #expect(!LoopbackPolicy.allows(try SocketAddress(ipAddress: "128.0.0.1", port: 5000)))
        #expect(!LoopbackPolicy.allows(try SocketAddress(ipAddress: "fe80::1", port: 5000)))
        #expect(!LoopbackPolicy.allows(try SocketAddress(ipAddress: "::ffff:10.0.0.1", port: 5000)))
        #expect(!LoopbackPolicy.allows(nil))
    }

    @Test func commandsAreParsed() throws {
        #expect(try ControlCommand(json: Data(#"{"command":"session","state":"competing"}"#.utf8)) == .session(.competing))
        #expect(try ControlCommand(json: Data(#"{"command":"movePrices","percent":-2.5}"#.utf8)) == .movePrices(percent: -2.5, conid: nil))
        let fault = try ControlCommand(json: Data(#"{"command":"fault","kind":"latency","seconds":15,"count":2,"pathPrefix":"/iserver"}"#.utf8))
        #expect(fault == .fault(Fault(.latency(.seconds(15)), count: 2, pathPrefix: "/iserver")))
        #expect(throws: ControlError.self) { try ControlCommand(json: Data(#"{"command":"explode"}"#.utf8)) }
        #expect(throws: ControlError.self) { try ControlCommand(json: Data(#"{"command":"fault","kind":"latency"}"#.utf8)) }
        #expect(throws: ControlError.self) { try ControlCommand(json: Data(#"{"command":"session","state":"sleepy"}"#.utf8)) }
        #expect(throws: ControlError.self) { try ControlCommand(json: Data("not json".utf8)) }
        #expect(throws: ControlError.self) { try ControlCommand(json: Data(#"{"command":"movePrices","percent":-100}"#.utf8)) }
        #expect(throws: ControlError.self) { try ControlCommand(json: Data(#"{"command":"fault","kind":"status","status":200}"#.utf8)) }
        #expect(throws: ControlError.self) { try ControlCommand(json: Data(#"{"command":"fault","kind":"rateLimit","count":0}"#.utf8)) }
    }

    @Test func badCommandsAnswer400() async throws {
        try await SimulatorHarness.with { harness in
            let reply = try await harness.controlReply(#"{"command":"fillOrder","orderId":12}"#)
            #expect(reply.status == 400)
            #expect(try reply.json()["ok"]?.boolValue == false)
            #expect(try reply.json()["error"]?.stringValue == "no working order 12")
        }
    }

    @Test func movePricesMovesTheSnapshot() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.openSession()
            let path = "/iserver/marketdata/snapshot?conids=265598&fields=31"
            _ = try await harness.get(path)
            let before = try #require(Decimal(string: try await harness.get(path).json()[0]?["31"]?.stringValue ?? ""))
            try await harness.control(#"{"command":"movePrices","percent":10,"conid":265598}"#)
            let after = try #require(Decimal(string: try await harness.get(path).json()[0]?["31"]?.stringValue ?? ""))
            #expect(abs(after - before * Decimal(11) / 10) <= Decimal(1) / 100)
        }
    }

    @Test func newOrderAppearsInTheList() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.openSession()
            let id = try #require(await harness.accountIDs().first)
            _ = try await harness.get("/iserver/account/orders")
            let placed = try await harness.control(#"{"command":"newOrder","account":"\#(id)"}"#)
            let orderID = try #require(placed["orderId"]?.int)
            let orders = try #require(try await harness.get("/iserver/account/orders").json()["orders"]?.array)
            #expect(orders.first { $0["orderId"]?.int == orderID }?["status"]?.stringValue == "PreSubmitted")
        }
    }

    @Test func statsCountEveryEndpoint() async throws {
        try await SimulatorHarness.with { harness in
            try await harness.openSession()
            let id = try #require(await harness.accountIDs().first)
            _ = try await harness.get("/portfolio/\(id)/positions/0")
            _ = try await harness.get("/portfolio/\(id)/positions/1")
            let stats = try await harness.stats()
            #expect(stats["requests"]?["GET /portfolio/{accountId}/positions/{pageId}"]?.int == 2)
            #expect(stats["requests"]?["GET /iserver/accounts"]?.int == 1)
            #expect(stats["totalRequests"]?.int == 4)
        }
    }
}
