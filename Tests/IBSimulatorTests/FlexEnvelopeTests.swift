import Foundation
import Testing

@testable import IBSimulator

/// The envelopes of reference §3, compared byte for byte with the ones captured from IBKR.
/// One test at a time, for the reason FlexStatementTests gives.
@Suite(.serialized) struct FlexEnvelopeTests {
    private func fixture(_ name: String) throws -> String {
        try String(contentsOf: SharedFixtures.flex.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func errorsAreByteForByteAsCaptured() async throws {
        try await SimulatorHarness.withFlex { harness, _ async throws in
            let unknown = try await harness.sendRequest(token: "999999")
            #expect(unknown.status == 200)
            #expect(unknown.body == (try fixture("error-1015.xml")))
            #expect(try await harness.flex("SendRequest", [("t", SimulatorHarness.token), ("q", "100001")]).body
                == (try fixture("error-1020.xml")))
            try await harness.simulator.flex(.token(SimulatorHarness.token, .expired))
            #expect(try await harness.sendRequest().body == (try fixture("error-1012.xml")))
            let legacy = try await harness.flexURL(
                harness.endpoints.flexEndpoint.absoluteString + ".SendRequest?t=1&q=1&v=3")
            #expect(legacy.body == (try fixture("error-1001.xml")))
        }
    }

    @Test func rateLimitIsByteForByteAsCaptured() async throws {
        try await SimulatorHarness.withFlex(configuring: { $0.flex.switches.pacing = true }) { harness, _ async throws in
            _ = try await harness.sendRequest()
            #expect(try await harness.sendRequest().body == (try fixture("send-request-error-1018.xml")))
        }
    }

    @Test func successDiffersFromTheCaptureOnlyInReferenceAndURL() async throws {
        try await SimulatorHarness.withFlex { harness, _ async throws in
            let body = try await harness.sendRequest().body
            let envelope = Envelope(body)
            let reference = try #require(envelope.referenceCode)
            #expect(reference.count == 10 && reference.allSatisfy(\.isNumber))
            #expect(envelope.url == harness.endpoints.flexEndpoint.absoluteString + "/GetStatement")
            let expected = try fixture("send-request-success.xml")
                .replacingOccurrences(of: "4818532107", with: reference)
                .replacingOccurrences(
                    of: "https://gdcdyn.interactivebrokers.com/AccountManagement/FlexWebService/GetStatement",
                    with: try #require(envelope.url))
            #expect(body == expected)
        }
    }

    @Test func generationInProgressIsAWarning() async throws {
        try await SimulatorHarness.withFlex { harness, _ async throws in
            let reference = try #require(Envelope(try await harness.sendRequest().body).referenceCode)
            let pending = try await harness.getStatement(reference: reference)
            #expect(pending.body == (try fixture("get-statement-1019.xml")))
        }
    }

    /// 09:45 UTC on 26 July 2023 is `26 July, 2023 05:45 AM EDT`, as in reference §3.3.
    @Test func timestampsUseTwelveHourClockInNewYork() throws {
        let zone = TradingCalendar().newYork
        let midnight = try #require(ISO8601DateFormatter().date(from: "2026-01-05T05:05:00Z"))
        let noon = try #require(ISO8601DateFormatter().date(from: "2026-06-30T16:30:00Z"))
        #expect(FlexEnvelope.timestamp(midnight, zone: zone) == "05 January, 2026 12:05 AM EST")
        #expect(FlexEnvelope.timestamp(noon, zone: zone) == "30 June, 2026 12:30 PM EDT")
        let summer = Date(timeIntervalSince1970: 1_690_364_700)
        #expect(FlexEnvelope.timestamp(summer, zone: zone) == "26 July, 2023 05:45 AM EDT")
    }
}
