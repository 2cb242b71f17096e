import Portfolio

/// The errors a Flex fetch ends with, each with one fix a person can act on. Nothing here ever holds the token:
/// messages are made from codes, IBKR's cleaned message, the query id and the reference code.
enum FlexFailure {
    private static let flexQueries = "Client Portal → Performance & Reports → Flex Queries"
    private static let webService = "\(flexQueries) → Flex Web Service"

    /// What a code that needs the user means, and the fix.
    static func explanation(of code: Int, query: FlexQueryID) -> (meaning: String, fix: String) {
        switch code {
        case 1003:
            ("the statement is not available (IBKR has not published it yet, or the period has none)",
             "try again after IBKR's end-of-day update, or check the query's period in \(flexQueries)")
        case 1010:
            ("query \(query) is a legacy Flex query, which IBKR no longer serves",
             "make it again as an Activity Flex query in \(flexQueries)")
        case 1011:
            ("the Flex Web Service is not active for this account",
             "turn it on in \(webService) Configuration")
        case 1012:
            ("Flex token expired",
             "make a new one in \(webService)")
        case 1013:
            ("the Flex token is restricted to another IP address",
             "make a token without the IP restriction, or for this machine's address, in \(webService)")
        case 1014:
            ("query \(query) is not valid for this token",
             "check --flex-query: the Query ID beside the query in \(flexQueries), of the account the token is for")
        case 1015:
            ("the Flex token is not valid (making a new token revokes the old one)",
             "copy the current token from \(webService), or make a new one there")
        case 1016:
            ("the account of query \(query) is not valid",
             "check in \(flexQueries) that the query's account is open and the token belongs to it")
        case 1017:
            ("IBKR refused the reference code of query \(query) twice",
             "try again later; if it persists, check that no other program shares the token")
        case 1020:
            ("IBKR could not validate the request for query \(query), twice",
             "check the Query ID and the token; if both are right, try again later")
        case 1025:
            ("IBKR has locked the token after too many failed attempts",
             "wait a few hours before fetching again: every request during the lockout extends it")
        default:
            ("IBKR's Flex error \(code)",
             "look the code up in IBKR's Flex Web Service error codes")
        }
    }

    /// The one error of a code that needs the user.
    static func permanent(code: Int, ibkrMessage: String?, query: FlexQueryID, step: FlexStep) -> SourceError {
        let (meaning, fix) = explanation(of: code, query: query)
        return SourceError(
            .flex(code: code, permanent: true), endpoint: step.endpoint(query),
            message: meaning + quoted(ibkrMessage), fix: fix)
    }

    /// Passing failures that did not pass within the retries.
    static func persisted(code: Int, ibkrMessage: String?, query: FlexQueryID, step: FlexStep, tries: Int) -> SourceError {
        let meaning = code == 1018
            ? "IBKR still refuses: too many requests from this token"
            : "IBKR could not produce the statement"
        let fix = code == 1018
            ? "check that no other program uses the same token; ibdash tries again later"
            : code == 1001
                ? "try again later; if it persists, check --flex-endpoint (IBKR's legacy URLs answer 1001 to everything)"
                : "try again later"
        return SourceError(
            .flex(code: code, permanent: false), endpoint: step.endpoint(query),
            message: "\(meaning) after \(tries) tries" + quoted(ibkrMessage), fix: fix)
    }

    /// The statement was still being generated when the fetch's time ran out.
    static func stillGenerating(query: FlexQueryID, reference: String?, after wait: Duration) -> SourceError {
        let reference = reference.map { " (reference \($0))" } ?? ""
        return SourceError(
            .timeout, endpoint: FlexStep.getStatement.endpoint(query),
            message: "the statement was still being generated after \(FlexProgress.words(wait))\(reference)",
            fix: "try again later, or allow longer with --flex-max-wait")
    }

    /// An HTML page, CSV where an envelope belongs, or nothing: never parsed, only shown in part.
    static func foreign(_ body: FlexForeignBody, status: Int, query: FlexQueryID, step: FlexStep) -> SourceError {
        let what = switch body.kind {
        case .empty: "an empty body"
        case .html: "an HTML page"
        case .csv: "CSV"
        case .text: "text"
        case .xml: "XML with root <\(body.rootElement ?? "?")>"
        }
        let preview = body.kind == .empty ? "" : ": \"\(body.shortPreview)\""
        let http = status == 200 ? "" : "HTTP \(status) with "
        return SourceError(
            status == 200 ? .decoding : .server(status: status), endpoint: step.endpoint(query),
            message: "the Flex service answered \(http)\(what) instead of Flex XML\(preview)",
            fix: "check --flex-endpoint: the service's base URL ends in \(FlexEndpoint.defaultPath)")
    }

    static func unreadable(_ problem: String, query: FlexQueryID, step: FlexStep) -> SourceError {
        SourceError(.decoding, endpoint: step.endpoint(query), message: problem)
    }

    private static func quoted(_ ibkrMessage: String?) -> String {
        guard let text = ibkrMessage?.sanitized, !text.isEmpty else { return "" }
        return " (IBKR: \"\(text.count > 160 ? String(text.prefix(160)) + "…" : text)\")"
    }
}
