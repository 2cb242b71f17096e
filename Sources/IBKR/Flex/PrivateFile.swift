import Foundation

/// Files only their owner may read (mode 0600): Flex statements hold an account's whole activity.
public enum PrivateFile {
    /// Writes `chunks` one after another to a new file beside `path`, mode 0600, and renames it over `path`:
    /// a reader sees the old file or the whole new one, never a part.
    public static func write(_ chunks: [[UInt8]], to path: String) throws(FileProblem) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw FileProblem(path: temporary, reason: "cannot create: \(lastError)") }
        let written = chunks.allSatisfy { writeAll($0, to: descriptor) }
        let reason = lastError
        let closed = close(descriptor) == 0
        guard written, closed else {
            unlink(temporary)
            throw FileProblem(path: path, reason: "cannot write: \(written ? lastError : reason)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = lastError
            unlink(temporary)
            throw FileProblem(path: path, reason: "cannot replace: \(reason)")
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    static var lastError: String { String(cString: strerror(errno)) }
}
