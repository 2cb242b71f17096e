import Foundation

/// The parts of every answer on the status socket: its version, and an error instead of a document when the
/// dashboard cannot answer (`{"version":1,"error":"…"}`).
struct StatusAnswer: Codable {
    var version: Int
    var error: String?

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// An error answer.
    static func failure(_ message: String) -> [UInt8] {
        let answer = StatusAnswer(version: SnapshotDocument.currentVersion, error: message)
        return (try? encoder.encode(answer)).map { Array($0) + [0x0A] } ?? []
    }

    /// Reads `Document` from an answer, after checking its version and whether it is an error.
    static func decode<Document: Decodable>(_ type: Document.Type, from bytes: [UInt8]) throws(StatusSocketError)
        -> Document
    {
        let data = Data(bytes)
        let header: StatusAnswer
        do {
            header = try decoder.decode(StatusAnswer.self, from: data)
        } catch {
            throw .badAnswer("it is not a status document")
        }
        guard header.version == SnapshotDocument.currentVersion else {
            throw .badAnswer(
                "the dashboard speaks version \(header.version), this ibdash version "
                    + "\(SnapshotDocument.currentVersion): restart the dashboard after an upgrade")
        }
        if let error = header.error { throw .dashboardError(error) }
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw .badAnswer(describe(error))
        } catch {
            throw .badAnswer("it is not a status document")
        }
    }

    /// Where in the document the problem is, e.g. `accounts.0.summary.cash: not a decimal number`.
    private static func describe(_ error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let found), .valueNotFound(_, let found), .dataCorrupted(let found): context = found
        case .keyNotFound(let key, let found):
            context = DecodingError.Context(
                codingPath: found.codingPath + [key], debugDescription: "the key is missing")
        @unknown default: return "it is not a status document"
        }
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
    }
}
