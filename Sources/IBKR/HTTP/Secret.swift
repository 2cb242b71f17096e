import Foundation
import Portfolio

/// A credential (bearer token, Flex token). Printing, interpolating, dumping or mirroring it never shows the
/// value; only `withValue` hands it out, to the one place that puts it on the wire.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    /// Refuses values that could not travel in an HTTP header or a URL unchanged (empty, spaces, control characters).
    public init(_ value: String, name: String) throws(SourceError) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw SourceError(.configuration, endpoint: name, message: "the \(name) is empty")
        }
        guard trimmed.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw SourceError(
                .configuration, endpoint: name,
                message: "the \(name) contains spaces, control or non-ASCII characters")
        }
        self.value = trimmed
    }

    public func withValue<Result>(_ body: (String) throws -> Result) rethrows -> Result { try body(value) }

    /// `bytes` with every occurrence of the secret replaced by `<redacted>`, so that an answer echoing it back (an
    /// error quoting the request's header) cannot carry it on into an error message, a log or the screen.
    public func redacted(in bytes: [UInt8]) -> [UInt8] {
        let secret = Array(value.utf8)
        guard let first = secret.first, bytes.count >= secret.count else { return bytes }
        var result: [UInt8] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index <= bytes.endIndex - secret.count {
            if bytes[index] == first, bytes[index..<index + secret.count].elementsEqual(secret) {
                result.append(contentsOf: bytes[start..<index])
                result.append(contentsOf: Self.placeholder.utf8)
                index += secret.count
                start = index
            } else {
                index += 1
            }
        }
        guard start != bytes.startIndex else { return bytes }
        result.append(contentsOf: bytes[start...])
        return result
    }

    /// What stands in the place of a secret that came back.
    public static let placeholder = "<redacted>"

    public var description: String { "<secret>" }
    public var debugDescription: String { "<secret>" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// The secret in environment variable `variable`, or `nil` when it is unset.
    public static func fromEnvironment(
        _ variable: String, name: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(SourceError) -> Secret? {
        guard let value = environment[variable] else { return nil }
        return try Secret(value, name: name)
    }

    /// The secret in `path`, which must be a regular file that only its owner can read or write (mode 0600 or 0400).
    public static func fromFile(_ path: String, name: String) throws(SourceError) -> Secret {
        let shown = path.sanitized
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw SourceError(
                .configuration, endpoint: name,
                message: "cannot read the \(name) file \(shown): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw SourceError(.configuration, endpoint: name, message: "the \(name) file \(shown) is not a regular file")
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw SourceError(
                .configuration, endpoint: name,
                message: "the \(name) file \(shown) is open to other users (mode \(String(mode, radix: 8)))",
                fix: "run: chmod 600 \(shown)")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw SourceError(.configuration, endpoint: name, message: "cannot read the \(name) file \(shown) as text")
        }
        return try Secret(text, name: name)
    }
}
