import Foundation
import IBSimulator
import Testing

@testable import IBDashKit

/// `ibdash flex fetch` and `flex parse` against the in-process simulator's Flex service, on the real clock.
@Suite struct FlexFetchSimulatorTests {
    /// Runs `body` with a started simulator (statements take 7 s to generate) and a token file for its token.
    private static func withSimulator(
        token status: FlexToken.Status = .valid, _ body: (SimulatorEndpoints, String) async throws -> Void
    ) async throws {
        var configuration = SimulatorConfiguration()
        configuration.port = 0
        configuration.controlPort = 0
        configuration.historyDays = 30
        configuration.priceTick = .seconds(3_600)
        configuration.orderActivity = 0
        configuration.flex.switches.generationDelay = .seconds(7)
        configuration.flex.switches.requireUserAgent = true
        configuration.flex.tokens = [FlexToken(value: FlexToken.defaultValue, status: status)]
        let simulator = GatewaySimulator(configuration: configuration)
        let endpoints = try await simulator.start()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ibdash-flex-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let tokenFile = directory.appendingPathComponent("token").path
            try FlexToken.defaultValue.write(toFile: tokenFile, atomically: false, encoding: .utf8)
            chmod(tokenFile, 0o600)
            try await body(endpoints, tokenFile)
        } catch {
            await simulator.stop()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        await simulator.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    @Test func fetchGoesThroughGenerationToAStatementThatParseReads() async throws {
        try await Self.withSimulator { endpoints, tokenFile in
            let out = URL(fileURLWithPath: tokenFile).deletingLastPathComponent().appendingPathComponent("statement.xml").path
            let fetch = try FlexFetchCommand.parse([
                "--flex-endpoint", endpoints.flexEndpoint.absoluteString, "--flex-query", "100001",
                "--flex-token-file", tokenFile, "--out", out,
            ])
            let fetched = CapturedOutput()
            #expect(await fetch.execute(output: fetched.output, environment: [:]) == .ok)
            let notes = fetched.notes
            #expect(notes.first == "query 100001: requesting the statement")
            #expect(notes.contains { $0.hasPrefix("query 100001: generating (1019), next try in ") && $0.hasSuffix(" s…") })
            #expect(notes.last == "wrote \(out)")
            #expect(notes.allSatisfy { !$0.contains(FlexToken.defaultValue) })
            #expect(fetched.result.isEmpty)
            var info = stat()
            #expect(stat(out, &info) == 0 && info.st_mode & 0o777 == 0o600)

            let parse = try FlexParseCommand.parse([out])
            let parsed = CapturedOutput()
            #expect(parse.execute(output: parsed.output) == .ok)
            #expect(parsed.resultText.hasPrefix("Flex query \"Portfolio Dashboard\" (AF): "))
            #expect(parsed.resultText.contains("  Trades "))
        }
    }

    @Test func withoutOutTheStatementGoesToStandardOutput() async throws {
        try await Self.withSimulator { endpoints, tokenFile in
            let fetch = try FlexFetchCommand.parse([
                "--flex-endpoint", endpoints.flexEndpoint.absoluteString, "--query", "100002", "--flex-token-file", tokenFile,
            ])
            let fetched = CapturedOutput()
            #expect(await fetch.execute(output: fetched.output, environment: [:]) == .ok)
            #expect(fetched.resultText.hasPrefix("<FlexQueryResponse"))
        }
    }

    @Test func anExpiredTokenExitsWith5AndTheFix() async throws {
        try await Self.withSimulator(token: .expired) { endpoints, tokenFile in
            let fetch = try FlexFetchCommand.parse([
                "--flex-endpoint", endpoints.flexEndpoint.absoluteString, "--query", "100001", "--flex-token-file", tokenFile,
            ])
            let fetched = CapturedOutput()
            #expect(await fetch.execute(output: fetched.output, environment: [:]) == .failure)
            #expect(fetched.notes.last == "ibdash flex fetch: Flex SendRequest (query 100001): Flex token expired (IBKR: \"Token has expired.\") — make a new one in Client Portal → Performance & Reports → Flex Queries → Flex Web Service")
        }
    }
}
