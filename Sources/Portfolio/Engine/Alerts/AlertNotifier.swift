import Foundation

/// Passes alerts to the user's alert command and to tmux, one at a time and off the engine's path: the engine only
/// queues. When alerts come faster than the command runs, the queue keeps the oldest 64 and drops the rest
/// (they are still on screen and in the log file).
final class AlertNotifier: Sendable {
    /// What became of one run of the alert command.
    enum Outcome: Hashable, Sendable {
        case succeeded
        case failed(String)
    }

    private let continuation: AsyncStream<Alert>.Continuation

    /// How long `tmux display-message` may take.
    static let tmuxTimeout: Duration = .seconds(5)

    init(
        hook: AlertHook?, tmux: Bool, environment: [String: String],
        report: @escaping @Sendable (Outcome) -> Void
    ) {
        let (stream, continuation) = AsyncStream.makeStream(of: Alert.self, bufferingPolicy: .bufferingOldest(64))
        self.continuation = continuation
        let showInTmux = tmux && !(environment["TMUX"] ?? "").isEmpty
        guard hook != nil || showInTmux else {
            continuation.finish()
            return
        }
        Task.detached {
            for await alert in stream {
                if let hook, alert.severity >= hook.minimumSeverity {
                    report(await Self.run(hook, for: alert, environment: environment))
                }
                if showInTmux {
                    let message = "ibdash \(alert.severity.name): \(alert.text.sanitized)"
                    // tmux expands formats in the message, and `#(…)` would run a shell command: `##` is a plain `#`.
                    let argv = ["tmux", "display-message", message.replacingOccurrences(of: "#", with: "##")]
                    if let pid = try? ProcessLauncher.spawn(argv, environment: environment) {
                        _ = await ProcessLauncher.wait(for: pid, timeout: Self.tmuxTimeout)
                    }
                }
            }
        }
    }

    func post(_ alert: Alert) {
        continuation.yield(alert)
    }

    func finish() {
        continuation.finish()
    }

    static func run(_ hook: AlertHook, for alert: Alert, environment: [String: String]) async -> Outcome {
        let pid: pid_t
        do {
            pid = try ProcessLauncher.spawn(hook.command, environment: Self.environment(for: alert, inheriting: environment))
        } catch {
            return .failed("alert command: \(error.description)")
        }
        switch await ProcessLauncher.wait(for: pid, timeout: hook.timeout) {
        case .exited(0): return .succeeded
        case .exited(let code): return .failed("alert command exited with status \(code)")
        case .signalled(let signal): return .failed("alert command ended by signal \(signal)")
        case .timedOut: return .failed("alert command ran longer than \(hook.timeout.shortText) and was stopped")
        }
    }

    /// The app's environment without anything that looks like a secret, plus the alert's fields.
    static func environment(for alert: Alert, inheriting base: [String: String]) -> [String: String] {
        var environment = base.filter { name, _ in !isSecret(name) }
        environment["IBDASH_ALERT_TIME"] = ISO8601Text.utc(alert.time)
        environment["IBDASH_ALERT_SEVERITY"] = alert.severity.name
        environment["IBDASH_ALERT_CATEGORY"] = alert.category.rawValue
        environment["IBDASH_ALERT_ACCOUNT"] = alert.account?.rawValue ?? ""
        environment["IBDASH_ALERT_TEXT"] = alert.text.sanitized
        return environment
    }

    /// ibdash's own variables (the Flex token among them) and anything named like a credential stay behind.
    static func isSecret(_ name: String) -> Bool {
        let upper = name.uppercased()
        return upper.hasPrefix("IBDASH_") || ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "CREDENTIAL"].contains {
            upper.contains($0)
        }
    }
}
