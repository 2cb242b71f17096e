import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// A small HTTP or HTTPS server on 127.0.0.1 that records every request as it arrived on the wire and answers
/// from a closure. It behaves like the gateway in one respect the transport must respect: a POST without
/// `Content-Length` gets 411.
final class LocalTestServer: Sendable {
    struct Received: Sendable {
        var method: String
        var uri: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// `nil` never answers (for timeouts).
    typealias Responder = @Sendable (Received) -> (status: Int, body: String)?

    let port: Int
    private let channel: any Channel
    private let recorder: Recorder

    var received: [Received] { recorder.log.withLock { $0 } }

    private init(port: Int, channel: any Channel, recorder: Recorder) {
        self.port = port
        self.channel = channel
        self.recorder = recorder
    }

    static func start(tls: NIOSSLContext? = nil, respond: @escaping Responder) async throws -> LocalTestServer {
        let recorder = Recorder()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(
                        RequestHandler(respond: respond, record: { recorder.append($0) }))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else { throw ServerError.noPort }
        return LocalTestServer(port: port, channel: channel, recorder: recorder)
    }

    func stop() async throws {
        try await channel.close()
    }

    enum ServerError: Error { case noPort }

    private final class Recorder: Sendable {
        let log = Mutex<[Received]>([])
        func append(_ request: Received) { log.withLock { $0.append(request) } }
    }
}

private final class RequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let respond: LocalTestServer.Responder
    private let record: @Sendable (LocalTestServer.Received) -> Void
    private var current: LocalTestServer.Received?

    init(respond: @escaping LocalTestServer.Responder, record: @escaping @Sendable (LocalTestServer.Received) -> Void) {
        self.respond = respond
        self.record = record
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            current = LocalTestServer.Received(
                method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) },
                body: [])
        case .body(let buffer):
            current?.body += Array(buffer.readableBytesView)
        case .end:
            guard let request = current else { return }
            current = nil
            record(request)
            let answer: (status: Int, body: String)?
            if request.method == "POST", request.header("Content-Length") == nil {
                answer = (411, "Length Required")
            } else {
                answer = respond(request)
            }
            guard let answer else { return }
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "application/json")
            headers.add(name: "Content-Length", value: String(answer.body.utf8.count))
            let head = HTTPResponseHead(
                version: .http1_1, status: HTTPResponseStatus(statusCode: answer.status), headers: headers)
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: answer.body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
