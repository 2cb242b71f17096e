/// Everything the engine is told at start: cadences, alert rules, where alerts go, and what the status line says
/// about the connection.
public struct EngineConfiguration: Hashable, Sendable {
    public var cadences: Cadences
    public var thresholds: RiskThresholds
    public var hook: AlertHook?
    /// Show alerts with `tmux display-message` when running inside tmux (`$TMUX` set).
    public var tmuxNotifications: Bool
    /// The currency of the consolidated view; `nil` means the first account's base currency.
    public var displayCurrency: Currency?
    /// For the status line, e.g. `localhost:5000`.
    public var gateway: String
    public var isDemo: Bool
    public var tlsInsecure: Bool
    /// How many alerts the in-memory log keeps.
    public var alertCapacity: Int

    public init(
        gateway: String, cadences: Cadences = Cadences(), thresholds: RiskThresholds = RiskThresholds(),
        hook: AlertHook? = nil, tmuxNotifications: Bool = false, displayCurrency: Currency? = nil,
        isDemo: Bool = false, tlsInsecure: Bool = false, alertCapacity: Int = 1000
    ) {
        self.cadences = cadences
        self.thresholds = thresholds
        self.hook = hook
        self.tmuxNotifications = tmuxNotifications
        self.displayCurrency = displayCurrency
        self.gateway = gateway
        self.isDemo = isDemo
        self.tlsInsecure = tlsInsecure
        self.alertCapacity = alertCapacity
    }
}
