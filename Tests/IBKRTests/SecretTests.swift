import Foundation
import Portfolio
import Testing

@testable import IBKR

@Suite struct SecretTests {
    private let value = "s3cr3t-Token.value_123"

    @Test func noPrintedFormShowsTheValue() throws {
        let secret = try Secret(value, name: "bearer token")
        var dumped = ""
        dump(secret, to: &dumped)
        let forms = [
            "\(secret)", String(describing: secret), String(reflecting: secret), dumped,
            "\(Mirror(reflecting: secret).children.map { "\($0.label ?? ""): \($0.value)" })",
            "\([secret])", "\(Optional(secret) as Any)",
        ]
        for form in forms { #expect(!form.contains(value), "\(form)") }
        #expect(secret.withValue { $0 } == value)
    }

    @Test func surroundingWhitespaceIsTrimmedAndHeaderBreakingValuesRefused() throws {
        #expect(try Secret("  \(value)\n", name: "bearer token").withValue { $0 } == value)
        #expect(throws: SourceError.self) { try Secret("a\r\nX-Evil: 1", name: "bearer token") }
        #expect(throws: SourceError.self) { try Secret("   ", name: "bearer token") }
        let error = #expect(throws: SourceError.self) { try Secret("tok en\(value)", name: "bearer token") }
        #expect(error.map { !"\($0)".contains(value) } == true)
    }

    @Test func fromTheEnvironment() throws {
        #expect(try Secret.fromEnvironment("IBDASH_BEARER_TOKEN", name: "t", environment: [:]) == nil)
        let secret = try Secret.fromEnvironment("IBDASH_BEARER_TOKEN", name: "t", environment: ["IBDASH_BEARER_TOKEN": value])
        #expect(secret?.withValue { $0 } == value)
    }

    @Test func aFileOnlyItsOwnerCanReadIsAccepted() throws {
        let path = try write(value + "\n", mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Secret.fromFile(path, name: "bearer token").withValue { $0 } == value)
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660, 0o620])
    func aFileOthersCanReachIsRefusedWithTheChmodThatFixesIt(_ mode: Int) throws {
        let path = try write(value, mode: mode_t(mode))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: SourceError.self) { try Secret.fromFile(path, name: "bearer token") }
        #expect(error?.kind == .configuration)
        #expect(error?.message.contains(path) == true)
        #expect(error?.fix == "run: chmod 600 \(path)")
        #expect(error.map { !"\($0)".contains(value) } == true)
    }

    @Test func aMissingFileSaysSo() {
        let error = #expect(throws: SourceError.self) { try Secret.fromFile("/nonexistent/token", name: "bearer token") }
        #expect(error?.message.contains("/nonexistent/token") == true)
    }

    private func write(_ text: String, mode: mode_t) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ibdash-secret-\(UUID().uuidString)").path
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        guard chmod(path, mode) == 0 else { throw CocoaError(.fileWriteNoPermission) }
        return path
    }
}
