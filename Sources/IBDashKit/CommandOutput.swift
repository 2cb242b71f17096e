import Foundation

/// Where a command writes: its result to standard output, progress and errors to standard error. Tests pass
/// their own to read what the command printed.
public struct CommandOutput: Sendable {
    public var result: @Sendable ([UInt8]) -> Void
    /// One line, without its newline.
    public var note: @Sendable (String) -> Void

    public init(result: @escaping @Sendable ([UInt8]) -> Void, note: @escaping @Sendable (String) -> Void) {
        self.result = result
        self.note = note
    }

    public static let terminal = CommandOutput(
        result: { FileHandle.standardOutput.write(Data($0)) },
        note: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
}
