import Foundation
import Logging
import Portfolio

/// Where the dashboard's log lines go: `$XDG_STATE_HOME/ibdash/ibdash.log` (mode 0600), never the terminal, which
/// ncurses owns while the dashboard runs (swift-log's default handler would write over the screen).
final class LogFile: @unchecked Sendable {
    private let lock = NSLock()
    private let handle: FileHandle

    init?(path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    static func defaultPath(environment: [String: String]) -> String? {
        XDGDirectories.state(environment).map { $0 + "/ibdash/ibdash.log" }
    }

    func write(_ line: String) {
        lock.withLock { handle.write(Data((line.sanitized + "\n").utf8)) }
    }

    /// Sends every `Logger` of the process here, at `level` and above. Call once, before anything logs.
    func bootstrap(level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler = LogFileHandler(label: label, file: self)
            handler.logLevel = level
            return handler
        }
    }
}

/// One `Logger`'s view of the `LogFile`.
struct LogFileHandler: LogHandler {
    let label: String
    let file: LogFile
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let time = ISO8601Text.utc(Date())
        file.write("\(time) \(event.level) \(label): \(event.message)\(fields.isEmpty ? "" : " " + fields)")
    }
}
