import Portfolio
import Testing

@testable import IBKR

@Suite struct GatewayAddressTests {
    @Test func theDefaultIsTheLocalGateway() {
        #expect(GatewayAddress.localGateway.baseURL == "https://localhost:5000/v1/api")
        #expect(GatewayAddress.localGateway.isLoopback && GatewayAddress.localGateway.displayName == "localhost:5000")
    }

    @Test(arguments: [
        ("https://localhost:5000", "https://localhost:5000/v1/api"),
        ("https://localhost:5000/", "https://localhost:5000/v1/api"),
        ("https://127.0.0.1:5001/v1/api", "https://127.0.0.1:5001/v1/api"),
        ("https://gw.example.com:8443/ibkr/v1/api/", "https://gw.example.com:8443/ibkr/v1/api"),
        ("https://api.ibkr.com", "https://api.ibkr.com/v1/api"),
        ("HTTPS://[::1]:5000", "https://[::1]:5000/v1/api"),
    ])
    func acceptedForms(_ text: String, _ base: String) throws {
        #expect(try GatewayAddress(parsing: text).baseURL == base)
    }

    @Test(arguments: [
        "http://localhost:5000", "localhost:5000", "ftp://x", "https://", "https://user:pw@localhost:5000",
        "https://localhost:5000/portal", "https://localhost:5000?x=1", "https://localhost:5000#f", "https://localhost:0",
        "not a url at all",
    ])
    func refusedFormsSayWhatIsAccepted(_ text: String) {
        let error = #expect(throws: SourceError.self) { try GatewayAddress(parsing: text) }
        #expect(error?.kind == .configuration && error?.endpoint == "--gateway")
        #expect(error?.fix?.contains("https://localhost:5000") == true)
    }

    @Test(arguments: ["localhost", "LOCALHOST", "localhost.", "127.0.0.1", "127.8.9.10", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"])
    func loopbackHosts(_ host: String) {
        #expect(GatewayAddress.isLoopback(host: host))
    }

    @Test(arguments: ["gateway.example", "128.0.0.1", "10.0.0.1", "::2", "localhost.example.com", "api.ibkr.com", "1.api.ibkr.com"])
    func otherHosts(_ host: String) {
        #expect(!GatewayAddress.isLoopback(host: host))
    }

    @Test func ibkrsOwnServersAreRecognised() throws {
        #expect(try GatewayAddress(parsing: "https://api.ibkr.com").isIBKRWebAPI)
        #expect(try GatewayAddress(parsing: "https://1.api.ibkr.com/v1/api").isIBKRWebAPI)
        #expect(try !GatewayAddress(parsing: "https://api.ibkr.com.evil.example").isIBKRWebAPI)
        #expect(GatewayAddress.ibkrWebAPI.displayName == "api.ibkr.com")
    }
}
