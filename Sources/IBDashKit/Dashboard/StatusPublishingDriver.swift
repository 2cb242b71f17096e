import Portfolio
import TerminalUI

/// The engine as the UI drives it, with every state also handed to the status socket, so that `ibdash snapshot`
/// and `ibdash status-line` read what is on screen. The engine's own stream has one reader: this is it.
struct StatusPublishingDriver: DashboardDriver {
    let engine: DashboardEngine
    let states: AsyncStream<DashboardState>
    private let forwarding: Task<Void, Never>

    init(engine: DashboardEngine, server: StatusServer?) {
        self.engine = engine
        let (states, continuation) = AsyncStream.makeStream(
            of: DashboardState.self, bufferingPolicy: .bufferingNewest(1))
        self.states = states
        forwarding = Task {
            for await state in engine.states {
                server?.publish(state)
                continuation.yield(state)
            }
            continuation.finish()
        }
    }

    func refreshNow(_ account: AccountID?) async { await engine.refreshNow(account) }
    func refreshHistory() async { await engine.refreshHistory() }
    func setFocus(account: AccountID?, datasets: Set<Dataset>) async {
        await engine.setFocus(account: account, datasets: datasets)
    }

    func stop() { forwarding.cancel() }
}
