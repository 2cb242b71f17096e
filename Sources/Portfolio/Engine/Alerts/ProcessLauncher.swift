import CLibc
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starts a command with `posix_spawn`, never through a shell. The child gets a clean signal mask and default
/// signal handlers (a Swift concurrency thread blocks almost every signal, and `Foundation.Process` would pass
/// that on), its own process group (so a timeout can stop everything it started), `/dev/null` for stdin, and no
/// other descriptor of ours: SwiftNIO opens its sockets without close-on-exec, and a child holding them would keep
/// a listener alive after ibdash closed it. The alert hook, the tmux notifier and the tests' helpers all start
/// their processes here.
public enum ProcessLauncher {
    public struct LaunchError: Error, CustomStringConvertible {
        public var description: String
    }

    public enum Termination: Hashable, Sendable {
        case exited(Int32)
        case signalled(Int32)
        /// Outlived its time and was killed with its process group.
        case timedOut
    }

    /// Starts `argv` with exactly `environment`; a program without a slash is looked up on that environment's
    /// `PATH`. Its stdout and stderr go to `output` (created 0600, truncated), else to `/dev/null`; with `terminal`
    /// (a terminal's descriptor, for tests that drive a full-screen program) stdin, stdout and stderr all go there.
    public static func spawn(
        _ argv: [String], environment: [String: String], output: String? = nil, terminal: Int32? = nil
    ) throws(LaunchError) -> pid_t {
        guard let name = argv.first, !name.isEmpty else { throw LaunchError(description: "empty command") }
        guard let program = executable(name, path: environment["PATH"]) else {
            throw LaunchError(description: "cannot start \(name.sanitized): not found on PATH")
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let terminal {
            for descriptor in Int32(0)...2 { posix_spawn_file_actions_adddup2(&actions, terminal, descriptor) }
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            if let output {
                posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            } else {
                posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            }
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        posix_spawn_file_actions_addclosefrom_np(&actions, 3)
        let arguments = argv.map { strdup($0) } + [nil]
        let variables = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in arguments + variables { free(pointer) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, program, &actions, &attributes, arguments, variables)
        guard result == 0 else {
            throw LaunchError(description: "cannot start \(program.sanitized): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// `name` itself when it has a slash, else the first executable file of that name on `path`.
    public static func executable(_ name: String, path: String?) -> String? {
        if name.contains("/") { return name }
        let directories = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }

    /// Waits for the child without blocking a thread; kills its process group when it outlives `timeout` or the
    /// waiting task is cancelled.
    public static func wait(for pid: pid_t, timeout: Duration) async -> Termination {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            if let termination = reap(pid) { return termination }
            do {
                guard clock.now < deadline else { throw CancellationError() }
                try await Task.sleep(for: .milliseconds(20))
            } catch {
                kill(-pid, SIGKILL)
                while reap(pid) == nil { usleep(1000) }
                return .timedOut
            }
        }
    }

    /// The child's end, if it has ended (or can no longer be waited for).
    private static func reap(_ pid: pid_t) -> Termination? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == 0 { return nil }
        if result < 0 { return .exited(-1) }
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }
}
