import Foundation
import Portfolio
import Synchronization

/// The dashboard's status socket: scripts and status bars on this machine read the dashboard's latest state from
/// it (`ibdash snapshot`, `ibdash status-line`) without adding a single request to the gateway.
///
/// A unix-domain socket (mode 0600, in a directory of mode 0700) that answers only processes of the same user,
/// checked with SO_PEERCRED. A client sends one line, `snapshot` or `status`, and reads one line of JSON
/// (`SnapshotDocument`, `StatusDocument`, or `{"version":1,"error":"…"}`). The server runs on a thread of its own
/// and never blocks the dashboard: `publish` only swaps a value under a lock.
///
/// ```swift
/// let server = try StatusServer.start(path: StatusSocketLocation.path(environment: environment))
/// for await state in engine.states { server.publish(state); … }
/// server.stop()   // on every way out: it removes the socket
/// ```
public final class StatusServer: Sendable {
    public struct Limits: Hashable, Sendable {
        /// A client has this long from connecting to having read the whole answer; then it is dropped.
        public var clientTimeout: Duration = .seconds(2)
        /// With this many clients connected, a new one drops the oldest.
        public var maximumClients = 16
        /// A longer request line is refused.
        public var maximumRequestBytes = 64

        public init() {}
    }

    public let path: String
    private let published = PublishedState()
    private let wake: Int32
    private let finished = DispatchSemaphore(value: 0)
    private let running = Mutex(true)

    private init(path: String, wake: Int32) {
        self.path = path
        self.wake = wake
    }

    /// Takes over `path`: creates its directory (0700), replaces a socket file a crashed dashboard left behind,
    /// and starts answering on a thread of its own.
    /// - Parameter clock: the time ages are measured at when a client asks.
    /// - Throws: `.alreadyRunning` when another dashboard answers there (its socket is left alone), `.notASocket`
    ///   when something else is in the way, and the other `StatusSocketError`s of an unusable path.
    public static func start(
        path: String, limits: Limits = Limits(), clock: @escaping @Sendable () -> Date = { Date() }
    ) throws(StatusSocketError) -> StatusServer {
        try UnixSocket.checkLength(path)
        try PrivateDirectory.prepare((path as NSString).deletingLastPathComponent)
        let listener = try listen(at: path)
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            let failure = errno
            listener.close()
            unlink(path)
            throw .system("pipe", errno: failure, path: path)
        }
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let identity = SocketFileIdentity(path: path)
        let server = StatusServer(path: path, wake: pipeEnds[1])
        let published = server.published
        let finished = server.finished
        let wakeRead = pipeEnds[0]
        let thread = Thread {
            var loop = StatusServerLoop(
                listener: listener, wake: wakeRead, published: published, limits: limits, clock: clock)
            loop.run()
            listener.close()
            identity?.removeIfUnchanged(path)
            close(wakeRead)
            finished.signal()
        }
        thread.name = "ibdash status socket"
        thread.start()
        return server
    }

    /// Makes `state` what clients are answered from. Cheap: call it with every state the engine publishes.
    public func publish(_ state: DashboardState) {
        published.publish(state)
    }

    /// Stops answering, closes every connection and removes the socket file; returns once all that is done.
    /// Safe to call more than once.
    public func stop() {
        let wasRunning = running.withLock { running in
            defer { running = false }
            return running
        }
        guard wasRunning else { return }
        var byte: UInt8 = 1
        _ = write(wake, &byte, 1)
        finished.wait()
        close(wake)
    }

    deinit {
        stop()
    }

    /// A listening socket at `path`, replacing a stale socket file but never a live one or anything else.
    private static func listen(at path: String) throws(StatusSocketError) -> UnixSocket {
        let socket = try UnixSocket.make(path: path)
        var bound = false
        do throws(StatusSocketError) {
            if let failure = socket.bind(to: path) {
                guard failure == EADDRINUSE else { throw .system("bind", errno: failure, path: path) }
                try removeStale(path)
                if let again = socket.bind(to: path) { throw .system("bind", errno: again, path: path) }
            }
            bound = true
            // The directory already keeps others out; the mode says so too, whatever the umask.
            guard chmod(path, 0o600) == 0 else { throw .system("chmod", errno: errno, path: path) }
            if let failure = socket.listen(backlog: 16) { throw .system("listen", errno: failure, path: path) }
            guard socket.makeNonBlocking() else { throw .system("fcntl", errno: errno, path: path) }
            return socket
        } catch {
            socket.close()
            if bound { unlink(path) }
            throw error
        }
    }

    /// Removes the socket file at `path` if nothing answers on it.
    private static func removeStale(_ path: String) throws(StatusSocketError) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw .system("lstat", errno: errno, path: path)
        }
        guard info.st_mode & S_IFMT == S_IFSOCK else { throw .notASocket(path) }
        let probe = try UnixSocket.make(path: path)
        defer { probe.close() }
        // Non-blocking, so that a live server with a full queue answers `.busy` instead of making us wait.
        guard probe.makeNonBlocking() else { throw .system("fcntl", errno: errno, path: path) }
        switch try probe.connect(to: path) {
        case .connected, .busy:
            throw .alreadyRunning(path)
        case .nobodyListening:
            if unlink(path) != 0, errno != ENOENT { throw .system("unlink", errno: errno, path: path) }
        }
    }
}
