import Foundation
import Hummingbird
import NIOCore

/// Hands API requests to the engine (Flex Web Service paths to the Flex service) and writes their answers,
/// holding them back for latency faults.
struct GatewayResponder: HTTPResponder {
    let engine: GatewayEngine
    let flex: FlexService

    func respond(to request: Request, context: PeerContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 1 << 20)
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
        if FlexRoute.serves(request.uri.path) {
            let answer = await flex.respond(
                to: FlexRequest(path: request.uri.path, query: query, userAgent: request.headers[.userAgent]))
            return Response.simulated(status: answer.status, contentType: answer.contentType, body: answer.body)
        }
        let simRequest = SimRequest(
            method: request.method.rawValue, fullPath: request.uri.path, query: query,
            contentLength: request.headers[.contentLength].flatMap { Int($0) }, body: Data(buffer: body))
        let answer = await engine.respond(to: simRequest, at: Date())
        if let delay = answer.delay { try? await Task.sleep(for: delay) }
        return Response.simulated(status: answer.status, contentType: answer.contentType, body: answer.body)
    }
}

extension Response {
    static func simulated(status: Int, contentType: String, body: String) -> Response {
        Response(
            status: HTTPResponse.Status(code: status), headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
