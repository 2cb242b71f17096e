import Hummingbird
import NIOCore

/// The request context of both listeners: Hummingbird's core storage plus the peer's address, which the control
/// listener checks.
struct PeerContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
