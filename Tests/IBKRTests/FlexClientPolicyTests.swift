import Foundation
import Portfolio
import Testing

@testable import IBKR

/// Every error code of IBKR's table, on both calls, against the retry policy of reference §4 and §5.4.
@Suite struct FlexClientPolicyTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var code: Int
        var onSendRequest: FlexCodeHandling
        var onGetStatement: FlexCodeHandling
        var testDescription: String { "\(code)" }
    }

    static let table: [Row] = [
        Row(code: 1001, onSendRequest: .transient, onGetStatement: .transient),
        Row(code: 1003, onSendRequest: .permanent, onGetStatement: .permanent),
        Row(code: 1004, onSendRequest: .transient, onGetStatement: .poll),
        Row(code: 1005, onSendRequest: .transient, onGetStatement: .poll),
        Row(code: 1006, onSendRequest: .transient, onGetStatement: .poll),
        Row(code: 1007, onSendRequest: .transient, onGetStatement: .poll),
        Row(code: 1008, onSendRequest: .transient, onGetStatement: .poll),
        Row(code: 1009, onSendRequest: .transient, onGetStatement: .poll),
        Row(code: 1010, onSendRequest: .permanent, onGetStatement: .permanent),
        Row(code: 1011, onSendRequest: .permanent, onGetStatement: .permanent),
        Row(code: 1012, onSendRequest: .permanent, onGetStatement: .permanent),
        Row(code: 1013, onSendRequest: .permanent, onGetStatement: .permanent),
        Row(code: 1014, onSendRequest: .permanent, onGetStatement: .permanent),
        Row(code: 1015, onSendRequest: .permanent, onGetStatement: .permanent),
        Row(code: 1016, onSendRequest: .permanent, onGetStatement: .permanent),
        Row(code: 1017, onSendRequest: .renew, onGetStatement: .renew),
        Row(code: 1018, onSendRequest: .rateLimited, onGetStatement: .rateLimited),
        Row(code: 1019, onSendRequest: .transient, onGetStatement: .poll),
        Row(code: 1020, onSendRequest: .renew, onGetStatement: .renew),
        Row(code: 1021, onSendRequest: .transient, onGetStatement: .poll),
        Row(code: 1025, onSendRequest: .lockout, onGetStatement: .lockout),
        // 1002 is not in IBKR's table; a code nobody knows needs a person to look at it.
        Row(code: 1002, onSendRequest: .permanent, onGetStatement: .permanent),
        Row(code: 4711, onSendRequest: .permanent, onGetStatement: .permanent),
    ]

    @Test(arguments: table) func eachCodeHasItsHandling(_ row: Row) {
        #expect(FlexCodeHandling(code: row.code, step: .sendRequest) == row.onSendRequest)
        #expect(FlexCodeHandling(code: row.code, step: .getStatement) == row.onGetStatement)
    }

    /// One answer with the code at `step`, then everything goes well: what the client sends, waits and returns.
    @Test(arguments: table) func eachCodeIsHandledOnGetStatement(_ row: Row) async throws {
        let service = ScriptedFlexService(get: [.ok(FlexAnswers.error(row.code)), .ok(FlexAnswers.statement)])
        let client = try service.client()
        let outcome = await Outcome.of(service.clock) { try await client.fetchStatement(FlexQueryID("123456")) }
        let steps = service.steps
        let sent = service.sent
        switch row.onGetStatement {
        case .poll, .transient, .rateLimited:
            #expect(outcome.download?.body == Array(FlexAnswers.statement.utf8))
            #expect(steps == [.sendRequest, .getStatement, .getStatement])
            let wait = sent[2].time.since(sent[1].time)
            let expected: Duration = switch row.onGetStatement {
            case .poll: .seconds(5)
            case .transient: .seconds(30)
            default: .seconds(60)
            }
            #expect(wait >= expected && wait < expected + .seconds(2), "waited \(wait)")
            #expect(sent[2].parameter("q") == FlexAnswers.referenceCode, "the same reference is asked again")
        case .renew:
            #expect(outcome.download != nil)
            #expect(steps == [.sendRequest, .getStatement, .sendRequest, .getStatement])
        case .permanent, .lockout:
            let error = try #require(outcome.error)
            #expect(error.kind == .flex(code: row.code, permanent: true))
            #expect(error.endpoint == "Flex GetStatement (query 123456)")
            #expect(error.fix?.isEmpty == false)
            #expect(steps == [.sendRequest, .getStatement], "nothing is sent after a permanent error")
        }
    }

    @Test(arguments: table) func eachCodeIsHandledOnSendRequest(_ row: Row) async throws {
        let service = ScriptedFlexService(
            send: [.ok(FlexAnswers.error(row.code)), .ok(FlexAnswers.reference)], get: [.ok(FlexAnswers.statement)])
        let client = try service.client()
        let outcome = await Outcome.of(service.clock) { try await client.fetchStatement(FlexQueryID("123456")) }
        let sent = service.sent
        switch row.onSendRequest {
        case .transient, .rateLimited, .renew:
            #expect(outcome.download != nil)
            #expect(service.steps == [.sendRequest, .sendRequest, .getStatement])
            let wait = sent[1].time.since(sent[0].time)
            let expected: Duration = switch row.onSendRequest {
            case .transient: .seconds(30)
            case .renew: .seconds(5)
            default: .seconds(60)
            }
            #expect(wait >= expected && wait < expected + .seconds(2), "waited \(wait)")
        case .poll:
            Issue.record("SendRequest never polls")
        case .permanent, .lockout:
            #expect(outcome.error?.kind == .flex(code: row.code, permanent: true))
            #expect(outcome.error?.endpoint == "Flex SendRequest (query 123456)")
            #expect(service.steps == [.sendRequest])
        }
    }

    @Test func everyPermanentCodeHasItsOwnFix() throws {
        let query = try FlexQueryID("123456")
        let codes = [1003, 1010, 1011, 1012, 1013, 1014, 1015, 1016, 1017, 1020, 1025]
        let fixes = codes.map { FlexFailure.explanation(of: $0, query: query).fix }
        #expect(Set(fixes).count == codes.count)
        let expired = FlexFailure.permanent(code: 1012, ibkrMessage: "Token has expired.", query: query, step: .sendRequest)
        #expect(expired.message == "Flex token expired (IBKR: \"Token has expired.\")")
        #expect(expired.fix == "make a new one in Client Portal → Performance & Reports → Flex Queries → Flex Web Service")
    }

    @Test func pollingDelaysGrowAndStopAtTheMaximumWait() async throws {
        let service = ScriptedFlexService(get: [.ok(FlexAnswers.generating)])
        let client = try service.client(policy: FlexRetryPolicy(maxWait: .seconds(300), jitter: 0))
        let start = service.clock.now
        let outcome = await Outcome.of(service.clock) { try await client.fetchStatement(FlexQueryID("123456")) }
        let error = try #require(outcome.error)
        #expect(error.kind == .timeout)
        #expect(error.message.contains("still being generated after 5 min (reference 4818532107)"))
        #expect(error.fix?.contains("--flex-max-wait") == true)
        let times = service.sent.map { Int($0.time.since(start).timeInterval.rounded()) }
        // SendRequest at 0, the first poll 5 s later, then 5, 5, 10, 10, 15, 15, 30, 30, …
        #expect(Array(times.prefix(10)) == [0, 5, 10, 15, 25, 35, 50, 65, 95, 125])
        #expect(times.last.map { $0 <= 300 } == true)
        #expect(times.count == 15, "\(times)")
    }

    @Test func delaysAreJitteredWithinTwentyPercent() async throws {
        let service = ScriptedFlexService(get: [.ok(FlexAnswers.generating)])
        let client = try service.client(policy: FlexRetryPolicy(maxWait: .seconds(600)))
        _ = await Outcome.of(service.clock) { try await client.fetchStatement(FlexQueryID("123456")) }
        let gets = service.sent.filter { $0.step == .getStatement }.map(\.time)
        let nominal: [Double] = [5, 5, 10, 10, 15, 15, 30, 30, 30]
        let gaps = zip(gets.dropFirst(), gets).map { $0.timeIntervalSince($1) }
        for (gap, expected) in zip(gaps, nominal) {
            #expect(gap >= expected * 0.8 - 0.01 && gap <= expected * 1.2 + 0.01, "\(gap) for \(expected)")
        }
        #expect(Set(gaps.prefix(9).map { Int($0 * 1000) }).count > 3, "the delays vary")
    }

    @Test func passingFailuresAreRetriedThreeTimesWithLongerDelays() async throws {
        let service = ScriptedFlexService(get: [.ok(FlexAnswers.error(1001))])
        let client = try service.client()
        let error = try #require(await Outcome.of(service.clock) { try await client.fetchStatement(FlexQueryID("123456")) }.error)
        #expect(error.kind == .flex(code: 1001, permanent: false))
        #expect(error.message.contains("after 4 tries"))
        #expect(error.fix?.contains("--flex-endpoint") == true)
        let gets = service.sent.filter { $0.step == .getStatement }.map(\.time)
        #expect(zip(gets.dropFirst(), gets).map { Int($0.timeIntervalSince($1).rounded()) } == [30, 60, 120])
    }

    @Test func aServerErrorPageIsRetriedAndAWrongPathIsNot() async throws {
        let outage = GatewayResponse(
            status: 500, text: "<html><body>We are sorry, our services are temporarily unavailable</body></html>")
        let passing = ScriptedFlexService(get: [outage, .ok(FlexAnswers.statement)])
        #expect(await Outcome.of(passing.clock) { try await passing.client().fetchStatement(FlexQueryID("1")) }.download != nil)
        #expect(passing.steps == [.sendRequest, .getStatement, .getStatement])

        let notFound = GatewayResponse(
            status: 404,
            text: "<!DOCTYPE html>\n<html><head><title>404 Page Not Found</title></head><body>" + String(repeating: "x", count: 11_000))
        let wrongPath = ScriptedFlexService(send: [notFound], get: [.ok(FlexAnswers.statement)])
        let error = try #require(await Outcome.of(wrongPath.clock) { try await wrongPath.client().fetchStatement(FlexQueryID("1")) }.error)
        #expect(error.kind == .server(status: 404))
        #expect(error.message == "the Flex service answered HTTP 404 with an HTML page instead of Flex XML: \"404 Page Not Found\"")
        #expect(error.fix?.contains("/AccountManagement/FlexWebService") == true)
        #expect(wrongPath.steps == [.sendRequest])
    }

    @Test func csvOutputIsReturnedAsItCame() async throws {
        let csv = "\"ClientAccountID\",\"AccountAlias\",\"Model\"\n\"U1234567\",\"\",\"\"\n"
        let service = ScriptedFlexService(get: [.ok(csv)])
        let download = try #require(await Outcome.of(service.clock) { try await service.client().fetchStatement(FlexQueryID("1")) }.download)
        #expect(download.format == .csv && download.body == Array(csv.utf8))
    }

    @Test func tooManyRequestsPausesAMinuteAndGivesUpAfterThree() async throws {
        let service = ScriptedFlexService(get: [.ok(FlexAnswers.error(1018))])
        let error = try #require(await Outcome.of(service.clock) { try await service.client().fetchStatement(FlexQueryID("1")) }.error)
        #expect(error.kind == .flex(code: 1018, permanent: false))
        let gets = service.sent.filter { $0.step == .getStatement }.map(\.time)
        #expect(gets.count == 3)
        #expect(zip(gets.dropFirst(), gets).allSatisfy { $0.timeIntervalSince($1) >= 60 })
    }

    @Test func aSecondRenewalIsNotTried() async throws {
        let service = ScriptedFlexService(get: [.ok(FlexAnswers.error(1020))])
        let error = try #require(await Outcome.of(service.clock) { try await service.client().fetchStatement(FlexQueryID("1")) }.error)
        #expect(error.kind == .flex(code: 1020, permanent: true))
        #expect(service.steps == [.sendRequest, .getStatement, .sendRequest, .getStatement])
    }

    @Test func aLockoutStopsEveryRequestOfTheToken() async throws {
        let service = ScriptedFlexService(get: [.ok(FlexAnswers.error(1025))])
        let budget = FlexTokenBudget(time: service.clock)
        let client = try service.client(budget: budget)
        let first = try #require(await Outcome.of(service.clock) { try await client.fetchStatement(FlexQueryID("1")) }.error)
        #expect(first.kind == .flex(code: 1025, permanent: true))
        let other = try service.client(budget: budget)
        let second = try #require(await Outcome.of(service.clock) { try await other.fetchStatement(FlexQueryID("2")) }.error)
        #expect(second == first)
        #expect(service.steps == [.sendRequest, .getStatement], "nothing more was sent")
    }

    @Test func cancellingStopsPolling() async throws {
        let service = ScriptedFlexService(get: [.ok(FlexAnswers.generating)])
        let client = try service.client()
        let task = Task { try await client.fetchStatement(FlexQueryID("1")) }
        for _ in 0..<20 { await service.clock.advance(by: .seconds(1)) }
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        let count = service.sent.count
        await service.clock.advance(by: .seconds(120))
        #expect(service.sent.count == count)
    }

    @Test func requestsCarryTheQueryTheReferenceAndVersion3() async throws {
        let service = ScriptedFlexService(get: [.ok(FlexAnswers.statement)])
        _ = await Outcome.of(service.clock) { try await service.client().fetchStatement(FlexQueryID("987654")) }
        let sent = service.sent
        #expect(sent.map { $0.request.query.map(\.name) } == [["t", "q", "v"], ["t", "q", "v"]])
        #expect(sent[0].parameter("q") == "987654" && sent[1].parameter("q") == FlexAnswers.referenceCode)
        #expect(sent.allSatisfy { $0.parameter("v") == "3" && $0.parameter("t") == FlexAnswers.token })
        #expect(sent[0].address.baseURL == "https://ndcdyn.interactivebrokers.com/AccountManagement/FlexWebService/SendRequest")
        #expect(sent[1].address.baseURL == FlexAnswers.statementURL)
    }
}

/// What a fetch on a scripted service ended with, run on the service's virtual clock.
struct Outcome: Sendable {
    var download: FlexDownload?
    var error: SourceError?

    static func of(_ clock: VirtualTimeSource, _ fetch: @escaping @Sendable () async throws -> FlexDownload) async -> Outcome {
        do {
            return Outcome(download: try await driveToDeadlines(clock, fetch))
        } catch let error as SourceError {
            return Outcome(error: error)
        } catch {
            Issue.record("the fetch threw \(error)")
            return Outcome()
        }
    }
}
