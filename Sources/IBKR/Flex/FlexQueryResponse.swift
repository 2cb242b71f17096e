/// A parsed Flex statement document (root `FlexQueryResponse`): one `FlexStatement` per account.
public struct FlexQueryResponse: Sendable, Hashable, Encodable {
    public var queryName: String?
    /// `AF` (Activity Flex) or `TCF` (Trade Confirmation Flex).
    public var type: String?
    /// `FlexStatements count`, as written; compare with `statements.count`.
    public var declaredStatementCount: Int?
    public var statements: [FlexStatement] = []
    /// A `Message` IBKR may add to the response.
    public var message: String?
    /// Unknown elements and attributes outside the statements, counted like a statement's.
    public var unknownElements: [String: Int] = [:]
    public var unknownAttributes: [String: Int] = [:]
    /// Values outside the statements that could not be read.
    public var issues: [FlexValueIssue] = []

    public init() {}
}
