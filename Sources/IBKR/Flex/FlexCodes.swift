import Foundation

/// Flex code lists: `notes="P;IA"`, `code="C;O"`, `accountCapabilities="Margin,IBPrime"`.
enum FlexCodes {
    static func split(_ list: String?) -> [String] {
        guard let list else { return [] }
        return list.split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
