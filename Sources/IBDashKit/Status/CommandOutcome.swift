import ArgumentParser
import Foundation
import Portfolio

/// What `snapshot` or `status-line` prints and how it ends, kept apart from the printing so that tests read it.
struct CommandOutcome: Hashable, Sendable {
    /// For stdout.
    var output = ""
    /// One human line for stderr, when something is wrong.
    var message: String?
    var status: ExitStatus

    init(output: String = "", message: String? = nil, status: ExitStatus) {
        self.output = output
        self.message = message.map(Self.oneLine)
        self.status = status
    }

    /// Prints, and ends the command with `status` unless it is 0.
    func deliver() throws {
        if !output.isEmpty { FileHandle.standardOutput.write(Data(output.utf8)) }
        if let message { FileHandle.standardError.write(Data("ibdash: \(message)\n".utf8)) }
        try status.finish()
    }

    /// Clean and on one line, however many lines the text had.
    static func oneLine(_ text: String) -> String {
        text.sanitized.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
