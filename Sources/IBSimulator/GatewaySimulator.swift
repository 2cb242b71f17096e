import Foundation
import Logging
import NIOSSL

/// A Client Portal gateway simulator for in-process use (the demo, the tests) and for `ibdash sim`.
///
/// ```swift
/// let simulator = GatewaySimulator(configuration: configuration)
/// let endpoints = try await simulator.start()
/// try await simulator.perform(.session(.competing))
/// await simulator.stop()
/// ```
///
/// The API listener serves `/v1/api/…` and `/v1/portal/…`; a second listener on 127.0.0.1 serves the control
/// endpoint (see `ControlCommand`). Every control action is also a method here.
public actor GatewaySimulator {
    public let configuration: SimulatorConfiguration
    let engine: GatewayEngine
    let flexService: FlexService
    private let logger: Logger
    private var certificate: SelfSignedCertificate?
    private var api: RunningListener?
    private var control: RunningListener?
    /// The API port once bound, reused when the gateway comes back up.
    private var apiPort: Int?

    public init(configuration: SimulatorConfiguration = SimulatorConfiguration(), logger: Logger? = nil) {
        self.configuration = configuration
        engine = GatewayEngine(configuration: configuration)
        flexService = FlexService(configuration: configuration.flex, engine: engine, seed: configuration.seed)
        // Hummingbird reports a listener stopped by cancellation (gateway down) as an error: expected here.
        var fallback = Logger(label: "ibdash.simulator")
        fallback.logLevel = .critical
        self.logger = logger ?? fallback
    }

    /// Starts both listeners and returns where they are.
    public func start() async throws -> SimulatorEndpoints {
        if configuration.tls && certificate == nil { certificate = try SelfSignedCertificate() }
        if control == nil {
            control = try await RunningListener.start(
                ControlResponder(simulator: self), host: "127.0.0.1", port: configuration.controlPort, tls: nil,
                logger: logger)
        }
        try await bringGatewayUp()
        return try endpoints()
    }

    /// Stops both listeners.
    public func stop() async {
        await takeGatewayDown()
        await control?.stop()
        control = nil
    }

    public func endpoints() throws -> SimulatorEndpoints {
        guard let apiPort, let controlPort = control?.port else { throw ControlError("the simulator is not running") }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        let scheme = configuration.tls ? "https" : "http"
        guard let apiBase = URL(string: "\(scheme)://\(host):\(apiPort)/v1/api"),
            let controlURL = URL(string: "http://127.0.0.1:\(controlPort)/sim/control"),
            let statsURL = URL(string: "http://127.0.0.1:\(controlPort)/sim/stats"),
            let flexURL = flexEndpoint(apiPort: apiPort)
        else { throw ControlError("cannot form the simulator's URLs") }
        return SimulatorEndpoints(
            apiBase: apiBase, control: controlURL, stats: statsURL, apiPort: apiPort, controlPort: controlPort,
            certificatePEM: certificate?.certificatePEM, flexEndpoint: flexURL)
    }

    public var isGatewayUp: Bool { api != nil }

    /// "Gateway down": the API listener stops, so connections to its port are refused.
    public func takeGatewayDown() async {
        await api?.stop()
        api = nil
    }

    /// Listens again on the same port as before (or the configured one the first time).
    public func bringGatewayUp() async throws {
        guard api == nil else { return }
        let listener = try await RunningListener.start(
            GatewayResponder(engine: engine, flex: flexService), host: configuration.host,
            port: apiPort ?? configuration.port, tls: certificate?.tlsConfiguration, logger: logger)
        api = listener
        apiPort = listener.port
        if let url = flexEndpoint(apiPort: listener.port) { await flexService.listening(at: url) }
    }

    public func session() async -> SimulatedSession { await engine.sessionState(at: Date()) }

    public func setSession(_ state: SimulatedSession) async { await engine.setSession(state, at: Date()) }

    public func triggerDailyReset() async { await engine.triggerDailyReset(at: Date()) }

    public func movePrices(percent: Double, conid: Int? = nil) async throws(ControlError) {
        try await engine.movePrices(percent: percent, conid: conid, at: Date())
    }

    /// Fills a working order now (the oldest when `id` is `nil`) and returns its id.
    public func fillOrder(id: Int? = nil) async throws(ControlError) -> Int {
        try await engine.fillOrder(id: id, at: Date())
    }

    /// Places a random order in `account` (any account when `nil`) and returns its id.
    public func placeOrder(account: String? = nil) async throws(ControlError) -> Int {
        try await engine.placeOrder(account: account, at: Date())
    }

    public func inject(_ fault: Fault) async { await engine.inject(fault, at: Date()) }

    public func clearFaults() async { await engine.clearFaults() }

    public func switches() async -> GatewaySwitches { await engine.currentSwitches() }

    public func change(_ changes: SwitchChanges) async { await engine.change(changes) }

    public func statistics() async -> SimulatorStatistics {
        var statistics = await engine.currentStatistics()
        statistics.flex = await flexService.currentStatistics()
        return statistics
    }

    /// The simulated accounts, in `/portfolio/accounts` order.
    public func accountIDs() async -> [String] { await engine.accountIDs }

    /// Carries out one control command; returns the order id for `fillOrder` and `newOrder`.
    @discardableResult
    public func perform(_ command: ControlCommand) async throws -> Int? {
        switch command {
        case .session(let state): await setSession(state)
        case .gatewayDown: await takeGatewayDown()
        case .gatewayUp: try await bringGatewayUp()
        case .movePrices(let percent, let conid): try await movePrices(percent: percent, conid: conid)
        case .fillOrder(let id): return try await fillOrder(id: id)
        case .newOrder(let account): return try await placeOrder(account: account)
        case .fault(let fault): await inject(fault)
        case .clearFaults: await clearFaults()
        case .dailyReset: await triggerDailyReset()
        case .settings(let changes): await change(changes)
        case .flex(let command): try await flexService.perform(command)
        }
        return nil
    }
}
