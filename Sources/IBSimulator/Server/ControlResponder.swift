import Foundation
import Hummingbird
import NIOCore

/// `POST /sim/control` and `GET /sim/stats`, for loopback peers only (see `ControlCommand` for the format).
struct ControlResponder: HTTPResponder {
    let simulator: GatewaySimulator

    func respond(to request: Request, context: PeerContext) async throws -> Response {
        guard LoopbackPolicy.allows(context.remoteAddress) else {
            return reply(403, .object([("ok", .bool(false)), ("error", .string("control is for loopback peers only"))]))
        }
        switch (request.method, request.uri.path) {
        case (.get, "/sim/stats"):
            return reply(200, await simulator.statistics().json)
        case (.post, "/sim/control"):
            var request = request
            let body = try await request.collectBody(upTo: 1 << 16)
            do {
                let command = try ControlCommand(json: Data(buffer: body))
                var members: [(String, JSONValue)] = [("ok", .bool(true))]
                if let orderID = try await simulator.perform(command) { members.append(("orderId", .int(orderID))) }
                return reply(200, .object(members))
            } catch let error as ControlError {
                return reply(400, .object([("ok", .bool(false)), ("error", .string(error.description))]))
            } catch {
                return reply(500, .object([("ok", .bool(false)), ("error", .string("\(error)"))]))
            }
        default:
            return reply(404, .object([("ok", .bool(false)), ("error", .string("unknown control path"))]))
        }
    }

    private func reply(_ status: Int, _ json: JSONValue) -> Response {
        Response.simulated(status: status, contentType: "application/json; charset=utf-8", body: json.text)
    }
}
