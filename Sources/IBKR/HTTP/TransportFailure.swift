import Foundation
import AsyncHTTPClient
import NIOCore
import NIOSSL
import Portfolio

/// Turns what AsyncHTTPClient, NIO and BoringSSL throw into a `SourceError` a person can act on.
enum TransportFailure {
    static func sourceError(
        for error: any Error, endpoint: String, address: GatewayAddress, connectTimeout: Duration,
        requestTimeout: Duration
    ) -> SourceError {
        if let error = error as? SourceError { return error }
        if error is NIOTooManyBytesError {
            return SourceError(.decoding, endpoint: endpoint, message: "the answer is larger than the size limit")
        }
        let gateway = address.displayName
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return SourceError(
                    .timeout, endpoint: endpoint,
                    message: "\(gateway) did not answer within \(seconds(requestTimeout))")
            case .connectTimeout, .tlsHandshakeTimeout:
                return SourceError(
                    .unreachable, endpoint: endpoint,
                    message: "no connection to \(gateway) within \(seconds(connectTimeout))",
                    fix: startFix(address))
            case .remoteConnectionClosed:
                return SourceError(
                    .unreachable, endpoint: endpoint, message: "\(gateway) closed the connection before answering")
            default:
                break
            }
        }
        if let tls = find(NIOSSLError.self, in: error) {
            return SourceError(
                .unreachable, endpoint: endpoint,
                message: "TLS handshake with \(gateway) failed: \(describeTLS(tls))",
                fix: address.isLoopback
                    ? "check the gateway's certificate file given with --cacert"
                    : "pin the gateway's certificate with --cacert FILE, or use --insecure (not recommended)")
        }
        if let io = find(IOError.self, in: error) {
            let refused = io.errnoCode == ECONNREFUSED
            return SourceError(
                .unreachable, endpoint: endpoint,
                message: refused
                    ? "\(gateway) refused the connection" : "cannot reach \(gateway): \(clean(io.description))",
                fix: startFix(address))
        }
        if isConnectTimeout(error) {
            return SourceError(
                .unreachable, endpoint: endpoint,
                message: "no connection to \(gateway) within \(seconds(connectTimeout))", fix: startFix(address))
        }
        return SourceError(
            .unreachable, endpoint: endpoint, message: "cannot reach \(gateway): \(clean(String(describing: error)))",
            fix: startFix(address))
    }

    private static func startFix(_ address: GatewayAddress) -> String? {
        address.isIBKRWebAPI ? nil : "start the Client Portal Gateway and log in at \(address.origin)"
    }

    private static func describeTLS(_ error: NIOSSLError) -> String {
        let text = String(describing: error)
        if text.contains("CERTIFICATE_VERIFY_FAILED") { return "the certificate is not trusted" }
        return clean(text)
    }

    private static func isConnectTimeout(_ error: any Error) -> Bool {
        guard let channel = find(ChannelError.self, in: error) else { return false }
        if case .connectTimeout = channel { return true }
        return false
    }

    /// NIO wraps the cause of a failed connection in its own error structs (some from modules IBKR does not
    /// import); walking the value's mirror finds the cause wherever it sits.
    private static func find<T>(_ type: T.Type, in value: Any, depth: Int = 0) -> T? {
        if let match = value as? T { return match }
        guard depth < 6 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let match = find(type, in: child.value, depth: depth + 1) { return match }
        }
        return nil
    }

    private static func seconds(_ duration: Duration) -> String {
        let value = duration.timeInterval
        return value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    private static func clean(_ text: String) -> String {
        let flat = text.sanitized
        return flat.count > 160 ? String(flat.prefix(160)) + "…" : flat
    }
}
