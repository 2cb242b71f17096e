import Foundation
import Portfolio

/// The last raw statement of each query, kept on disk with its fetch time so that a restart shows history at
/// once without spending the token's budget. `$XDG_CACHE_HOME/ibdash/` (default `~/.cache/ibdash/`): the
/// directory is 0700, each file 0600 — statements hold the account's whole activity.
///
/// A file is one header line, `ibdash-flex-statement 1 query=ID format=xml fetched=SECONDS bytes=N`, then the
/// statement's bytes as IBKR sent them.
public struct FlexStatementCache: Sendable {
    /// A statement read back from disk.
    public struct Kept: Hashable, Sendable {
        public var query: FlexQueryID
        public var body: [UInt8]
        public var format: FlexStatementFormat
        public var fetchedAt: Date
    }

    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// `$XDG_CACHE_HOME/ibdash`, or `$HOME/.cache/ibdash` when XDG_CACHE_HOME is unset or not absolute.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = XDGDirectories.cache(environment) ?? FileManager.default.homeDirectoryForCurrentUser.path + "/.cache"
        return URL(fileURLWithPath: base).appendingPathComponent("ibdash", isDirectory: true)
    }

    public func fileURL(for query: FlexQueryID) -> URL {
        directory.appendingPathComponent("flex-\(query.value).statement")
    }

    /// Writes the statement in place of the query's last one, atomically.
    public func store(_ download: FlexDownload) throws(FileProblem) {
        try makeDirectory()
        let header = "\(Self.magic) query=\(download.query) format=\(download.format.rawValue) "
            + "fetched=\(download.fetchedAt.timeIntervalSince1970) bytes=\(download.body.count)\n"
        try PrivateFile.write([Array(header.utf8), download.body], to: fileURL(for: download.query).path)
    }

    /// The query's kept statement; nil when there is none; `FileProblem` when the file is there but unusable.
    public func load(_ query: FlexQueryID) throws(FileProblem) -> Kept? {
        let path = fileURL(for: query).path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw problem(path, "cannot be read") }
        let bytes = [UInt8](data)
        guard let newline = bytes.prefix(256).firstIndex(of: UInt8(ascii: "\n")) else {
            throw problem(path, "has no ibdash header line")
        }
        let fields = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ")
        guard fields.count == 6, "\(fields[0]) \(fields[1])" == Self.magic else {
            throw problem(path, "has no ibdash header line of version 1")
        }
        var values: [Substring: Substring] = [:]
        for field in fields.dropFirst(2) {
            let pair = field.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { values[pair[0]] = pair[1] }
        }
        let body = Array(bytes[(newline + 1)...])
        guard values["query"].map(String.init) == query.value else { throw problem(path, "belongs to another query") }
        guard let format = values["format"].flatMap({ FlexStatementFormat(rawValue: String($0)) }),
            let seconds = values["fetched"].flatMap({ TimeInterval(String($0)) }), seconds.isFinite,
            let count = values["bytes"].flatMap({ Int(String($0)) })
        else { throw problem(path, "has a damaged header line") }
        guard count == body.count else {
            throw problem(path, "is truncated or damaged (\(body.count) bytes where the header says \(count))")
        }
        return Kept(query: query, body: body, format: format, fetchedAt: Date(timeIntervalSince1970: seconds))
    }

    private static let magic = "ibdash-flex-statement 1"

    /// Creates the directory 0700, or takes group and other access away from an existing one of ours.
    private func makeDirectory() throws(FileProblem) {
        let path = directory.path
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw problem(path, "is not a directory") }
            if info.st_mode & 0o077 != 0, chmod(path, 0o700) != 0 {
                throw problem(path, "is open to other users and cannot be made private: \(Self.lastError)")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(
                at: directory.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw problem(directory.deletingLastPathComponent().path, "cannot be created")
        }
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else { throw problem(path, "cannot be created: \(Self.lastError)") }
    }

    private static var lastError: String { PrivateFile.lastError }

    private func problem(_ path: String, _ reason: String) -> FileProblem {
        FileProblem(path: path, reason: reason)
    }
}
