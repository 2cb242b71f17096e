import Foundation
import IBSimulator

/// One of the troubles the demo causes now and then, so that the alert log and the stale markers show what they do.
enum DemoFault: CaseIterable, Sendable {
    /// The summary endpoint answers 503 for a while: summary values go stale, one alert.
    case summaryUnavailable
    /// P&L answers slower than the client waits: a timeout, one alert.
    case slowPnL
    /// IBKR's pacing answer: one 429, the engine backs off, one alert.
    case rateLimited
    /// Orders come back as broken JSON: a decoding error that names the endpoint.
    case brokenOrders
    /// Another platform takes the brokerage session: P&L and orders go stale, the status line says so.
    case competingSession
    /// The gateway stops answering, then comes back.
    case gatewayDown

    /// How long the trouble lasts before the demo puts things right.
    var duration: Duration {
        switch self {
        case .summaryUnavailable: .seconds(50)
        case .slowPnL: .seconds(25)
        case .rateLimited: .seconds(5)
        case .brokenOrders: .seconds(25)
        case .competingSession: .seconds(30)
        case .gatewayDown: .seconds(20)
        }
    }

    func begin(on simulator: GatewaySimulator) async throws {
        switch self {
        case .summaryUnavailable:
            await simulator.inject(Fault(.status(503), duration: duration, pathPrefix: "/portfolio/\(await firstAccount(simulator))/summary"))
        case .slowPnL:
            await simulator.inject(Fault(.latency(.seconds(12)), count: 1, pathPrefix: "/iserver/account/pnl"))
        case .rateLimited:
            await simulator.inject(Fault(.rateLimit, count: 1, pathPrefix: "/iserver/account/orders"))
        case .brokenOrders:
            await simulator.inject(Fault(.malformedJSON, duration: duration, pathPrefix: "/iserver/account/orders"))
        case .competingSession:
            await simulator.setSession(.competing)
        case .gatewayDown:
            await simulator.takeGatewayDown()
        }
    }

    func end(on simulator: GatewaySimulator) async throws {
        switch self {
        case .summaryUnavailable, .slowPnL, .rateLimited, .brokenOrders:
            break
        case .competingSession:
            await simulator.setSession(.brokerage)
        case .gatewayDown:
            try await simulator.bringGatewayUp()
        }
    }

    private func firstAccount(_ simulator: GatewaySimulator) async -> String {
        await simulator.accountIDs().first ?? ""
    }
}
