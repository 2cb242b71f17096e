import Foundation

@testable import IBDashKit

/// A private temporary directory standing in for `$XDG_RUNTIME_DIR`, removed afterwards.
struct TemporaryRuntimeDirectory {
    let path: String

    init() throws {
        // Short: a unix socket path holds at most 107 bytes.
        path = "/tmp/ibd-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    var environment: [String: String] { ["XDG_RUNTIME_DIR": path, "XDG_STATE_HOME": path + "/state"] }

    var socketPath: String { path + "/ibdash/ibdash.sock" }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Runs `body` with a fresh directory, and removes it whatever happens.
    static func with<Result>(_ body: (TemporaryRuntimeDirectory) async throws -> Result) async throws -> Result {
        let directory = try TemporaryRuntimeDirectory()
        defer { directory.remove() }
        return try await body(directory)
    }
}

/// A raw client socket for what `StatusClient` never does: connect and say nothing, or send rubbish.
struct RawClient {
    let socket: UnixSocket

    init(path: String) throws {
        socket = try UnixSocket.make(path: path)
        guard try socket.connect(to: path) == .connected else { throw StatusSocketError.notRunning(path) }
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Foundation.send(socket.descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Everything until the server closes the connection, or `nil` if it has not within `seconds`.
    func readToEnd(within seconds: Double) -> String? {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            var descriptor = pollfd(fd: socket.descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 50) > 0 else { continue }
            let count = chunk.withUnsafeMutableBytes { recv(socket.descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return String(decoding: received, as: UTF8.self) }
            received += chunk[0..<count]
        }
        return nil
    }

    func close() { socket.close() }
}

func fileMode(_ path: String) -> mode_t? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o777
}

func fileExists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
}
