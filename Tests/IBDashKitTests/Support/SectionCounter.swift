import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Rows per section of each statement, counted with Foundation's XML parser: an account's sections are the
/// children of its `FlexStatement`, a section's rows its children, and a section without children but with
/// attributes (AccountInformation, ChangeInNAV) is one row.
final class SectionCounter: NSObject, XMLParserDelegate {
    struct Statement: Equatable {
        var account: String
        var sections: [String: Int]
    }

    private(set) var statements: [Statement] = []
    private var depth = 0
    private var section: (name: String, rows: Int, hasAttributes: Bool)?

    static func count(file: String) throws -> [Statement] {
        let counter = SectionCounter()
        let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: file)))
        parser.delegate = counter
        try #require(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        return counter.statements
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        switch depth {
        case 3 where name == "FlexStatement":
            statements.append(Statement(account: attributes["accountId"] ?? "", sections: [:]))
        case 4:
            section = (name, 0, !attributes.isEmpty)
        case 5:
            section?.rows += 1
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if depth == 4, let section, !statements.isEmpty {
            let rows = section.rows == 0 && section.hasAttributes ? 1 : section.rows
            statements[statements.count - 1].sections[section.name, default: 0] += rows
            self.section = nil
        }
        depth -= 1
    }
}
