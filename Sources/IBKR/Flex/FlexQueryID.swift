import Foundation
import Portfolio

/// A Flex Query ID: the number Client Portal lists beside each Flex query. Only digits, so it is safe in a
/// URL and in a cache file name.
public struct FlexQueryID: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    /// - Parameter option: the option or setting the text came from, for the message (`--flex-query`).
    public init(_ text: String, option: String = "--flex-query") throws(SourceError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 20, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw SourceError(
                .configuration, endpoint: option,
                message: "\"\(String(trimmed.sanitized.prefix(40)))\" is not a Flex Query ID",
                fix: "give the number shown beside the query in Client Portal → Performance & Reports → Flex Queries")
        }
        value = trimmed
    }

    public var description: String { value }
}
