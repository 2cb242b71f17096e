import Foundation
import Testing
import TerminalUI

/// Golden frames: the text of a grid, one line a row, compared with Tests/TerminalUITests/Golden/NAME.txt.
/// `UPDATE_GOLDEN=1 swift test` writes them anew; read the diff before committing.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func check(_ grid: Grid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = grid.lines.joined(separator: "\n") + "\n"
        let url = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "frame \(name) differs from Golden/\(name).txt", sourceLocation: sourceLocation)
    }
}
