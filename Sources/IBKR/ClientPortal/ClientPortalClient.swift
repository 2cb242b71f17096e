import Foundation
import Portfolio

/// Calls Client Portal endpoints through the shared request budget and reads the answers into wire models.
/// Every failure is a `SourceError` naming the endpoint (or `CancellationError`).
public struct ClientPortalClient: Sendable {
    public let transport: any GatewayTransport
    public let budget: RequestBudget
    public let address: GatewayAddress

    public init(transport: any GatewayTransport, budget: RequestBudget, address: GatewayAddress) {
        self.transport = transport
        self.budget = budget
        self.address = address
    }

    /// Waits for a pacing slot, sends, and checks status and body.
    public func call(_ endpoint: ClientPortalEndpoint) async throws -> JSONValue {
        let grant = try await budget.acquire(endpoint.template, path: endpoint.path)
        let response: GatewayResponse
        do {
            response = try await transport.send(endpoint.request)
        } catch {
            await budget.answered(grant, at: budget.time.now)
            throw error
        }
        // Read before waiting for the budget's actor, which many callers may be queued on.
        let answeredAt = budget.time.now
        if let error = await budget.settle(grant, status: response.status, at: answeredAt, path: endpoint.path) {
            throw error
        }
        return try AnswerCheck.json(from: response, path: endpoint.path, address: address)
    }

    /// Calls and decodes; a value that cannot be read becomes a `.decoding` error naming the endpoint and field.
    public func call<Model>(
        _ endpoint: ClientPortalEndpoint, as decode: @Sendable (JSONValue) throws(WireError) -> Model
    ) async throws -> Model {
        let json = try await call(endpoint)
        do {
            return try decode(json)
        } catch {
            throw SourceError(.decoding, endpoint: endpoint.path, message: error.description)
        }
    }
}
