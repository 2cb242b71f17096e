import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

@testable import IBSimulator

/// Flex requests against a harness's simulator, whose Flex service runs on a `ManualClock`.
extension SimulatorHarness {
    /// 14:15 UTC on 2 November 2026: `02 November, 2026 09:15 AM EST`, the time of the captured envelopes.
    static let flexStart = Date(timeIntervalSince1970: 1_793_628_900)

    static var token: String { FlexToken.defaultValue }

    /// Runs `body` against a fresh simulator whose Flex service reads `clock`.
    static func withFlex(
        configuring configure: (inout SimulatorConfiguration) -> Void = { _ in },
        _ body: (SimulatorHarness, ManualClock) async throws -> Void
    ) async throws {
        let clock = ManualClock(flexStart)
        try await with(configuring: { configuration in
            configuration.flex.clock = { clock.now }
            configuration.flex.switches.pacing = false
            configure(&configuration)
        }) { harness in
            try await body(harness, clock)
        }
    }

    /// `GET …/FlexWebService/<endpoint>` with `parameters` in order, and a User-Agent unless it is `nil`.
    func flex(_ endpoint: String, _ parameters: [(String, String)], userAgent: String? = "Java") async throws -> Reply {
        let query = parameters.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        return try await flexURL(endpoints.flexEndpoint.absoluteString + "/" + endpoint + "?" + query, userAgent: userAgent)
    }

    func flexURL(_ url: String, userAgent: String? = "Java") async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        if let userAgent { request.headers.add(name: "User-Agent", value: userAgent) }
        let response = try await client.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 64 << 20)
        return Reply(status: Int(response.status.code), body: String(buffer: body))
    }

    func sendRequest(
        token: String = SimulatorHarness.token, query: String = "100001", extra: [(String, String)] = []
    ) async throws -> Reply {
        try await flex("SendRequest", [("t", token), ("q", query), ("v", "3")] + extra)
    }

    func getStatement(token: String = SimulatorHarness.token, reference: String) async throws -> Reply {
        try await flex("GetStatement", [("t", token), ("q", reference), ("v", "3")])
    }

    /// SendRequest, then GetStatement once the query's delay is over on `clock`: the statement's text.
    func fetchStatement(
        clock: ManualClock, query: String = "100001", extra: [(String, String)] = []
    ) async throws -> String {
        let sent = try await sendRequest(query: query, extra: extra)
        let reference = try #require(Envelope(sent.body).referenceCode, "SendRequest answered \(sent.body)")
        clock.advance(600)
        let statement = try await getStatement(reference: reference)
        guard statement.status == 200, statement.body.hasPrefix("<FlexQueryResponse") else {
            throw HarnessError("GetStatement answered \(statement.status): \(statement.body.prefix(300))")
        }
        return statement.body
    }
}

/// The children of a `FlexStatementResponse`, read as text.
struct Envelope {
    let body: String

    init(_ body: String) { self.body = body }

    func child(_ name: String) -> String? {
        guard let start = body.range(of: "<\(name)>"),
            let end = body.range(of: "</\(name)>", range: start.upperBound..<body.endIndex)
        else { return nil }
        return String(body[start.upperBound..<end.lowerBound])
    }

    var status: String? { child("Status") }
    var errorCode: Int? { child("ErrorCode").flatMap { Int($0) } }
    var referenceCode: String? { child("ReferenceCode") }
    var url: String? { child("Url") }
}
