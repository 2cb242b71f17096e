/// The Flex Web Service's error codes with IBKR's messages (reference §4), and 1025, seen once in 2026.
public enum FlexErrorCode: Int, Error, Sendable, Hashable, CaseIterable {
    case generationFailed = 1001
    case statementNotAvailable = 1003
    case statementIncomplete = 1004
    case settlementNotReady = 1005
    case fifoNotReady = 1006
    case mtmNotReady = 1007
    case mtmAndFifoNotReady = 1008
    case heavyLoad = 1009
    case legacyQuery = 1010
    case serviceInactive = 1011
    case tokenExpired = 1012
    case ipRestriction = 1013
    case queryInvalid = 1014
    case tokenInvalid = 1015
    case accountInvalid = 1016
    case referenceInvalid = 1017
    case tooManyRequests = 1018
    case generationInProgress = 1019
    case invalidRequest = 1020
    case notRetrieved = 1021
    case tooManyFailures = 1025

    public var message: String {
        switch self {
        case .generationFailed: "Statement could not be generated at this time. Please try again shortly."
        case .statementNotAvailable: "Statement is not available."
        case .statementIncomplete: "Statement is incomplete at this time. Please try again shortly."
        case .settlementNotReady: "Settlement data is not ready at this time. Please try again shortly."
        case .fifoNotReady: "FIFO P/L data is not ready at this time. Please try again shortly."
        case .mtmNotReady: "MTM P/L data is not ready at this time. Please try again shortly."
        case .mtmAndFifoNotReady: "MTM and FIFO P/L data is not ready at this time. Please try again shortly."
        case .heavyLoad:
            "The server is under heavy load. Statement could not be generated at this time. Please try again shortly."
        case .legacyQuery: "Legacy Flex Queries are no longer supported. Please convert over to Activity Flex."
        case .serviceInactive: "Service account is inactive."
        case .tokenExpired: "Token has expired."
        case .ipRestriction: "IP restriction."
        case .queryInvalid: "Query is invalid."
        case .tokenInvalid: "Token is invalid."
        case .accountInvalid: "Account in invalid."
        case .referenceInvalid: "Reference code is invalid."
        case .tooManyRequests: "Too many requests have been made from this token. Please try again shortly."
        case .generationInProgress: "Statement generation in progress. Please try again shortly."
        case .invalidRequest: "Invalid request or unable to validate request."
        case .notRetrieved: "Statement could not be retrieved at this time. Please try again shortly."
        case .tooManyFailures: "Too many failed attempts. Please review your configuration."
        }
    }

    /// `Warn` for "still generating", as every real capture has it; `Fail` otherwise.
    public var status: String { self == .generationInProgress ? "Warn" : "Fail" }
}
