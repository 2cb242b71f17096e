import Foundation

/// The output format of a Flex query, as set in Client Portal. Only XML can be read into history.
public enum FlexStatementFormat: String, Hashable, Sendable {
    case xml, csv, text
}

/// One statement as GetStatement sent it: the raw bytes, untouched, and where they came from.
public struct FlexDownload: Hashable, Sendable {
    public var query: FlexQueryID
    public var body: [UInt8]
    public var format: FlexStatementFormat
    /// The reference code it was fetched with, for diagnostics.
    public var referenceCode: String?
    public var fetchedAt: Date

    public init(query: FlexQueryID, body: [UInt8], format: FlexStatementFormat, referenceCode: String?, fetchedAt: Date) {
        self.query = query
        self.body = body
        self.format = format
        self.referenceCode = referenceCode
        self.fetchedAt = fetchedAt
    }
}
