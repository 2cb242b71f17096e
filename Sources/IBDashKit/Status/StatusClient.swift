import Foundation

/// Asks a running dashboard one question on its status socket. Never waits longer than `timeout` in all, and
/// talks only to a dashboard of the same user.
public struct StatusClient: Sendable {
    public var path: String
    public var timeout: Duration
    /// An answer larger than this is refused rather than held in memory.
    public var maximumAnswerBytes = 64 << 20

    public init(path: String, timeout: Duration) {
        self.path = path
        self.timeout = timeout
    }

    /// The document the dashboard answers `request` with.
    /// - Throws: `.notRunning` when no dashboard listens; `.noAnswer`, `.badAnswer`, `.dashboardError` and the
    ///   other `StatusSocketError`s when one does but the answer cannot be had.
    public func ask<Document: Decodable>(_ request: StatusRequest, as type: Document.Type)
        throws(StatusSocketError) -> Document
    {
        try StatusAnswer.decode(type, from: exchange(request))
    }

    /// Sends the request line and reads the answer up to the server's end of the connection.
    func exchange(_ request: StatusRequest) throws(StatusSocketError) -> [UInt8] {
        let deadline = ContinuousClock.now + timeout
        let socket = try UnixSocket.make(path: path)
        defer { socket.close() }
        guard socket.makeNonBlocking() else { throw .system("fcntl", errno: errno, path: path) }
        switch try socket.connect(to: path) {
        case .nobodyListening: throw .notRunning(path)
        case .busy: throw .noAnswer(path, timeout: timeout)
        case .connected: break
        }
        let peer = socket.peerUserID()
        guard peer == getuid() else { throw .foreignPeer(uid: peer ?? UInt32.max) }
        var line = request.line
        var sent = 0
        while sent < line.count {
            try wait(for: socket, events: POLLOUT, until: deadline)
            let count = line.withUnsafeMutableBytes {
                send(socket.descriptor, $0.baseAddress?.advanced(by: sent), $0.count - sent, Int32(MSG_NOSIGNAL))
            }
            if count > 0 {
                sent += count
            } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                throw .system("send", errno: errno, path: path)
            }
        }
        var answer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            try wait(for: socket, events: POLLIN, until: deadline)
            let count = chunk.withUnsafeMutableBytes { recv(socket.descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                answer += chunk[0..<count]
                guard answer.count <= maximumAnswerBytes else { throw .badAnswer("it is larger than 64 MiB") }
            } else if count == 0 || (errno == ECONNRESET && !answer.isEmpty) {
                return answer
            } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                throw .system("recv", errno: errno, path: path)
            }
        }
    }

    private func wait(for socket: UnixSocket, events: Int32, until deadline: ContinuousClock.Instant)
        throws(StatusSocketError)
    {
        while true {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { throw .noAnswer(path, timeout: timeout) }
            var descriptor = pollfd(fd: socket.descriptor, events: Int16(events), revents: 0)
            let milliseconds = Int32(min((left.timeInterval * 1000).rounded(.up), 60_000))
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw .system("poll", errno: errno, path: path) }
        }
    }
}
