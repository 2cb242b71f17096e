import Foundation
import Portfolio

/// One run of a script from scripts/, started the way a tmux end-to-end run needs: through `ProcessLauncher` (a
/// clean signal mask, so tmux and its panes can be signalled; no inherited pipes, so the daemonised tmux server
/// cannot keep the test waiting), with its output in a file.
struct ScriptRun {
    let termination: ProcessLauncher.Termination
    let output: String

    var passed: Bool { termination == .exited(0) }

    /// The package's root: three folders above this file.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The ibdash binary `swift test` built beside the test bundle (the target depends on the executable).
    static var binary: String {
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        // On macOS the runner sits inside the .xctest bundle; on Linux the bundle is the runner.
        while folder.pathExtension == "xctest" || ["MacOS", "Contents"].contains(folder.lastPathComponent) {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("ibdash").path
    }

    /// True when `program` is on the PATH.
    static func has(_ program: String) -> Bool {
        ProcessLauncher.executable(program, path: ProcessInfo.processInfo.environment["PATH"]) != nil
    }

    /// Runs `scripts/NAME` with `arguments` under bash, for at most `timeout`, with this process's environment plus
    /// `extraEnvironment`. Niced, and looking at the screen four times a second rather than ten: the dashboards it
    /// starts and its polling must not take the CPU from the suites that run beside it and measure real time
    /// (pacing, session expiry), which failed under that load.
    static func run(
        _ name: String, _ arguments: [String], extraEnvironment: [String: String] = [:], timeout: Duration
    ) async throws -> ScriptRun {
        let log = FileManager.default.temporaryDirectory
            .appendingPathComponent("ibdash-\(name)-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let script = packageRoot.appendingPathComponent("scripts/\(name)").path
        let pid = try ProcessLauncher.spawn(
            ["nice", "-n", "10", "/bin/bash", script] + arguments,
            environment: ProcessInfo.processInfo.environment.merging(["POLL_INTERVAL": "0.25"]) { $1 }
                .merging(extraEnvironment) { $1 },
            output: log)
        let termination = await ProcessLauncher.wait(for: pid, timeout: timeout)
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return ScriptRun(termination: termination, output: output)
    }

    /// The numbers of the closing `N passed, M failed` line.
    var counts: (passed: Int, failed: Int)? {
        guard let line = output.split(separator: "\n").last(where: { $0.hasSuffix(" failed") }) else { return nil }
        let numbers = line.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .punctuationCharacters)) }
        guard numbers.count == 2 else { return nil }
        return (numbers[0], numbers[1])
    }
}
