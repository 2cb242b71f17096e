import Crypto
import Foundation
import NIOSSL
import X509

/// A self-signed certificate made for one test run, as the gateway ships one: for `localhost` and
/// `gateway.example`, with its PEM in a temporary file for `--cacert`.
struct TestCertificate {
    let certificate: NIOSSLCertificate
    let key: NIOSSLPrivateKey
    let pemFile: String

    init(names: [String] = ["localhost", "gateway.example"]) throws {
        let signingKey = P256.Signing.PrivateKey()
        let key = Certificate.PrivateKey(signingKey)
        let name = try DistinguishedName { CommonName("ibdash test gateway") }
        let now = Date()
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
            Critical(KeyUsage(digitalSignature: true, keyCertSign: true))
            try ExtendedKeyUsage([.serverAuth])
            SubjectAlternativeNames(names.map { .dnsName($0) })
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key.publicKey,
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(86400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions,
            issuerPrivateKey: key)
        let pem = try certificate.serializeAsPEM().pemString
        self.certificate = try NIOSSLCertificate(bytes: Array(pem.utf8), format: .pem)
        self.key = try NIOSSLPrivateKey(bytes: Array(signingKey.pemRepresentation.utf8), format: .pem)
        pemFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("ibdash-test-\(UUID().uuidString).pem").path
        try pem.write(toFile: pemFile, atomically: true, encoding: .utf8)
    }

    func serverContext() throws -> NIOSSLContext {
        try NIOSSLContext(
            configuration: .makeServerConfiguration(certificateChain: [.certificate(certificate)], privateKey: .privateKey(key)))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: pemFile)
    }
}
