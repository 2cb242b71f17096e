import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The alert log on disk: one line per alert, appended, tab-separated
/// (`time severity category account text`), readable by the user only.
public struct AlertLogFile: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    /// `$XDG_STATE_HOME/ibdash/alerts.log`, else `~/.local/state/ibdash/alerts.log`; `nil` without a home.
    public static func defaultURL(environment: [String: String]) -> URL? {
        XDGDirectories.state(environment).map { URL(fileURLWithPath: $0).appendingPathComponent("ibdash/alerts.log") }
    }

    static func line(for alert: Alert) -> String {
        let fields = [
            ISO8601Text.utc(alert.time), alert.severity.name, alert.category.rawValue,
            alert.account?.rawValue ?? "-", alert.text.sanitized,
        ]
        return fields.joined(separator: "\t") + "\n"
    }

    func append(_ alert: Alert) throws(WriteError) {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw WriteError(description: "cannot create \(directory.path)")
        }
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw WriteError(description: "cannot open \(url.path): errno \(errno)") }
        defer { close(descriptor) }
        let bytes = Array(Self.line(for: alert).utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw WriteError(description: "cannot write \(url.path): errno \(errno)") }
    }
}
