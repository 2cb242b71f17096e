import Foundation
import Testing

@testable import Portfolio

/// The alert command runs for real: a small shell script that writes what it was given. One at a time: exec'ing
/// a script fails with ETXTBSY while another test's child still holds it open for writing.
@Suite(.serialized) struct AlertHookTests {
    let alert = Alert(
        id: 1, time: Date(timeIntervalSince1970: 1_790_000_000), severity: .warning, category: .risk, account: "U1",
        text: "Cushion 8.0 % is below 10.0 % $(touch /tmp/pwned) `id`")

    /// The command for a script with `body`, run as `/bin/sh script`.
    func script(_ body: String, in directory: URL) throws -> [String] {
        let url = directory.appendingPathComponent("hook.sh")
        try "PATH=/usr/bin:/bin\n\(body)\n".write(to: url, atomically: true, encoding: .utf8)
        return ["/bin/sh", url.path]
    }

    @Test func theCommandGetsTheAlertInItsEnvironmentAndNothingInItsArguments() async throws {
        let directory = try AlertLogTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.txt").path
        let hook = AlertHook(
            command: try script(#"env | grep '^IBDASH_' | sort > "$1"; echo "args=$#" >> "$1""#, in: directory) + [output])
        let outcome = await AlertNotifier.run(
            hook, for: alert, environment: ["PATH": "/usr/bin:/bin", "IBDASH_FLEX_TOKEN": "secret", "MY_TOKEN": "x"])
        #expect(outcome == .succeeded)
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "IBDASH_ALERT_ACCOUNT=U1", "IBDASH_ALERT_CATEGORY=risk", "IBDASH_ALERT_SEVERITY=warning",
                "IBDASH_ALERT_TEXT=Cushion 8.0 % is below 10.0 % $(touch /tmp/pwned) `id`",
                "IBDASH_ALERT_TIME=2026-09-21T14:13:20Z", "args=1",
            ])
    }

    @Test func aCommandThatHangsIsStoppedAtItsTimeout() async throws {
        let directory = try AlertLogTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let hook = AlertHook(command: try script("sleep 30", in: directory), timeout: .seconds(1))
        let clock = ContinuousClock()
        let started = clock.now
        let outcome = await AlertNotifier.run(hook, for: alert, environment: ["PATH": "/usr/bin:/bin"])
        #expect(outcome == .failed("alert command ran longer than 1s and was stopped"))
        // The process group went with it: nothing waits the 30 s out.
        #expect(clock.now - started < .seconds(20))
    }

    @Test func failuresAreReportedNotThrown() async throws {
        let directory = try AlertLogTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let failing = AlertHook(command: try script("exit 3", in: directory))
        #expect(await AlertNotifier.run(failing, for: alert, environment: [:]) == .failed("alert command exited with status 3"))
        let missing = AlertHook(command: ["/nonexistent/ibdash-hook"])
        let outcome = await AlertNotifier.run(missing, for: alert, environment: [:])
        #expect(outcome == .failed("alert command: cannot start /nonexistent/ibdash-hook: No such file or directory"))
    }

    @Test func insideTmuxAlertsShowAsAPlainMessage() async throws {
        let directory = try AlertLogTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A stand-in `tmux` first on PATH, writing its arguments one per line.
        let output = directory.appendingPathComponent("args.txt")
        let fake = directory.appendingPathComponent("tmux")
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(output.path)'\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: fake.path)
        let notifier = AlertNotifier(
            hook: nil, tmux: true, environment: ["TMUX": "/tmp/tmux-0/default,1,0", "PATH": "\(directory.path):/usr/bin:/bin"],
            report: { _ in })
        notifier.post(
            Alert(id: 1, time: alert.time, severity: .error, category: .data, account: nil, text: "Flex #(reboot) 100%"))
        notifier.finish()
        var lines: [String] = []
        for _ in 0..<200 where lines.count < 2 {
            try await Task.sleep(for: .milliseconds(50))
            lines = ((try? String(contentsOf: output, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
        // tmux would run `#(…)` as a shell command: `##` keeps it a plain `#`.
        #expect(lines == ["display-message", "ibdash error: Flex ##(reboot) 100%"])
    }

    @Test func theEngineRunsTheCommandForItsAlertsWithoutWaitingForIt() async throws {
        let directory = try AlertLogTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.txt")
        var configuration = EngineConfiguration(gateway: "localhost:5000")
        configuration.hook = AlertHook(
            command: try script(
                #"sleep 0.2; printf '%s|%s\n' "$IBDASH_ALERT_CATEGORY" "$IBDASH_ALERT_TEXT" >> "$1""#, in: directory)
                + [output.path])
        let harness = EngineHarness(accounts: 1, configuration: configuration) {
            $0.session = SessionStatus(state: .competing)
        }
        await harness.engine.start()
        await harness.run(for: .seconds(2))
        let alerts = await harness.engine.state.alerts
        #expect(alerts.count == 1)
        var text = ""
        for _ in 0..<200 where text.isEmpty {
            try await Task.sleep(for: .milliseconds(50))
            text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        }
        await harness.engine.stop()
        #expect(text.hasPrefix("session|Competing login"))
    }
}
