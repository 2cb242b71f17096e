import Foundation

/// What a SendRequest or GetStatement body is, decided by its root element only: a statement can contain
/// "1019" anywhere, so the body is never searched for error numbers.
public enum FlexResponseBody: Sendable, Hashable {
    /// Root `FlexStatementResponse`: a reference code, or an error.
    case envelope(FlexEnvelope)
    /// Root `FlexQueryResponse`: the statement itself; read it with `FlexStatementParser`.
    case statement
    /// Anything else.
    case foreign(FlexForeignBody)

    /// Throws only for a `FlexStatementResponse` that is itself malformed (truncated, mismatched tags).
    public static func classify(_ bytes: some ContiguousBytes) throws(FlexParseError) -> FlexResponseBody {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(FlexParseError) in try classify(raw.assumingMemoryBound(to: UInt8.self)) }
        }
        return try result.get()
    }

    static func classify(_ document: UnsafeBufferPointer<UInt8>) throws(FlexParseError) -> FlexResponseBody {
        guard var parser = FlexDocumentParser(document: document, options: FlexStatementParser.Options()),
            !document.allSatisfy(FlexMarkupScanner.isSpace)
        else { return .foreign(foreign(.empty, document)) }
        if looksLikeHTML(document) { return .foreign(foreign(.html, document)) }
        let root: FlexDocumentParser.Bytes
        do {
            root = try parser.readRoot()
        } catch {
            return .foreign(foreign(looksLikeCSV(document) ? .csv : .text, document))
        }
        if FlexDocumentParser.equal(root, "FlexStatementResponse") { return .envelope(try parser.parseEnvelope(root)) }
        if FlexDocumentParser.equal(root, "FlexQueryResponse") { return .statement }
        let name = FlexParseError.quote(root, limit: 64)
        return .foreign(foreign(name.lowercased() == "html" ? .html : .xml, document, root: name))
    }

    private static func foreign(_ kind: FlexForeignBody.Kind, _ document: UnsafeBufferPointer<UInt8>, root: String? = nil) -> FlexForeignBody {
        let head = UnsafeBufferPointer(rebasing: document.prefix(FlexForeignBody.previewLimit))
        return FlexForeignBody(kind: kind, rootElement: root, preview: FlexText.string(head), byteCount: document.count)
    }

    /// `<!DOCTYPE html` or `<html`, in any case, after optional whitespace.
    private static func looksLikeHTML(_ document: UnsafeBufferPointer<UInt8>) -> Bool {
        let head = String(decoding: document.prefix(64), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html")
    }

    /// A first line of three or more comma-separated fields, quoted or without spaces: Flex CSV output
    /// (`"ClientAccountID","AccountAlias",…`), not a sentence with a comma in it.
    private static func looksLikeCSV(_ document: UnsafeBufferPointer<UInt8>) -> Bool {
        let firstLine = String(decoding: document.prefix(FlexForeignBody.previewLimit).prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let fields = firstLine.split(separator: ",", omittingEmptySubsequences: false)
        return fields.count >= 3 && (firstLine.hasPrefix("\"") || !fields.contains { $0.contains(" ") })
    }
}
