import Foundation
import IBKR
import Portfolio

/// libFuzzer's entry point: one answer body as the Client Portal gateway might send it. The JSON parser reads
/// it; a document then goes through every wire model in turn, tickle to snapshot (a body shaped for one
/// endpoint is mostly refused by the others at once, and libFuzzer keeps whatever gets further), and each
/// model that reads it through its mapping into Portfolio's values. Error messages are made too, as the
/// engine shows them. Every outcome is allowed but a crash, a hang or a leak, which libFuzzer reports.
@_cdecl("LLVMFuzzerTestOneInput")
public func clientPortalFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let body = UnsafeRawBufferPointer(start: data, count: size)
    let json: JSONValue
    do {
        json = try JSONValue(parsing: body)
    } catch {
        _ = error.description
        return 0
    }
    _ = json.rendered
    decodeSession(json)
    decodeAccounts(json)
    decodeBalances(json)
    decodeActivity(json)
    return 0
}

private let account = AccountID("U1234567")

/// The model, or nil after its error has been put into words.
private func attempt<Model>(_ decode: () throws(WireError) -> Model) -> Model? {
    do {
        return try decode()
    } catch {
        _ = error.description
        return nil
    }
}

/// `/tickle`, `/iserver/auth/status`, `/sso/validate`, `POST /iserver/account`.
private func decodeSession(_ json: JSONValue) {
    _ = attempt { () throws(WireError) in try TickleAnswer.decode(json) }
    _ = attempt { () throws(WireError) in try AuthStatus.decode(json) }
    _ = attempt { () throws(WireError) in try SSOValidation.decode(json) }?.isPaper
    _ = attempt { () throws(WireError) in try AccountSelection.decode(json) }
}

/// `/iserver/accounts` and `/portfolio/accounts`.
private func decodeAccounts(_ json: JSONValue) {
    _ = attempt { () throws(WireError) in try BrokerageAccounts.decode(json) }?.isUsable
    for row in attempt({ () throws(WireError) in try PortfolioAccount.decodeList(json) }) ?? [] {
        _ = Account(row)
    }
}

/// Summary, ledger, positions and P&L of one account.
private func decodeBalances(_ json: JSONValue) {
    if let summary = attempt({ () throws(WireError) in try SummaryMetrics.decode(json) }) {
        _ = attempt { () throws(WireError) in try AccountSummary(summary, baseCurrency: nil) }
        _ = attempt { () throws(WireError) in try AccountSummary(summary, baseCurrency: Currency("USD")) }
    }
    if let rows = attempt({ () throws(WireError) in try LedgerRow.decodeAll(json) }) {
        _ = Ledger(rows, baseCurrency: Currency("USD"))
    }
    if let page = attempt({ () throws(WireError) in try PositionRow.decodePage(json) }) {
        // Twice through one book: the second pass finds every full definition of the first.
        var book = ContractBook()
        for row in page + page { _ = attempt { () throws(WireError) in try book.position(row, account: account) } }
    }
    if let pnl = attempt({ () throws(WireError) in try PartitionedPnL.decode(json) }) {
        _ = pnl.row(for: account)
        for row in pnl.rows.values { _ = AccountPnL(row) }
    }
}

/// Orders, executions and market data snapshots.
private func decodeActivity(_ json: JSONValue) {
    for row in attempt({ () throws(WireError) in try OrdersAnswer.decode(json) })?.orders ?? [] {
        _ = attempt { () throws(WireError) in try Order(row, account: account) }
    }
    for row in attempt({ () throws(WireError) in try TradeRow.decodeList(json) }) ?? [] {
        _ = Execution(row, account: account)
    }
    for row in attempt({ () throws(WireError) in try SnapshotRow.decodeList(json) }) ?? [] {
        _ = MarketQuote(row)
    }
}
