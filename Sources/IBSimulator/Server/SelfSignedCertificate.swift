import Crypto
import Foundation
import NIOSSL
import X509

/// The certificate the HTTPS listener presents: self-signed and made at start, like the real gateway's, for
/// `localhost`, `127.0.0.1` and `::1`.
struct SelfSignedCertificate: Sendable {
    /// PEM of the certificate, for clients that pin it.
    let certificatePEM: String
    let tlsConfiguration: TLSConfiguration

    init(now: Date = Date()) throws {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            CommonName("localhost")
            OrganizationName("ibdash simulated gateway")
        }
        let extensions = try Certificate.Extensions {
            // Its own issuer: BoringSSL accepts a pinned self-signed certificate only when it may sign certificates.
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
            Critical(KeyUsage(digitalSignature: true, keyCertSign: true))
            try ExtendedKeyUsage([.serverAuth])
            SubjectAlternativeNames([
                .dnsName("localhost"),
                .ipAddress(.init(contentBytes: [127, 0, 0, 1])),
                .ipAddress(.init(contentBytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])),
            ])
        }
        let certificateKey = Certificate.PrivateKey(key)
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: certificateKey.publicKey,
            notValidBefore: now.addingTimeInterval(-3_600), notValidAfter: now.addingTimeInterval(365 * 86_400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions,
            issuerPrivateKey: certificateKey)
        let pem = try certificate.serializeAsPEM()
        let der = pem.derBytes
        certificatePEM = pem.pemString
        let sslCertificate = try NIOSSLCertificate(bytes: der, format: .der)
        let sslKey = try NIOSSLPrivateKey(bytes: Array(key.pemRepresentation.utf8), format: .pem)
        tlsConfiguration = TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(sslCertificate)], privateKey: .privateKey(sslKey))
    }
}
