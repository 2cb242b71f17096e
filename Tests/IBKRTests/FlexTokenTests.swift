import Foundation
import Portfolio
import Testing

@testable import IBKR

/// The token: its budget of 1 request a second and 10 a minute, and that it never shows anywhere.
@Suite struct FlexTokenTests {
    private static let token = FlexAnswers.token

    @Test func manyConcurrentFetchesStayWithinOneASecondAndTenAMinute() async throws {
        let clock = VirtualTimeSource()
        // Each query needs a few polls; one of them meets a 1018 along the way.
        let service = ScriptedFlexService(clock: clock) { sent, count in
            if sent.step == .sendRequest { return .ok(FlexAnswers.reference) }
            if count == 7 { return .ok(FlexAnswers.error(1018)) }
            return .ok(count % 4 == 3 ? FlexAnswers.statement : FlexAnswers.generating)
        }
        let budget = FlexTokenBudget(time: clock)
        let clients = try (0..<8).map { _ in try service.client(budget: budget) }
        let done = Locked(0)
        try await driveToDeadlines(clock, sleepers: { clients.count - done.value }) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, client) in clients.enumerated() {
                    group.addTask {
                        _ = try await client.fetchStatement(FlexQueryID("\(1000 + index)"))
                        done.withLock { $0 += 1 }
                    }
                }
                try await group.waitForAll()
            }
        }
        #expect(done.value == clients.count)
        let times = service.sent.map(\.time).sorted()
        #expect(times.count >= 30)
        for (later, earlier) in zip(times.dropFirst(), times) {
            #expect(later.timeIntervalSince(earlier) >= 1, "two requests within a second")
        }
        for (later, earlier) in zip(times.dropFirst(10), times) {
            #expect(later.timeIntervalSince(earlier) >= 60, "eleven requests within a minute")
        }
    }

    @Test func aPauseAfter1018HoldsBackEveryQueryOfTheToken() async throws {
        let clock = VirtualTimeSource()
        let limited = ScriptedFlexService(clock: clock, get: [.ok(FlexAnswers.error(1018)), .ok(FlexAnswers.statement)])
        let other = ScriptedFlexService(clock: clock, get: [.ok(FlexAnswers.statement)])
        let budget = FlexTokenBudget(time: clock)
        let first = try limited.client(budget: budget)
        let second = try other.client(budget: budget)
        let finished = Locked(0)
        try await driveToDeadlines(clock, sleepers: { 2 - finished.value }) {
            async let a = Self.fetch(first, "1", counting: finished)
            async let b = Self.fetch(second, "2", counting: finished)
            _ = try await (a, b)
        }
        let refused = try #require(limited.sent.first { $0.step == .getStatement }?.time)
        let otherGet = try #require(other.sent.first { $0.step == .getStatement }?.time)
        #expect(otherGet.timeIntervalSince(refused) >= 60, "the other query waited out the pause too")
    }

    @Test func theSharedBudgetIsOnePerToken() throws {
        let clock = VirtualTimeSource()
        let one = try Secret("111122223333444455556666", name: "Flex token")
        let again = try Secret("111122223333444455556666", name: "Flex token")
        let other = try Secret("999922223333444455556666", name: "Flex token")
        #expect(FlexTokenBudget.shared(for: one, time: clock) === FlexTokenBudget.shared(for: again, time: clock))
        #expect(FlexTokenBudget.shared(for: one, time: clock) !== FlexTokenBudget.shared(for: other, time: clock))
    }

    /// Answers that could carry the token back: an error page echoing the URL, IBKR's message, a network error.
    @Test func theTokenNeverAppearsInErrorsProgressOrLogs() async throws {
        let echo = "https://ndcdyn.interactivebrokers.com/AccountManagement/FlexWebService/SendRequest?t=\(Self.token)&q=1&v=3"
        let answers: [GatewayResponse] = [
            GatewayResponse(status: 404, text: "<html><head><title>Not found: \(echo)</title></head></html>"),
            GatewayResponse(status: 200, text: "No such page: \(echo)"),
            .ok(FlexAnswers.error(1015, message: "Token \(Self.token) is invalid.")),
            .ok(FlexAnswers.error(1012, message: "Token has expired.")),
            .ok(FlexAnswers.reference(url: "https://evil.example/GetStatement?t=\(Self.token)")),
            .ok(FlexAnswers.reference(url: "https://evil.example/\(Self.token)/GetStatement")),
            .ok("<FlexStatementResponse><Status>Success</Status><ReferenceCode>\(Self.token)</ReferenceCode></FlexStatementResponse>"),
        ] + (1001...1025).map { .ok(FlexAnswers.error($0, message: "Echo \(echo)")) }
        for answer in answers {
            let log = CapturedLog()
            let progress = Locked<[String]>([])
            let service = ScriptedFlexService(send: [answer], get: [.ok(FlexAnswers.statement)])
            let client = try service.client(policy: FlexRetryPolicy(maxWait: .seconds(120)), logger: log.logger)
            let outcome = await Outcome.of(service.clock) {
                try await client.fetchStatement(FlexQueryID("1")) { event in progress.withLock { $0.append(event.description) } }
            }
            var seen = log.all + progress.value + ["\(client)", String(reflecting: client)]
            var dumped = ""
            dump(client, to: &dumped)
            seen.append(dumped)
            if let error = outcome.error {
                seen += [error.description, error.message, error.fix ?? "", error.endpoint, "\(error)"]
            }
            for text in seen { #expect(!text.contains(Self.token), "\(text)") }
            #expect(log.all.contains { $0.contains("SendRequest?t=<redacted>&q=1&v=3") }, "the request is logged, redacted")
        }
    }

    @Test func aFailingTransportCannotLeakTheTokenEither() async throws {
        struct Leaky: FlexTransport {
            func send(_ request: GatewayRequest, to address: GatewayAddress) async throws -> GatewayResponse {
                throw SourceError(
                    .unreachable, endpoint: request.target, message: "cannot reach \(address.baseURL)\(request.target)",
                    fix: "start the Client Portal Gateway")
            }
        }
        let clock = VirtualTimeSource()
        let client = FlexClient(
            endpoint: .ibkr, token: try Secret(Self.token, name: "Flex token"), transport: Leaky(),
            budget: FlexTokenBudget(time: clock), policy: FlexRetryPolicy(jitter: 0), logger: .quiet)
        let error = try #require(await Outcome.of(clock) { try await client.fetchStatement(FlexQueryID("1")) }.error)
        #expect(error.kind == .unreachable && error.endpoint == "Flex SendRequest (query 1)")
        #expect(error.message.contains("t=<redacted>") && !error.description.contains(Self.token))
        #expect(error.fix?.contains("--flex-endpoint") == true, "not the gateway's fix")
    }

    @Test func aTokenFileOthersCanReadIsRefused() throws {
        let path = try Self.tokenFile(mode: 0o640)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let options = FlexConnection.Options(tokenFile: path, userAgent: "ibdash/test", environment: [:])
        let error = #expect(throws: SourceError.self) { try FlexConnection.open(options) }
        #expect(error?.kind == .configuration)
        #expect(error?.fix == "run: chmod 600 \(path)")
        #expect(error.map { !$0.description.contains(Self.token) } == true)
    }

    @Test func theTokenComesFromTheEnvironmentOrAPrivateFile() async throws {
        let path = try Self.tokenFile(mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromFile = try FlexConnection.open(
            FlexConnection.Options(queries: ["123", "456", "123"], tokenFile: path, userAgent: "ibdash/test", environment: [:]))
        #expect(fromFile.queries.map(\.value) == ["123", "456"])
        #expect(fromFile.client.token.withValue { $0 } == Self.token)
        await fromFile.close()
        let fromEnvironment = try FlexConnection.open(
            FlexConnection.Options(
                tokenFile: "/nonexistent", userAgent: "ibdash/test", environment: ["IBDASH_FLEX_TOKEN": "42424242"]))
        #expect(fromEnvironment.client.token.withValue { $0 } == "42424242")
        await fromEnvironment.close()
        let none = #expect(throws: SourceError.self) {
            try FlexConnection.open(FlexConnection.Options(userAgent: "ibdash/test", environment: [:]))
        }
        #expect(none?.kind == .configuration && none?.fix?.contains("IBDASH_FLEX_TOKEN") == true)
        let badQuery = #expect(throws: SourceError.self) {
            try FlexConnection.open(
                FlexConnection.Options(queries: ["12a"], userAgent: "ibdash/test", environment: ["IBDASH_FLEX_TOKEN": "1"]))
        }
        #expect(badQuery?.endpoint == "--flex-query")
    }

    private static func fetch(_ client: FlexClient, _ query: String, counting finished: Locked<Int>) async throws {
        _ = try await client.fetchStatement(FlexQueryID(query))
        finished.withLock { $0 += 1 }
    }

    private static func tokenFile(mode: mode_t) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ibdash-flex-\(UUID().uuidString)").path
        try (token + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, mode)
        return path
    }
}
