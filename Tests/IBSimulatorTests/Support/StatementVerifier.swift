import Foundation

#if canImport(Glibc)
import Glibc
#endif

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
        let folder = FileManager.default.temporaryDirectory
        let name = "flexsim-\(UUID().uuidString)"
        let file = folder.appendingPathComponent(name + ".xml")
        let log = folder.appendingPathComponent(name + ".log")
        try Data(statement.utf8).write(to: file)
        defer {
            try? FileManager.default.removeItem(at: file)
            try? FileManager.default.removeItem(at: log)
        }
        let status = try run(["/usr/bin/env", "python3", script.path, file.path], output: log.path)
        return Outcome(status: status, output: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    #if canImport(Glibc)
    /// posix_spawn with every inherited descriptor above stderr closed. Foundation's Process passes them all on,
    /// and SwiftNIO opens its sockets without close-on-exec: a child would hold the listening sockets of the
    /// simulators other tests are running, and a listener taken down would still accept connections.
    private static func run(_ arguments: [String], output: String) throws -> Int32 {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else {
            throw HarnessError("this C library cannot close inherited descriptors in a spawned process")
        }
        let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        _ = closeFrom(&actions, 3)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw HarnessError("posix_spawn failed: \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED and WEXITSTATUS, which Swift does not import.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : -1
    }
    #else
    private static func run(_ arguments: [String], output: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        FileManager.default.createFile(atPath: output, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
    #endif
}
