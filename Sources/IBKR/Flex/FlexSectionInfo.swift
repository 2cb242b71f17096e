/// One section of a statement as the parser met it, in document order: for `ibdash flex parse` and diagnostics.
public struct FlexSectionInfo: Sendable, Hashable, Encodable {
    public enum Status: String, Sendable, Hashable, Encodable {
        /// Read into the statement's models.
        case parsed
        /// A section IBKR documents that ibdash does not use; checked for well-formedness and skipped.
        case skipped
        /// A section this parser does not know (IBKR adds sections over time); skipped and counted.
        case unknown
    }

    /// The element name, e.g. `Trades`.
    public var name: String
    public var status: Status
    /// Rows: the section's data elements (for a single-element section such as ChangeInNAV, 1).
    public var rows: Int

    public init(name: String, status: Status, rows: Int) {
        self.name = name
        self.status = status
        self.rows = rows
    }
}
