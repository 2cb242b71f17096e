import Portfolio
import Synchronization

/// The newest `DashboardState`, handed from the dashboard to the status server's thread. Publishing only swaps a
/// value under a lock: the dashboard never waits on a client.
final class PublishedState: Sendable {
    private let storage = Mutex<(state: DashboardState?, generation: Int)>((nil, 0))

    func publish(_ state: DashboardState) {
        storage.withLock { $0 = (state, $0.generation + 1) }
    }

    /// The state and how many states were published so far, so that an answer made from it can be reused.
    var latest: (state: DashboardState?, generation: Int) {
        storage.withLock { $0 }
    }
}
