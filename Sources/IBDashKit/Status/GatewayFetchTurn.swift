import Foundation
import Portfolio

/// Spaces the one-time gateway fetches of separate `ibdash snapshot` processes. IBKR's pacing limits hold per
/// user (one request per 5 s to the account list, the P&L, the orders), and each process's request budget knows
/// only its own requests: two snapshots in a row, or side by side, would get 429s and, repeated, IBKR's penalty
/// box. The process holding the lock on `$XDG_STATE_HOME/ibdash/gateway-fetch.lock` fetches; the next waits for
/// it to finish, then until the last fetch's requests have left IBKR's windows.
struct GatewayFetchTurn {
    /// IBKR's longest window among the endpoints a snapshot calls, with a margin.
    static let spacing: Duration = .milliseconds(5_500)
    static let fileName = "gateway-fetch.lock"

    private let descriptor: Int32

    /// Waits for this process's turn.
    /// - Parameters:
    ///   - patience: how long another fetch may keep the lock before this one gives up.
    ///   - spacing: the least time from the end of the last fetch.
    static func take(
        environment: [String: String], patience: Duration = .seconds(180), spacing: Duration = Self.spacing
    ) async throws(StatusSocketError) -> GatewayFetchTurn {
        guard let stateHome = XDGDirectories.state(environment) else { throw .noLocation }
        let directory = stateHome + "/" + StatusSocketLocation.directoryName
        try PrivateDirectory.prepare(directory)
        let path = directory + "/" + fileName
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw .system("open", errno: errno, path: path) }
        let deadline = ContinuousClock.now + patience
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            guard failure == EWOULDBLOCK || failure == EINTR else {
                close(descriptor)
                throw .system("flock", errno: failure, path: path)
            }
            guard ContinuousClock.now < deadline else {
                close(descriptor)
                throw .anotherFetch(path, waited: patience)
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        if let lastEnd = lastEnd(descriptor) {
            // A last end in the future means the clock went back: wait one spacing, not more.
            let wait = min(spacing.timeInterval, lastEnd.addingTimeInterval(spacing.timeInterval).timeIntervalSinceNow)
            if wait > 0 { try? await Task.sleep(for: .seconds(wait)) }
        }
        return GatewayFetchTurn(descriptor: descriptor)
    }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Notes that this fetch's requests have ended, and lets the next fetch go.
    func finish() {
        let stamp = Array(String(Date().timeIntervalSince1970).utf8)
        if ftruncate(descriptor, 0) == 0 { _ = stamp.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) } }
        close(descriptor)
    }

    /// When the previous fetch ended, as its holder wrote it.
    private static func lastEnd(_ descriptor: Int32) -> Date? {
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0, let seconds = Double(String(decoding: bytes[0..<count], as: UTF8.self)) else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }
}
