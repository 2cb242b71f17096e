import Portfolio
import Synchronization
import TerminalUI

/// Stands in for the engine: records the intents the UI sends.
final class FakeDriver: DashboardDriver {
    enum Intent: Hashable, Sendable {
        case refresh(AccountID?)
        case refreshHistory
        case focus(AccountID?, Set<Dataset>)
    }

    let states: AsyncStream<DashboardState>
    let feed: AsyncStream<DashboardState>.Continuation
    private let recorded = Mutex<[Intent]>([])

    init() { (states, feed) = AsyncStream.makeStream(of: DashboardState.self) }

    var intents: [Intent] { recorded.withLock { $0 } }

    func refreshNow(_ account: AccountID?) async { recorded.withLock { $0.append(.refresh(account)) } }
    func refreshHistory() async { recorded.withLock { $0.append(.refreshHistory) } }
    func setFocus(account: AccountID?, datasets: Set<Dataset>) async {
        recorded.withLock { $0.append(.focus(account, datasets)) }
    }
}
