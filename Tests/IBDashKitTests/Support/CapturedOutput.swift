import Foundation
import Synchronization

@testable import IBDashKit

/// What a command printed, kept apart by stream.
final class CapturedOutput: Sendable {
    private let state = Mutex<(result: [UInt8], notes: [String])>(([], []))

    var result: [UInt8] { state.withLock { $0.result } }
    var resultText: String { String(decoding: result, as: UTF8.self) }
    var notes: [String] { state.withLock { $0.notes } }

    var output: CommandOutput {
        CommandOutput(
            result: { bytes in self.state.withLock { $0.result += bytes } },
            note: { line in self.state.withLock { $0.notes.append(line) } })
    }
}

/// The Flex fixtures of the IBKR tests, read from the source tree.
enum FlexFixtureFiles {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("IBKRTests/Fixtures/flex")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static var all: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
    }
}
