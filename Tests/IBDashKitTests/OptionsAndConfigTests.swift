import Testing

@testable import IBDashKit

/// Command-line options win over config.toml, and config.toml fills in what the command line leaves out.
@Suite struct OptionsAndConfigTests {
    @Test func gatewayOptionsFallBackToTheFile() throws {
        var configured = AppConfiguration.Gateway()
        configured.url = "https://gw.example:5000"
        configured.cacert = "/etc/gw.pem"
        configured.insecure = false
        configured.bearerTokenFile = "/home/t/token"
        let fromFile = try GatewayOptions.parse([]).connectionOptions(configured: configured, environment: [:])
        #expect(fromFile.gateway == "https://gw.example:5000")
        #expect(fromFile.cacert == "/etc/gw.pem")
        #expect(fromFile.insecure == false)
        #expect(fromFile.bearerTokenFile == "/home/t/token")
        let given = try GatewayOptions.parse(["--gateway", "https://127.0.0.1:5001", "--cacert", "/tmp/x.pem", "--insecure"])
            .connectionOptions(configured: configured, environment: [:])
        #expect(given.gateway == "https://127.0.0.1:5001")
        #expect(given.cacert == "/tmp/x.pem")
        #expect(given.insecure)
    }

    @Test func flexOptionsFallBackToTheFile() throws {
        var configured = AppConfiguration.Flex()
        configured.endpoint = "https://ndcdyn.interactivebrokers.com/AccountManagement/FlexWebService"
        configured.tokenFile = "/home/t/flex-token"
        configured.queries = ["111", "222"]
        configured.maxWait = .seconds(900)
        let fromFile = try FlexOptions.parse([]).connectionOptions(configured: configured, environment: [:])
        #expect(fromFile.queries == ["111", "222"])
        #expect(fromFile.tokenFile == "/home/t/flex-token")
        #expect(fromFile.maxWait == .seconds(900))
        let given = try FlexOptions.parse(["--flex-query", "333", "--flex-max-wait", "60", "--flex-token-file", "/tmp/t"])
            .connectionOptions(configured: configured, environment: [:])
        #expect(given.queries == ["333"])
        #expect(given.maxWait == .seconds(60))
        #expect(given.tokenFile == "/tmp/t")
        #expect(given.endpoint == configured.endpoint)
    }
}
