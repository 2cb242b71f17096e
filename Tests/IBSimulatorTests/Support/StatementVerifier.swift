import Foundation
import Portfolio

/// Runs the fixtures' `verify_statement.py`, the checker of reference §7's identities, on a statement.
enum StatementVerifier {
    struct Outcome {
        let status: Int32
        let output: String
    }

    static func verify(_ statement: String) async throws -> Outcome {
        let script = SharedFixtures.flex.appendingPathComponent("verify_statement.py")
        let folder = FileManager.default.temporaryDirectory
        let name = "flexsim-\(UUID().uuidString)"
        let file = folder.appendingPathComponent(name + ".xml")
        let log = folder.appendingPathComponent(name + ".log")
        try Data(statement.utf8).write(to: file)
        defer {
            try? FileManager.default.removeItem(at: file)
            try? FileManager.default.removeItem(at: log)
        }
        let status = try await run(["/usr/bin/env", "python3", script.path, file.path], output: log.path)
        return Outcome(status: status, output: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    /// Through Portfolio's launcher, which closes every inherited descriptor: SwiftNIO opens its sockets without
    /// close-on-exec, and a child holding them would keep a downed simulator listener accepting.
    private static func run(_ arguments: [String], output: String) async throws -> Int32 {
        let pid = try ProcessLauncher.spawn(arguments, environment: ProcessInfo.processInfo.environment, output: output)
        switch await ProcessLauncher.wait(for: pid, timeout: .seconds(120)) {
        case .exited(let status): return status
        case .signalled, .timedOut: return -1
        }
    }
}
