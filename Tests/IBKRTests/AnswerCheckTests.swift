import Portfolio
import Testing

@testable import IBKR

@Suite struct AnswerCheckTests {
    private func check(_ status: Int, _ body: String, address: GatewayAddress = .localGateway) throws -> JSONValue {
        try AnswerCheck.json(from: GatewayResponse(status: status, text: body), path: "/x", address: address)
    }

    private func kind(_ status: Int, _ body: String) -> SourceError.Kind? {
        #expect(throws: SourceError.self) { try check(status, body) }?.kind
    }

    @Test func statusesMapToKinds() {
        #expect(kind(401, "") == .notLoggedIn)
        #expect(kind(302, "") == .notLoggedIn)
        #expect(kind(429, "") == .rateLimited)
        #expect(kind(500, #"{"error":"unknown"}"#) == .server(status: 500))
        #expect(kind(503, #"{"error":"Details currently unavailable.","statusCode":503}"#) == .server(status: 503))
        #expect(kind(400, #"{"error":"Bad Request: no bridge","statusCode":400}"#) == .brokerageUnavailable)
        #expect(kind(400, #"{"error":"bad input"}"#) == .server(status: 400))
        #expect(kind(404, "") == .server(status: 404))
    }

    @Test func aRefusedBrokerageCallIsNoProofOfALogout() {
        func kind(_ status: Int, path: String) -> SourceError.Kind? {
            #expect(throws: SourceError.self) {
                try AnswerCheck.json(from: GatewayResponse(status: status, text: ""), path: path, address: .localGateway)
            }?.kind
        }
        #expect(kind(401, path: "/iserver/account/orders") == .brokerageUnavailable)
        #expect(kind(302, path: "/iserver/accounts") == .brokerageUnavailable)
        #expect(kind(401, path: "/iserver/auth/status") == .notLoggedIn)
        #expect(kind(401, path: "/portfolio/accounts") == .notLoggedIn)
        #expect(kind(401, path: "/tickle") == .notLoggedIn)
    }

    @Test func anErrorIn200IsAnError() {
        #expect(kind(200, #"{"error": "no session"}"#) == .notLoggedIn)
        #expect(kind(200, #"{"error": "something else"}"#) == .server(status: 200))
        #expect(throws: Never.self) { try check(200, #"{"hmds": {"error": "no bridge"}}"#) }
        #expect(throws: Never.self) { try check(200, #"{"error": ""}"#) }
    }

    @Test func messagesQuoteIBKRCleanedAndShort() {
        let error = #expect(throws: SourceError.self) { try check(503, "{\"error\":\"Details \\u001b[31mcurrently unavailable.\"}") }
        #expect(error?.message == #"HTTP 503: IBKR says "Details currently unavailable.""#)
    }

    @Test func theFixDependsOnTheGateway() {
        let local = #expect(throws: SourceError.self) { try check(401, "") }
        #expect(local?.fix == "log in at https://localhost:5000")
        let cloud = #expect(throws: SourceError.self) { try check(401, "", address: .ibkrWebAPI) }
        #expect(cloud?.fix == "renew the bearer token")
    }

    @Test func aBodyThatIsNotJSONIsADecodingError() {
        let error = #expect(throws: SourceError.self) { try check(200, "<html><body>Access Denied</body></html>") }
        #expect(error?.kind == .decoding)
        #expect(error?.message == #"the answer is not JSON: unexpected '<' at byte 0 (it starts with "<html><body>Access Denied</body></html>")"#)
    }

    @Test func anEmptyBodyIsNull() throws {
        #expect(try check(200, "") == .null)
    }
}
