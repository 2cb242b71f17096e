import Foundation
import Portfolio
import Testing

@testable import IBKR

/// The bearer token of api.ibkr.com goes on the wire and nowhere else: a gateway that echoes it back in every
/// kind of answer (an error, a 200 with an error, a body that is not JSON, a session message, an account's name)
/// cannot bring it into an error, a session message or a value, and no failure the connection can have before or
/// instead of an answer (a bad URL, a token file open to others, a refused or untrusted connection) names it.
@Suite(.serialized) struct BearerTokenTests {
    static let token = "s3cr3t-bearer-0123456789abcdef"
    static let account: AccountID = "U1234567"

    /// What the gateway answers, with `echo` standing for the token exactly as it arrived.
    static let answers: [(status: Int, body: String)] = [
        (401, #"{"error":"bearer token ECHO is not valid"}"#),
        (500, #"{"error":"Authorization: Bearer ECHO"}"#),
        (200, #"{"error":"no session for ECHO"}"#),
        (200, "ECHO is not JSON at all"),
        (403, #"{"error":"ECHO"}"#),
        (400, #"{"error":"no bridge for ECHO"}"#),
        (503, "<html>Service unavailable for ECHO</html>"),
        (429, #"{"error":"ECHO too many"}"#),
    ]

    @Test(arguments: answers.indices)
    func noAnswerCanBringTheTokenIntoAnError(_ index: Int) async throws {
        let answer = Self.answers[index]
        let seen = try await Self.askEverything { request in
            let echo = request.header("Authorization")?.replacingOccurrences(of: "Bearer ", with: "") ?? "none"
            return (answer.status, answer.body.replacingOccurrences(of: "ECHO", with: echo))
        }
        #expect(seen.errors.count >= 8, "every call failed: \(seen.errors)")
        for error in seen.errors {
            for text in [error.description, error.message, error.fix ?? "", error.endpoint, "\(error)"] {
                #expect(!text.contains(Self.token), "\(text)")
            }
        }
    }

    @Test func answersThatSucceedCannotShowTheTokenEither() async throws {
        let seen = try await Self.askEverything { request in
            let echo = request.header("Authorization")?.replacingOccurrences(of: "Bearer ", with: "") ?? "none"
            switch request.uri {
            case let uri where uri.hasSuffix("/tickle"):
                return (200, """
                    {"session":"\(echo)","iserver":{"authStatus":{"authenticated":true,"competing":false,\
                    "connected":true,"message":"\(echo)","fail":"\(echo)"}}}
                    """)
            case let uri where uri.hasSuffix("/portfolio/accounts"):
                return (200, """
                    [{"id":"U1234567","accountId":"U1234567","accountTitle":"\(echo)","displayName":"\(echo)",\
                    "accountAlias":"\(echo)","currency":"USD","type":"INDIVIDUAL"}]
                    """)
            default:
                return (200, #"{"error":"\#(echo)"}"#)
            }
        }
        #expect(!seen.values.isEmpty)
        for text in seen.values.flatMap(HostileWireTests.strings) + seen.errors.map(\.description) {
            #expect(!text.contains(Self.token), "\(text)")
        }
    }

    @Test func failuresBeforeAnyAnswerDoNotNameTheToken() async throws {
        let environment = [ClientPortalConnection.bearerTokenVariable: Self.token]
        var errors: [SourceError] = []
        // Some with the token pasted where a URL may carry a credential: it must not be shown back.
        let badURLs = [
            "htps://api.ibkr.com", "https://", "https://api.ibkr.com:99999", "https://api.ibkr.com/v2/x",
            "https://me:\(Self.token)@api.ibkr.com", "https://\(Self.token)@api.ibkr.com",
            "https://api.ibkr.com/v1/api?token=\(Self.token)", "https://api.ibkr.com/v1/api#\(Self.token)",
        ]
        for gateway in badURLs {
            do {
                _ = try ClientPortalConnection.open(.init(gateway: gateway, userAgent: "ibdash/test", environment: environment))
            } catch {
                errors.append(error)
            }
        }
        #expect(errors.count == badURLs.count, "every bad URL is refused: \(errors)")

        // A token file open to others is refused before it is read into anything shown.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ibdash-bearer-\(UUID().uuidString)").path
        try Self.token.write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        chmod(path, 0o644)
        let open = #expect(throws: SourceError.self) {
            try ClientPortalConnection.open(.init(gateway: "https://api.ibkr.com", bearerTokenFile: path, userAgent: "u", environment: [:]))
        }
        #expect(open?.kind == .configuration && open?.fix == "run: chmod 600 \(path)")
        errors += open.map { [$0] } ?? []

        // A gateway that is not there, and one whose certificate is not the pinned one.
        let closed = try await LocalTestServer.start { _ in (200, "{}") }
        let closedPort = closed.port
        try await closed.stop()
        var unanswered = try await Self.failures(gateway: "https://127.0.0.1:\(closedPort)", environment: environment)
        let certificate = try TestCertificate()
        let stranger = try TestCertificate()
        defer {
            certificate.remove()
            stranger.remove()
        }
        let server = try await LocalTestServer.start(tls: try certificate.serverContext()) { _ in (200, "{}") }
        unanswered += try await Self.failures(
            gateway: "https://127.0.0.1:\(server.port)", cacert: stranger.pemFile, environment: environment)
        try await server.stop()
        #expect(server.received.isEmpty, "nothing was sent to the untrusted gateway")

        // The four with a credential in them are still named, with the credential cut out.
        #expect(errors.filter { $0.message.contains("api.ibkr.com") && $0.message.contains("…") }.count == 4, "\(errors)")
        let texts = errors.flatMap { [$0.description, "\($0)"] } + unanswered
        #expect(texts.count >= 2 * (badURLs.count + 1) + 2)
        #expect(unanswered.contains { $0.contains("TLS") }, "\(unanswered)")
        for text in texts { #expect(!text.contains(Self.token), "\(text)") }
    }

    /// Every call of the account source against a gateway on 127.0.0.1 (TLS, its self-signed certificate
    /// accepted) that answers with `respond`: the values that came back and the errors.
    static func askEverything(
        _ respond: @escaping LocalTestServer.Responder
    ) async throws -> (values: [Any], errors: [SourceError]) {
        let certificate = try TestCertificate()
        defer { certificate.remove() }
        let server = try await LocalTestServer.start(tls: try certificate.serverContext(), respond: respond)
        let connection = try ClientPortalConnection.open(
            .init(
                gateway: "https://127.0.0.1:\(server.port)", userAgent: "ibdash/test",
                environment: [ClientPortalConnection.bearerTokenVariable: token]))
        let source = connection.source
        var values: [Any] = []
        var errors: [SourceError] = []
        func ask<T>(_ call: () async throws -> T) async {
            do {
                values.append(try await call())
            } catch let error as SourceError {
                errors.append(error)
            } catch {
                errors.append(SourceError(.server(status: 0), endpoint: "?", message: "\(error)"))
            }
        }
        await ask { try await source.checkSession() }
        await ask { try await source.accounts() }
        await ask { try await source.summary(for: account) }
        await ask { try await source.ledger(for: account) }
        await ask { try await source.positions(for: account) }
        await ask { try await source.pnl(for: account) }
        await ask { try await source.orders(for: account) }
        await ask { try await source.executions(for: account) }
        await ask { try await source.quotes(for: [265_598]) }
        try await connection.close()
        try await server.stop()
        #expect(server.received.contains { $0.header("Authorization") == "Bearer \(token)" }, "the token went on the wire")
        return (values, errors)
    }

    /// What a session check through a connection that cannot get an answer says: the session's message, or the
    /// error it throws.
    static func failures(gateway: String, cacert: String? = nil, environment: [String: String]) async throws -> [String] {
        let connection = try ClientPortalConnection.open(
            .init(gateway: gateway, cacert: cacert, userAgent: "ibdash/test", environment: environment))
        var texts: [String] = []
        do {
            let status = try await connection.source.checkSession()
            texts.append(status.message ?? "")
            #expect(status.state == .unreachable, "\(status)")
        } catch let error as SourceError {
            texts += [error.description, "\(error)"]
        }
        try await connection.close()
        return texts
    }
}
