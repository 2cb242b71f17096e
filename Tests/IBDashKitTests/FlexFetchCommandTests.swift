import Foundation
import Testing

@testable import IBDashKit

/// `ibdash flex fetch`: what it refuses before sending anything, with exit status 2.
@Suite struct FlexFetchCommandTests {
    private static let token = "556677889900112233445566"

    private func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> (IBDashKit.ExitStatus, CapturedOutput) {
        let command = try FlexFetchCommand.parse(arguments)
        let captured = CapturedOutput()
        return (await command.execute(output: captured.output, environment: environment), captured)
    }

    @Test func withoutAQueryItAsksForOne() async throws {
        let (code, output) = try await run([], environment: ["IBDASH_FLEX_TOKEN": Self.token])
        #expect(code == .badInput && output.result.isEmpty)
        #expect(output.notes.first?.contains("Give --query ID") == true)
        let (several, severalOutput) = try await run(
            ["--flex-query", "1", "--flex-query", "2"], environment: ["IBDASH_FLEX_TOKEN": Self.token])
        #expect(several == .badInput && severalOutput.notes.first?.contains("pick one with --query ID") == true)
    }

    @Test func withoutATokenItSaysWhereToPutOne() async throws {
        let (code, output) = try await run(["--query", "123"])
        #expect(code == .badInput)
        #expect(output.notes == [
            "ibdash flex fetch: Flex token: no Flex Web Service token was given — set IBDASH_FLEX_TOKEN, or give "
                + "--flex-token-file FILE (a file only you can read, chmod 600)",
        ])
    }

    @Test func aTokenFileOthersCanReadIsRefused() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ibdash-token-\(UUID().uuidString)").path
        try Self.token.write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        chmod(path, 0o644)
        let (code, output) = try await run(["--query", "123", "--flex-token-file", path])
        #expect(code == .badInput)
        #expect(output.notes.first?.hasSuffix("— run: chmod 600 \(path)") == true)
        #expect(output.notes.allSatisfy { !$0.contains(Self.token) })
    }

    @Test(arguments: [
        (["--query", "12x"], "is not a Flex Query ID"),
        (["--query", "1", "--flex-endpoint", "http://flex.example"], "plain http is accepted only for this machine"),
        (["--query", "1", "--flex-max-wait", "0"], "longer than zero"),
    ])
    func badOptionsAreRefusedBeforeAnythingIsSent(_ arguments: [String], _ message: String) async throws {
        let (code, output) = try await run(arguments, environment: ["IBDASH_FLEX_TOKEN": Self.token])
        #expect(code == .badInput)
        #expect(output.notes.first?.contains(message) == true, "\(output.notes)")
    }

    @Test func theTokenIsNeverAnOption() {
        #expect(throws: (any Error).self) { try FlexFetchCommand.parse(["--flex-token", Self.token]) }
        let help = FlexFetchCommand.helpMessage(for: FlexFetchCommand.self)
        #expect(help.contains("--flex-token-file <file>") && help.contains("IBDASH_FLEX_TOKEN"))
        #expect(!help.contains("--flex-token ") && !help.contains("--token"))
    }
}
