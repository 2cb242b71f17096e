import Foundation
import Portfolio
import Testing

@testable import IBKR

/// `--flex-endpoint`, and the rule that a GetStatement `<Url>` can never send the token anywhere else.
@Suite struct FlexEndpointTests {
    @Test func theDefaultIsIBKRsService() {
        #expect(FlexEndpoint.ibkr.description == "https://ndcdyn.interactivebrokers.com/AccountManagement/FlexWebService")
        #expect(FlexEndpoint.ibkr.sendRequestAddress.baseURL.hasSuffix("/FlexWebService/SendRequest"))
    }

    @Test(arguments: [
        ("https://ndcdyn.interactivebrokers.com/AccountManagement/FlexWebService", "https://ndcdyn.interactivebrokers.com/AccountManagement/FlexWebService"),
        ("https://ndcdyn.interactivebrokers.com/AccountManagement/FlexWebService/SendRequest", "https://ndcdyn.interactivebrokers.com/AccountManagement/FlexWebService"),
        ("https://flex.example:8443", "https://flex.example:8443/AccountManagement/FlexWebService"),
        ("http://127.0.0.1:5001/", "http://127.0.0.1:5001/AccountManagement/FlexWebService"),
        ("http://localhost:5001/custom/base", "http://localhost:5001/custom/base"),
        ("http://[::1]:5001", "http://[::1]:5001/AccountManagement/FlexWebService"),
    ])
    func acceptedEndpoints(_ text: String, _ base: String) throws {
        #expect(try FlexEndpoint(parsing: text).description == base)
    }

    @Test(arguments: [
        ("http://ndcdyn.interactivebrokers.com/AccountManagement/FlexWebService", "plain http is accepted only for this machine"),
        ("ftp://flex.example", "only https"),
        ("https://user:pw@flex.example", "user name or password"),
        ("https://flex.example/base?t=1", "query or fragment"),
        ("flex.example", "not a URL"),
        ("https:///nohost", "no host"),
    ])
    func refusedEndpoints(_ text: String, _ reason: String) {
        let error = #expect(throws: SourceError.self) { try FlexEndpoint(parsing: text) }
        #expect(error?.kind == .configuration && error?.endpoint == "--flex-endpoint")
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
    }

    @Test(arguments: [
        "https://gdcdyn.interactivebrokers.com/AccountManagement/FlexWebService/GetStatement",
        "https://ndcdyn.interactivebrokers.com/AccountManagement/FlexWebService/GetStatement",
        "https://www.interactivebrokers.com:443/Universal/servlet/FlexStatementService.GetStatement",
        "https://GDCDYN.InteractiveBrokers.COM./AccountManagement/FlexWebService/GetStatement",
    ])
    func statementURLsOnIBKROverHTTPSAreFollowed(_ url: String) throws {
        let address = try FlexEndpoint.ibkr.statementAddress(following: url)
        #expect(address.scheme == "https")
        #expect(address.host.lowercased().hasSuffix("interactivebrokers.com"))
    }

    @Test(arguments: [
        "http://gdcdyn.interactivebrokers.com/AccountManagement/FlexWebService/GetStatement",
        "https://gdcdyn.interactivebrokers.com.evil.example/GetStatement",
        "https://evilinteractivebrokers.com/GetStatement",
        "https://gdcdyn.interactivebrokers.com@evil.example/GetStatement",
        "https://evil.example/AccountManagement/FlexWebService/GetStatement",
        "https://127.0.0.1:5001/AccountManagement/FlexWebService/GetStatement",
        "https://gdcdyn.interactivebrokers.com/GetStatement?next=https://evil.example",
        "javascript:alert(1)",
        "GetStatement",
    ])
    func otherStatementURLsAreRefused(_ url: String) {
        let error = #expect(throws: SourceError.self) { try FlexEndpoint.ibkr.statementAddress(following: url) }
        #expect(error?.message.contains("not followed") == true)
    }

    @Test func aLoopbackEndpointFollowsItsOwnHostOnly() throws {
        let endpoint = try FlexEndpoint(parsing: "http://127.0.0.1:5001")
        let own = try endpoint.statementAddress(following: "http://127.0.0.1:5002/AccountManagement/FlexWebService/GetStatement")
        #expect(own.baseURL == "http://127.0.0.1:5002/AccountManagement/FlexWebService/GetStatement")
        #expect(throws: SourceError.self) { try endpoint.statementAddress(following: "http://localhost:5001/GetStatement") }
        #expect(throws: SourceError.self) { try endpoint.statementAddress(following: "http://10.0.0.1:5001/GetStatement") }
    }

    @Test func theClientSendsNothingToARefusedURL() async throws {
        let service = ScriptedFlexService(
            send: [.ok(FlexAnswers.reference(url: "https://evil.example/GetStatement"))], get: [.ok(FlexAnswers.statement)])
        let client = try service.client()
        let error = try #require(await Outcome.of(service.clock) { try await client.fetchStatement(FlexQueryID("1")) }.error)
        #expect(error.kind == .decoding && error.endpoint == "Flex SendRequest (query 1)")
        #expect(error.message.contains("evil.example"))
        #expect(service.steps == [.sendRequest])
    }

    @Test func withoutAURLGetStatementGoesToTheEndpointsOwnHost() async throws {
        let service = ScriptedFlexService(send: [.ok(FlexAnswers.reference(url: nil))], get: [.ok(FlexAnswers.statement)])
        let client = try service.client(endpoint: FlexEndpoint(parsing: "https://flex.example"))
        #expect(await Outcome.of(service.clock) { try await client.fetchStatement(FlexQueryID("1")) }.download != nil)
        #expect(service.sent.last?.address.baseURL == "https://flex.example/AccountManagement/FlexWebService/GetStatement")
    }
}
