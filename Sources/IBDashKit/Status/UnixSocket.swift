import Foundation

/// A unix-domain stream socket's file descriptor, with the few calls the status server and its clients make.
/// Its owner closes it exactly once.
struct UnixSocket {
    let descriptor: Int32

    /// What a connection attempt found at a path.
    enum ConnectResult {
        case connected
        /// Nothing listens there (no file, or a socket file nobody has open).
        case nobodyListening
        /// Something listens but its queue is full.
        case busy
    }

    /// A new socket, closed on exec so that alert commands the dashboard starts do not inherit it.
    static func make(path: String) throws(StatusSocketError) -> UnixSocket {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .system("socket", errno: errno, path: path) }
        return UnixSocket(descriptor: descriptor)
    }

    /// The largest path `sockaddr_un` holds, less its terminating zero.
    static var maximumPathLength: Int { MemoryLayout.size(ofValue: sockaddr_un().sun_path) - 1 }

    static func checkLength(_ path: String) throws(StatusSocketError) {
        guard path.utf8.count <= maximumPathLength else { throw .pathTooLong(path) }
    }

    func bind(to path: String) -> Int32? {
        withAddress(path) { Foundation.bind(descriptor, $0, $1) }
    }

    func listen(backlog: Int32) -> Int32? {
        Foundation.listen(descriptor, backlog) == 0 ? nil : errno
    }

    func connect(to path: String) throws(StatusSocketError) -> ConnectResult {
        guard let failure = withAddress(path, { Foundation.connect(descriptor, $0, $1) }) else { return .connected }
        switch failure {
        case ENOENT, ECONNREFUSED, ENOTDIR: return .nobodyListening
        case EAGAIN: return .busy
        default: throw .system("connect", errno: failure, path: path)
        }
    }

    /// The user at the other end, from the kernel (SO_PEERCRED): it cannot be forged by the peer.
    func peerUserID() -> UInt32? {
        // struct ucred { pid_t pid; uid_t uid; gid_t gid; }: three 32-bit fields. Glibc hides the struct from
        // Swift (it needs _GNU_SOURCE), so it is read as three words.
        var credentials: [UInt32] = [0, 0, 0]
        var length = socklen_t(MemoryLayout<UInt32>.size * 3)
        let result = credentials.withUnsafeMutableBytes { bytes in
            getsockopt(descriptor, SOL_SOCKET, SO_PEERCRED, bytes.baseAddress, &length)
        }
        guard result == 0, length == socklen_t(MemoryLayout<UInt32>.size * 3) else { return nil }
        return credentials[1]
    }

    /// Reads and writes return at once instead of waiting.
    func makeNonBlocking() -> Bool {
        let flags = fcntl(descriptor, F_GETFL)
        return flags >= 0 && fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0
    }

    func close() {
        _ = Foundation.close(descriptor)
    }

    /// Runs `call` with the socket address of `path`; returns `nil` on success, else `errno`.
    private func withAddress(_ path: String, _ call: (UnsafePointer<sockaddr>, socklen_t) -> Int32) -> Int32? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count <= Self.maximumPathLength else { return ENAMETOOLONG }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                call($0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return result == 0 ? nil : errno
    }
}
