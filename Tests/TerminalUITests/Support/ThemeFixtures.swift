import Foundation
import TerminalUI

/// The shipped themes, read from the package's themes/ folder.
enum ThemeFixtures {
    static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes").path

    static func theme(_ name: String, colors: Int = 256) throws -> Theme {
        try ThemeDefinition.load(name: name, path: themesDirectory + "/" + name + ".toml", home: nil).resolved(colorCount: colors)
    }
}
