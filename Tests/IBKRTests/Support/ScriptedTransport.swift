import Foundation
import IBKR
import Portfolio
import Synchronization

/// A transport that answers from a script and keeps every request with the (virtual) time it was sent.
final class ScriptedTransport: GatewayTransport {
    struct Sent: Sendable {
        var request: GatewayRequest
        var time: Date
    }

    typealias Script = @Sendable (GatewayRequest, _ count: Int) throws -> GatewayResponse

    private let time: any TimeSource
    private let script: Script
    private let log = Mutex<[Sent]>([])

    /// `script` gets each request and how many times its path was asked before (0 for the first).
    init(time: any TimeSource, script: @escaping Script) {
        self.time = time
        self.script = script
    }

    var sent: [Sent] { log.withLock { $0 } }

    func paths() -> [String] { sent.map(\.request.path) }

    func count(_ path: String) -> Int { sent.filter { $0.request.path == path }.count }

    func send(_ request: GatewayRequest) async throws -> GatewayResponse {
        let count = log.withLock { log in
            let before = log.filter { $0.request.path == request.path }.count
            log.append(Sent(request: request, time: time.now))
            return before
        }
        return try script(request, count)
    }
}

extension GatewayResponse {
    static func ok(_ text: String) -> GatewayResponse { GatewayResponse(status: 200, text: text) }
}
