import Foundation

/// One client of the status socket: it has until `deadline` to send its line and read the answer.
struct StatusConnection {
    let socket: UnixSocket
    let deadline: ContinuousClock.Instant
    private var received: [UInt8] = []
    private var answer: [UInt8] = []
    private var sent = 0

    enum Reading {
        case waiting
        /// The request, without its line end. A client that ends its side without a line end sent it all.
        case line([UInt8])
        case tooLong
        case closed
    }

    enum Sending {
        case waiting
        case done
        case failed
    }

    init(socket: UnixSocket, deadline: ContinuousClock.Instant) {
        self.socket = socket
        self.deadline = deadline
    }

    /// True once the request is read and the answer is on its way.
    var isAnswering: Bool { !answer.isEmpty }

    /// Reads what has arrived, without waiting.
    mutating func read(limit: Int) -> Reading {
        var chunk = [UInt8](repeating: 0, count: 256)
        let count = chunk.withUnsafeMutableBytes { recv(socket.descriptor, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            received += chunk[0..<count]
            if let end = received.firstIndex(of: 0x0A) { return .line(Array(received[..<end])) }
            return received.count > limit ? .tooLong : .waiting
        }
        if count == 0 { return received.isEmpty ? .closed : .line(received) }
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? .waiting : .closed
    }

    /// Starts sending `bytes` and sends as much as the socket takes now.
    mutating func answer(with bytes: [UInt8]) -> Sending {
        answer = bytes
        sent = 0
        return send()
    }

    /// Sends what the socket takes now, without waiting. Never raises SIGPIPE when the client has gone.
    mutating func send() -> Sending {
        while sent < answer.count {
            let count = answer.withUnsafeBytes { bytes in
                Foundation.send(
                    socket.descriptor, bytes.baseAddress?.advanced(by: sent), bytes.count - sent, Int32(MSG_NOSIGNAL))
            }
            if count > 0 {
                sent += count
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) ? .waiting : .failed
            }
        }
        return .done
    }
}
