import Foundation
import Logging
import Testing

@testable import IBDashKit

@Suite struct LogFileTests {
    @Test func linesAreAppendedCleanToAPrivateFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("logfile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state/ibdash/ibdash.log").path
        let file = try #require(LogFile(path: path))
        let logger = Logger(label: "ibdash.test") { label in LogFileHandler(label: label, file: file) }
        logger.info("gateway answered \u{1B}[31m503\u{07}", metadata: ["endpoint": "/tickle"])
        logger.debug("not at info level")
        logger.warning("second")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasSuffix("info ibdash.test: gateway answered 503 endpoint=/tickle"))
        #expect(lines[1].hasSuffix("warning ibdash.test: second"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func theDefaultPlaceIsTheStateDirectory() {
        #expect(LogFile.defaultPath(environment: ["XDG_STATE_HOME": "/s"]) == "/s/ibdash/ibdash.log")
        #expect(LogFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/ibdash/ibdash.log")
    }
}
