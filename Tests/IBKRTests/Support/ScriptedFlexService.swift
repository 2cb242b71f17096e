import Foundation
import Portfolio
import Logging
import Synchronization

@testable import IBKR

/// A Flex service answering from a script on a virtual clock: SendRequest and GetStatement each answer from
/// their own list, in order (the last answer repeats). Every request is kept with the time it was sent.
final class ScriptedFlexService: FlexTransport {
    struct Sent: Sendable {
        var step: FlexStep
        var request: GatewayRequest
        var address: GatewayAddress
        var time: Date

        func parameter(_ name: String) -> String? { request.query.first { $0.name == name }?.value }
    }

    /// Answers a request, given how many requests of its step came before it.
    typealias Script = @Sendable (Sent, _ count: Int) -> GatewayResponse

    let clock: VirtualTimeSource
    private let script: Script
    private let log = Mutex<[Sent]>([])

    init(clock: VirtualTimeSource = VirtualTimeSource(), script: @escaping Script) {
        self.clock = clock
        self.script = script
    }

    /// SendRequest and GetStatement answer from their lists in order; the last answer of a list repeats.
    convenience init(
        clock: VirtualTimeSource = VirtualTimeSource(), send: [GatewayResponse] = [.ok(FlexAnswers.reference)],
        get: [GatewayResponse]
    ) {
        self.init(clock: clock) { sent, count in
            let answers = sent.step == .sendRequest ? send : get
            guard let last = answers.last else { return GatewayResponse(status: 404, text: "") }
            return count < answers.count ? answers[count] : last
        }
    }

    var sent: [Sent] { log.withLock { $0 } }
    var steps: [FlexStep] { sent.map(\.step) }

    func send(_ request: GatewayRequest, to address: GatewayAddress) async throws -> GatewayResponse {
        let step: FlexStep = address.basePath.hasSuffix("/SendRequest") ? .sendRequest : .getStatement
        let sent = Sent(step: step, request: request, address: address, time: clock.now)
        let count = log.withLock { log in
            log.append(sent)
            return log.filter { $0.step == step }.count - 1
        }
        return script(sent, count)
    }

    /// A client of this service with a budget of its own.
    func client(
        token: String = FlexAnswers.token, policy: FlexRetryPolicy = FlexRetryPolicy(jitter: 0),
        endpoint: FlexEndpoint = .ibkr, budget: FlexTokenBudget? = nil, logger: Logger? = nil
    ) throws -> FlexClient {
        FlexClient(
            endpoint: endpoint, token: try Secret(token, name: "Flex token"), transport: self,
            budget: budget ?? FlexTokenBudget(time: clock), policy: policy,
            logger: logger ?? .quiet)
    }
}

/// Flex answers as IBKR writes them (reference §3).
enum FlexAnswers {
    static let token = "734918273649182736491827"
    static let referenceCode = "4818532107"
    static let statementURL = "https://gdcdyn.interactivebrokers.com/AccountManagement/FlexWebService/GetStatement"

    static var reference: String { reference(url: statementURL) }

    static func reference(url: String?) -> String {
        """
        <FlexStatementResponse timestamp='02 November, 2026 09:15 AM EST'>
        <Status>Success</Status>
        <ReferenceCode>\(referenceCode)</ReferenceCode>
        \(url.map { "<Url>\($0)</Url>" } ?? "")
        </FlexStatementResponse>
        """
    }

    static func error(_ code: Int, status: String = "Fail", message: String = "Something IBKR says.") -> String {
        """
        <FlexStatementResponse timestamp='02 November, 2026 09:15 AM EST'>
        <Status>\(status)</Status>
        <ErrorCode>\(code)</ErrorCode>
        <ErrorMessage>\(message)</ErrorMessage>
        </FlexStatementResponse>
        """
    }

    static let generating = error(1019, status: "Warn", message: "Statement generation in progress. Please try again shortly.")

    static let statement = """
        <FlexQueryResponse queryName="Test" type="AF">
        <FlexStatements count="1">
        <FlexStatement accountId="U1234567" fromDate="20261001" toDate="20261030" period="" whenGenerated="20261031;031542">
        <EquitySummaryInBase>
        <EquitySummaryByReportDateInBase accountId="U1234567" currency="USD" reportDate="20261029" total="1000" />
        <EquitySummaryByReportDateInBase accountId="U1234567" currency="USD" reportDate="20261030" total="1010" />
        </EquitySummaryInBase>
        </FlexStatement>
        </FlexStatements>
        </FlexQueryResponse>
        """
}
