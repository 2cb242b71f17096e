import Foundation

/// The status server's thread: one `poll` over the listening socket, every client and a wake-up pipe. Nothing in
/// it waits on a client: a client that is slow to ask or to read is dropped at its deadline, and when too many
/// are connected the oldest is dropped.
struct StatusServerLoop {
    let listener: UnixSocket
    /// Readable when the server is told to stop.
    let wake: Int32
    let published: PublishedState
    let limits: StatusServer.Limits
    let clock: @Sendable () -> Date
    private let owner = getuid()
    private var clients: [StatusConnection] = []
    /// After `accept` fails for want of file descriptors, the listener rests rather than spin on a pending client.
    private var acceptResumes: ContinuousClock.Instant?
    private var answers = AnswerCache()

    init(
        listener: UnixSocket, wake: Int32, published: PublishedState, limits: StatusServer.Limits,
        clock: @escaping @Sendable () -> Date
    ) {
        self.listener = listener
        self.wake = wake
        self.published = published
        self.limits = limits
        self.clock = clock
    }

    /// Serves until the wake-up pipe is written to or closed; then closes every client.
    mutating func run() {
        while true {
            let now = ContinuousClock.now
            if let resumes = acceptResumes, resumes <= now { acceptResumes = nil }
            var descriptors = [
                pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
                pollfd(fd: listener.descriptor, events: acceptResumes == nil ? Int16(POLLIN) : 0, revents: 0),
            ]
            descriptors += clients.map {
                pollfd(fd: $0.socket.descriptor, events: Int16($0.isAnswering ? POLLOUT : POLLIN), revents: 0)
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), timeout(from: now))
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if descriptors[0].revents != 0 { break }
            for index in clients.indices.reversed() where descriptors[index + 2].revents != 0 {
                if !serve(index) { clients.remove(at: index).socket.close() }
            }
            if descriptors[1].revents != 0 { acceptWaiting() }
            dropLate()
        }
        for client in clients { client.socket.close() }
        clients = []
    }

    /// Moves one client on; false when it is finished with, answered or not.
    private mutating func serve(_ index: Int) -> Bool {
        if clients[index].isAnswering { return clients[index].send() == .waiting }
        let bytes: [UInt8]
        switch clients[index].read(limit: limits.maximumRequestBytes) {
        case .waiting: return true
        case .closed: return false
        case .tooLong: bytes = StatusAnswer.failure("the request is too long; ask snapshot or status")
        case .line(let line): bytes = answer(line)
        }
        return clients[index].answer(with: bytes) == .waiting
    }

    private mutating func answer(_ line: [UInt8]) -> [UInt8] {
        guard let request = StatusRequest(line: line) else {
            return StatusAnswer.failure("unknown request; ask snapshot or status")
        }
        let (state, generation) = published.latest
        guard let state else { return StatusAnswer.failure("no data yet") }
        return answers.answer(request, state: state, generation: generation, at: clock())
    }

    private mutating func acceptWaiting() {
        while true {
            let descriptor = accept(listener.descriptor, nil, nil)
            guard descriptor >= 0 else {
                if errno == EINTR || errno == ECONNABORTED { continue }
                if errno != EAGAIN && errno != EWOULDBLOCK { acceptResumes = .now + .milliseconds(100) }
                return
            }
            let client = UnixSocket(descriptor: descriptor)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            guard client.makeNonBlocking(), client.peerUserID() == owner else {
                client.close()
                continue
            }
            if clients.count >= limits.maximumClients { clients.removeFirst().socket.close() }
            clients.append(StatusConnection(socket: client, deadline: .now + limits.clientTimeout))
        }
    }

    private mutating func dropLate() {
        let now = ContinuousClock.now
        clients.removeAll { client in
            guard client.deadline <= now else { return false }
            client.socket.close()
            return true
        }
    }

    /// Until the next deadline, in milliseconds rounded up; -1 (no limit) when nothing has one.
    private func timeout(from now: ContinuousClock.Instant) -> Int32 {
        let deadlines = clients.map(\.deadline) + (acceptResumes.map { [$0] } ?? [])
        guard let next = deadlines.min() else { return -1 }
        let milliseconds = (now.duration(to: next).timeInterval * 1000).rounded(.up)
        return Int32(min(max(milliseconds, 0), 60_000))
    }
}
