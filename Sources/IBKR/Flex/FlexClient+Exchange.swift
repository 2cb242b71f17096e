import Foundation
import Portfolio

extension FlexClient {
    /// What one call brought back, read by its root element only (reference §3).
    enum Answer {
        /// SendRequest's reference code, and where GetStatement goes with it.
        case reference(String, GatewayAddress)
        case statement([UInt8], FlexStatementFormat)
        /// A `FlexStatementResponse` with an error code; the message is IBKR's, cleaned.
        case flexError(code: Int, message: String?)
        /// An HTTP 5xx page or a failed connection: may pass.
        case passing(SourceError)
    }

    /// One call in the token's budget: waits for a slot, sends, and reads the answer.
    /// - Throws: `SourceError` for an answer that ends the fetch (not Flex XML, malformed, a `<Url>` elsewhere).
    func exchange(_ phase: FetchState.Phase, query: FlexQueryID) async throws -> Answer {
        let step = phase.step
        let name = step.endpoint(query)
        try await budget.acquire(for: name)
        let (request, address) = makeRequest(phase, query: query)
        logger.debug("\(FlexRedaction.describe(request, at: address, token: token))")
        let response: GatewayResponse
        do {
            response = try await transport.send(request, to: address)
        } catch let error as SourceError {
            return .passing(FlexRedaction.redact(transportError: error, token: token, endpoint: name))
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            return .passing(
                SourceError(
                    .unreachable, endpoint: name,
                    message: FlexRedaction.redact("no answer: \(String(describing: error).sanitized)", token: token)))
        }
        // Whatever the answer says goes into messages; a page that echoes the request URL must not show the token.
        do {
            switch try read(response, step: step, query: query) {
            case .flexError(let code, let message):
                return .flexError(code: code, message: message.map { FlexRedaction.redact($0, token: token) })
            case .passing(let error):
                return .passing(FlexRedaction.redact(error, token: token))
            case let answer:
                return answer
            }
        } catch {
            throw FlexRedaction.redact(error, token: token)
        }
    }

    private func makeRequest(_ phase: FetchState.Phase, query: FlexQueryID) -> (GatewayRequest, GatewayAddress) {
        let (code, address) = switch phase {
        case .sendRequest: (query.value, endpoint.sendRequestAddress)
        case .getStatement(let reference, let address): (reference, address)
        }
        let items = token.withValue { token in
            [URLQueryItem(name: "t", value: token), URLQueryItem(name: "q", value: code), URLQueryItem(name: "v", value: "3")]
        }
        return (GatewayRequest(.get, "", query: items), address)
    }

    private func read(_ response: GatewayResponse, step: FlexStep, query: FlexQueryID) throws(SourceError) -> Answer {
        let body: FlexResponseBody
        do {
            body = try FlexResponseBody.classify(response.body)
        } catch {
            let failure = FlexFailure.unreadable("a malformed Flex answer: \(error.description)", query: query, step: step)
            if response.status >= 500 { return .passing(failure) }
            throw failure
        }
        switch body {
        case .statement:
            guard step == .getStatement else {
                throw FlexFailure.unreadable("a statement where a reference code belongs", query: query, step: step)
            }
            return .statement(response.body, .xml)
        case .envelope(let envelope):
            if let code = envelope.errorCode { return .flexError(code: code, message: envelope.errorMessage) }
            return .reference(try reference(in: envelope, step: step, query: query), try statementAddress(envelope, query))
        case .foreign(let foreign):
            let failure = FlexFailure.foreign(foreign, status: response.status, query: query, step: step)
            if response.status >= 500 { return .passing(failure) }
            if step == .getStatement, response.status == 200, foreign.kind == .csv || foreign.kind == .text {
                // A query set to CSV or text output: the statement, though not one ibdash can read into history.
                return .statement(response.body, foreign.kind == .csv ? .csv : .text)
            }
            throw failure
        }
    }

    private func reference(in envelope: FlexEnvelope, step: FlexStep, query: FlexQueryID) throws(SourceError) -> String {
        let status = envelope.status.map { "\($0)" } ?? "none"
        guard step == .sendRequest, envelope.status == .success, let reference = envelope.referenceCode else {
            throw FlexFailure.unreadable(
                "an answer with neither a reference code nor an error code (Status \(status.sanitized.prefix(20)))",
                query: query, step: step)
        }
        guard (1...40).contains(reference.count), reference.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw FlexFailure.unreadable(
                "a reference code that is not a plain number: \"\(reference.sanitized.prefix(40))\"",
                query: query, step: step)
        }
        // The reference code is shown in progress lines; one that repeats the token would show it.
        guard !token.withValue({ reference.contains($0) }) else {
            throw FlexFailure.unreadable("a reference code that repeats the token", query: query, step: step)
        }
        return reference
    }

    private func statementAddress(_ envelope: FlexEnvelope, _ query: FlexQueryID) throws(SourceError) -> GatewayAddress {
        guard let url = envelope.url else { return endpoint.statementAddress }
        do {
            return try endpoint.statementAddress(following: url)
        } catch {
            var error = error
            error.endpoint = FlexStep.sendRequest.endpoint(query)
            throw error
        }
    }
}
