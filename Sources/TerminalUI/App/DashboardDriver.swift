import Portfolio

/// What the UI needs of the engine: the states to draw, and the intents it sends back. `DashboardEngine` conforms
/// (see `DashboardEngine+DashboardDriver.swift`); tests use a fake. The UI never calls the network itself.
public protocol DashboardDriver: Sendable {
    /// A new state whenever something changed, and once a second while ages on screen tick.
    var states: AsyncStream<DashboardState> { get }
    /// Fetch one account's data now, or every account's.
    func refreshNow(_ account: AccountID?) async
    /// Fetch the Flex statement now.
    func refreshHistory() async
    /// The account and the datasets on screen, fetched first when requests queue.
    func setFocus(account: AccountID?, datasets: Set<Dataset>) async
}
