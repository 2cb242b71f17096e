import NIOSSL
import Portfolio

/// How the gateway's certificate is checked. Verification stays on except for a loopback gateway, whose
/// certificate IBKR ships self-signed; `--cacert` pins a certificate; `--insecure` turns checks off and says so.
public enum TLSPolicy: Hashable, Sendable {
    /// Full verification against the system's trusted roots, host name included.
    case verify
    /// The local gateway's self-signed certificate: encrypted, but the certificate is not checked.
    case loopbackSelfSigned
    /// Only the certificates in this PEM file are trusted; the host name is checked unless the host is loopback
    /// (the gateway's certificate names no real host).
    case pinned(certificateFile: String, checkHostname: Bool)
    /// `--insecure`: nothing is checked.
    case insecure

    /// The policy for `address` given the command line's `--cacert FILE` and `--insecure`.
    public static func resolve(for address: GatewayAddress, cacert: String?, insecure: Bool) throws(SourceError)
        -> TLSPolicy
    {
        switch (cacert, insecure) {
        case (.some, true):
            throw SourceError(
                .configuration, endpoint: "--cacert",
                message: "--cacert and --insecure contradict each other", fix: "give only one of them")
        case (.some(let file), false):
            return .pinned(certificateFile: file, checkHostname: !address.isLoopback)
        case (nil, true):
            return .insecure
        case (nil, false):
            return address.isLoopback ? .loopbackSelfSigned : .verify
        }
    }

    /// True only for `--insecure`: the screen shows a warning.
    public var isInsecure: Bool { self == .insecure }

    /// One line for the log and the help screen.
    public var summary: String {
        switch self {
        case .verify: "certificate verified"
        case .loopbackSelfSigned: "loopback gateway, self-signed certificate accepted"
        case .pinned(let file, _): "certificate pinned to \(file.sanitized)"
        case .insecure: "TLS verification OFF (--insecure)"
        }
    }

    public func makeTLSConfiguration() throws(SourceError) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch self {
        case .verify:
            configuration.certificateVerification = .fullVerification
        case .loopbackSelfSigned, .insecure:
            configuration.certificateVerification = .none
        case .pinned(let file, let checkHostname):
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(file)
            } catch {
                throw SourceError(
                    .configuration, endpoint: "--cacert",
                    message: "cannot read a PEM certificate from \(file.sanitized)")
            }
            guard !certificates.isEmpty else {
                throw SourceError(
                    .configuration, endpoint: "--cacert",
                    message: "\(file.sanitized) holds no PEM certificate")
            }
            configuration.trustRoots = .certificates(certificates)
            configuration.additionalTrustRoots = []
            configuration.certificateVerification = checkHostname ? .fullVerification : .noHostnameVerification
        }
        return configuration
    }
}
