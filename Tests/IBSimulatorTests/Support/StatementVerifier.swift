import Foundation

/// Runs the fixtures' `verify_statement.py`, the checker of reference §7's identities, on a statement.
enum StatementVerifier {
    struct Outcome {
        let status: Int32
        let output: String
    }

    static func verify(_ statement: String) throws -> Outcome {
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw HarnessError("the Fixtures resource is missing")
        }
        let script = fixtures.appendingPathComponent("flex/verify_statement.py")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("flexsim-\(UUID().uuidString).xml")
        try Data(statement.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }
}
