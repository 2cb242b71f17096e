import Foundation

/// Reads a Flex statement (`FlexQueryResponse`) into typed models in one pass over its bytes.
///
/// A byte-level scanner (no DOM, no `XMLParser`): attribute names are dispatched through precomputed tables,
/// numbers and dates are decoded without Foundation, strings are made only for fields the models keep.
/// A malformed document throws `FlexParseError` with line and column and returns nothing; a single value
/// that cannot be read is recorded as a `FlexValueIssue` on its statement and left empty.
public struct FlexStatementParser: Sendable {
    public struct Options: Sendable, Hashable {
        /// The day/month order of slash dates; nil decides it per statement from its values.
        public var dayMonthOrder: FlexDayMonthOrder?

        public init(dayMonthOrder: FlexDayMonthOrder? = nil) {
            self.dayMonthOrder = dayMonthOrder
        }
    }

    /// At most this many issues are kept per statement (all are counted).
    public static let issueLimit = 100

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    public func parse(_ bytes: some ContiguousBytes) throws(FlexParseError) -> FlexQueryResponse {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(FlexParseError) in try parse(raw) }
        }
        return try result.get()
    }

    public func parse(_ bytes: UnsafeRawBufferPointer) throws(FlexParseError) -> FlexQueryResponse {
        let document = bytes.assumingMemoryBound(to: UInt8.self)
        guard var parser = FlexDocumentParser(document: document, options: options) else {
            throw FlexParseError(line: 1, column: 1, offset: 0, message: "the document is empty")
        }
        return try parser.parseResponse()
    }
}
