import ArgumentParser
import Foundation
import IBKR

/// `--gateway`, `--cacert` and `--insecure`: where the Client Portal API is and how its certificate is checked.
/// Every command that talks to the gateway includes them (`@OptionGroup var gateway: GatewayOptions`); the bearer
/// token comes from `IBDASH_BEARER_TOKEN` or a token file, never from the command line. Like any
/// `ParsableArguments`, an instance is only usable once parsed (`GatewayOptions.parse([...])` in a test).
public struct GatewayOptions: ParsableArguments, Sendable {
    @Option(
        help: ArgumentHelp(
            "The Client Portal API: https://HOST:PORT, or a base URL ending in /v1/api (default: https://localhost:5000).",
            valueName: "url"))
    public var gateway: String?

    @Option(help: ArgumentHelp("Trust only the certificate in this PEM file.", valueName: "file"))
    public var cacert: String?

    @Flag(help: "Do not check the gateway's TLS certificate at all (not recommended).")
    public var insecure = false

    public init() {}

    /// What `ClientPortalConnection.open` needs: these options where given, else the configuration file's.
    /// The bearer token comes from `IBDASH_BEARER_TOKEN`, else the configured token file.
    func connectionOptions(configured: AppConfiguration.Gateway = .init(), environment: [String: String])
        -> ClientPortalConnection.Options
    {
        ClientPortalConnection.Options(
            gateway: gateway ?? configured.url, cacert: cacert ?? configured.cacert,
            insecure: insecure || configured.insecure, bearerTokenFile: configured.bearerTokenFile,
            userAgent: IBDashVersion.userAgent, environment: environment)
    }
}
