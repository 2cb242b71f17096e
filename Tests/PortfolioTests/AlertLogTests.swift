import Foundation
import Testing

@testable import Portfolio

@Suite struct AlertLogTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ibdash-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theLogKeepsTheNewestThousandNewestFirst() {
        var log = AlertLog(capacity: 1000)
        for number in 1...1005 { _ = log.append(AlertDraft(.info, .data, "alert \(number)"), at: now) }
        #expect(log.alerts.count == 1000)
        #expect(log.alerts.first?.text == "alert 1005")
        #expect(log.alerts.last?.text == "alert 6")
        #expect(log.alerts.first?.id == 1005)
    }

    @Test func alertTextLosesEscapeSequencesAndControlCharacters() {
        var log = AlertLog(capacity: 10)
        let alert = log.append(AlertDraft(.warning, .trading, account: "U1", "Order \u{1B}[31mREJECTED\u{07}\nnow\u{202E}x"), at: now)
        #expect(alert.text == "Order REJECTED nowx")
        #expect("tab\there\r\n".sanitized == "tab here  ")
        #expect("naïve 日本 €".sanitized == "naïve 日本 €")
    }

    @Test func eachAlertIsOneLineInTheFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = AlertLogFile(url: directory.appendingPathComponent("state/ibdash/alerts.log"))
        var log = AlertLog(capacity: 10)
        try file.append(log.append(AlertDraft(.warning, .risk, account: "U1", "Cushion low\nreally"), at: now))
        try file.append(log.append(AlertDraft(.info, .session, "Session restored"), at: now.addingTimeInterval(61)))
        let text = try String(contentsOf: file.url, encoding: .utf8)
        #expect(
            text == "2026-09-21T14:13:20Z\twarning\trisk\tU1\tCushion low really\n"
                + "2026-09-21T14:14:21Z\tinfo\tsession\t-\tSession restored\n")
        let permissions = try FileManager.default.attributesOfItem(atPath: file.url.path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test func theFileLivesInTheStateDirectory() {
        #expect(
            AlertLogFile.defaultURL(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/me"])?.path
                == "/x/state/ibdash/alerts.log")
        #expect(
            AlertLogFile.defaultURL(environment: ["HOME": "/home/me"])?.path
                == "/home/me/.local/state/ibdash/alerts.log")
        // A relative XDG path is ignored, as the XDG spec says.
        #expect(
            AlertLogFile.defaultURL(environment: ["XDG_STATE_HOME": "state", "HOME": "/home/me"])?.path
                == "/home/me/.local/state/ibdash/alerts.log")
        #expect(AlertLogFile.defaultURL(environment: [:]) == nil)
    }

    @Test func theEngineAppendsItsAlertsToTheFile() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("alerts.log")
        let harness = EngineHarness(accounts: 1, alertLog: url) { $0.session = SessionStatus(state: .competing) }
        await harness.engine.start()
        await harness.run(for: .seconds(2))
        await harness.engine.stop()
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("\twarning\tsession\t-\tCompeting login") == true)
    }
}
