import Foundation
import Glibc
import Portfolio
import Testing

@testable import TerminalUI

/// A crash gives the terminal back: the real `ibdash --demo` on a pseudo-terminal, killed with a fatal signal, must
/// leave the terminal's modes as they were and end with the signal (a shell shows 128 + its number).
@Suite(.serialized) struct CrashRestoreTests {
    @Test(arguments: [SIGSEGV, SIGABRT])
    func aFatalSignalRestoresTheTerminalAndEndsWithTheSignal(signal: Int32) throws {
        let binary = try #require(Self.ibdashBinary(), "build ibdash first (swift build): the test runs the binary")
        let pty = try PseudoTerminal(size: TerminalSize(cols: 100, rows: 30))
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ibdash-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        var environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": home.path]
        for name in ["XDG_RUNTIME_DIR", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"] {
            environment[name] = home.path
        }
        // Swift's backtracer stays on, as it is for users, so the test sees that ours hands the crash on to it. It
        // must not wait for a key, and a short report (no symbols) keeps the test quick on a shared machine.
        environment["SWIFT_BACKTRACE"] =
            "enable=yes,interactive=no,color=no,symbolicate=off,threads=crashed,registers=none,images=none"
        let pid = try ProcessLauncher.spawn([binary, "--demo"], environment: environment, terminal: pty.device)
        var ended = false
        defer {
            if !ended {
                kill(pid, SIGKILL)
                _ = Self.waitUntil { Self.exitStatus(of: pid) }
            }
        }

        // Read all along: a terminal nobody reads fills up, and then every write to it blocks.
        var bytes: [UInt8] = []
        let started = Self.waitUntil { () -> Bool? in
            bytes += pty.drain()
            return Self.modes(of: pty).canonical ? nil : true
        }
        try #require(started != nil, "ibdash never took the terminal over")
        #expect(!Self.modes(of: pty).echo)
        kill(pid, signal)
        let status = try #require(
            Self.waitUntil { () -> Int32? in
                bytes += pty.drain()
                return Self.exitStatus(of: pid)
            }, "ibdash did not end")
        ended = true
        bytes += pty.drain(timeoutMilliseconds: 200)
        let output = String(decoding: bytes, as: UTF8.self)

        #expect(status == 128 + signal)
        #expect(Self.modes(of: pty).canonical)
        #expect(Self.modes(of: pty).echo)
        let restored = try #require(output.range(of: "\u{1B}[?1049l"), "the alternate screen was not left")
        #expect(output.contains("\u{1B}[?25h"), "the cursor was not shown")
        // The backtracer's report comes after the restore, on the normal screen where it stays readable. Whether
        // it is written at all is the Swift runtime's business (its helper can time out on a loaded machine), so
        // only its place is checked.
        if let report = output.range(of: "crashed", options: .caseInsensitive) {
            #expect(report.lowerBound > restored.lowerBound, "the crash report came before the restore")
        }
    }

    /// The binary next to the test bundle: `swift build` puts every product there.
    static func ibdashBinary() -> String? {
        guard let runner = ThemeLibrary.currentExecutablePath() else { return nil }
        var directory = URL(fileURLWithPath: runner).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("ibdash").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    struct Modes {
        var canonical: Bool
        var echo: Bool
    }

    static func modes(of pty: PseudoTerminal) -> Modes {
        var modes = termios()
        guard tcgetattr(pty.device, &modes) == 0 else { return Modes(canonical: false, echo: false) }
        return Modes(canonical: modes.c_lflag & tcflag_t(ICANON) != 0, echo: modes.c_lflag & tcflag_t(ECHO) != 0)
    }

    /// What a shell reports as `$?`: the exit code, or 128 + the signal; nil while the child runs.
    static func exitStatus(of pid: pid_t) -> Int32? {
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Polls `check` for up to 60 seconds (the machine is shared; this is a limit, not a timing claim).
    static func waitUntil<Value>(_ check: () -> Value?) -> Value? {
        for _ in 0..<3000 {
            if let value = check() { return value }
            usleep(20_000)
        }
        return nil
    }

}
