import Foundation
import IBKR
import Portfolio

/// An account source on a scripted gateway and a virtual clock: each path answers from a route, by how many
/// times it was asked before; unknown paths answer 404.
struct ScriptedGateway {
    typealias Route = @Sendable (GatewayRequest, _ count: Int) throws -> GatewayResponse

    let clock = VirtualTimeSource()
    let transport: ScriptedTransport
    let source: ClientPortalAccountSource

    init(_ routes: [String: Route]) throws {
        var all = try Self.defaultRoutes()
        all.merge(routes) { $1 }
        let table = all
        transport = ScriptedTransport(time: clock) { request, count in
            guard let route = table[request.path] else { return GatewayResponse(status: 404, text: "") }
            return try route(request, count)
        }
        let client = ClientPortalClient(
            transport: transport, budget: RequestBudget(time: clock), address: .localGateway)
        source = ClientPortalAccountSource(client: client)
    }

    /// Runs `operation` on the virtual clock.
    func run<T: Sendable>(_ operation: @escaping @Sendable (ClientPortalAccountSource) async throws -> T) async throws -> T {
        let source = source
        return try await drive(clock) { try await operation(source) }
    }

    /// The error `operation` throws, or `nil` when it does not throw a `SourceError`.
    func failure<T: Sendable>(_ operation: @escaping @Sendable (ClientPortalAccountSource) async throws -> T) async -> SourceError? {
        do {
            _ = try await run(operation)
            return nil
        } catch {
            return error as? SourceError
        }
    }

    static func answer(_ text: String) -> Route { { _, _ in .ok(text) } }

    static func fixture(_ name: String) throws -> Route {
        let text = try Fixture.text(name)
        return { _, _ in .ok(text) }
    }

    private static func defaultRoutes() throws -> [String: Route] {
        [
            "/tickle": try fixture("tickle"),
            "/portfolio/accounts": try fixture("portfolio-accounts"),
            "/iserver/accounts": try fixture("iserver-accounts"),
        ]
    }
}
