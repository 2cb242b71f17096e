import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL

/// An HTTP(S) listener on Hummingbird, started on a port and stopped by cancelling it: a stop closes the
/// listening socket and its connections at once, as a crashed gateway would.
struct RunningListener: Sendable {
    let port: Int
    private let task: Task<Void, Never>

    static func start<Responder: HTTPResponder>(
        _ responder: Responder, host: String, port: Int, tls: TLSConfiguration?, logger: Logger
    ) async throws -> RunningListener where Responder.Context == PeerContext {
        let (events, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let configuration = ApplicationConfiguration(address: .hostname(host, port: port))
        let running: @Sendable (any Channel) async -> Void = { channel in
            continuation.yield(.success(channel.localAddress?.port ?? port))
        }
        let application: Application<Responder>
        if let tls {
            application = Application(
                responder: responder, server: try .tls(.http1(), tlsConfiguration: tls), configuration: configuration,
                onServerRunning: running, logger: logger)
        } else {
            application = Application(
                responder: responder, configuration: configuration, onServerRunning: running, logger: logger)
        }
        let task = Task {
            do {
                try await application.run()
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.finish()
        }
        for await event in events {
            switch event {
            case .success(let boundPort): return RunningListener(port: boundPort, task: task)
            case .failure(let error): throw error
            }
        }
        throw ControlError("the listener on \(host):\(port) stopped before it started")
    }

    func stop() async {
        task.cancel()
        await task.value
    }
}
