import Foundation
import IBKR
import Portfolio

/// libFuzzer's entry point: one body as the Flex Web Service might send it, through everything ibdash does
/// with such a body. `FlexClient` and `ibdash flex parse` classify it first; the statement parser then reads
/// it (here whatever the root, so that malformed markup of every kind reaches it); a statement goes on into
/// the text and JSON of `flex parse` and into the history the dashboard shows. Every outcome is allowed but
/// a crash, a hang or a leak, which libFuzzer reports.
///
/// The bytes are read where libFuzzer put them, a heap block of exactly their size, so the address sanitizer
/// sees a read one byte past the end.
@_cdecl("LLVMFuzzerTestOneInput")
public func flexBodyFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let body = UnsafeRawBufferPointer(start: data, count: size)
    describeClassification(of: body)
    if let response = try? FlexStatementParser().parse(body) { follow(response) }
    return 0
}

/// What `FlexClient` and `flex parse` make of an envelope or a foreign body, texts included.
private func describeClassification(of body: UnsafeRawBufferPointer) {
    do {
        switch try FlexResponseBody.classify(body) {
        case .envelope(let envelope):
            _ = envelope.timestampDate
            _ = envelope.isGenerationInProgress
            if let url = envelope.url { _ = try? FlexEndpoint.ibkr.statementAddress(following: url) }
        case .foreign(let foreign):
            _ = foreign.shortPreview
        case .statement:
            break
        }
    } catch {
        _ = error.description
    }
}

/// A parsed statement as `flex parse` (text and `--json`) and the dashboard's history read it.
private func follow(_ response: FlexQueryResponse) {
    _ = FlexParseSummary(response).description
    _ = try? JSONEncoder().encode(response)
    let snapshot = FlexHistoryMapping().snapshot(of: response, fetchedAt: Date(timeIntervalSince1970: 0))
    for history in snapshot.accounts.values {
        _ = history.realizedYearToDate
        for trade in history.trades { _ = trade.realizedPnlInBase }
    }
}
