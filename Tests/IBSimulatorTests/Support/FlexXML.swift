import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A Flex statement read with Foundation's XMLParser: every element with its attributes and the index of the
/// `FlexStatement` it is in. Reading fails when the text is not well-formed XML.
struct FlexXML {
    struct Element {
        let name: String
        let attributes: [String: String]
        /// -1 outside any FlexStatement.
        let statement: Int

        subscript(_ attribute: String) -> String? { attributes[attribute] }

        func decimal(_ attribute: String) -> Decimal? { attributes[attribute].flatMap { Decimal(string: $0) } }
    }

    let elements: [Element]

    init(_ text: String) throws {
        let collector = Collector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        guard parser.parse() else {
            throw HarnessError("not well-formed: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
        elements = collector.elements
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    func all(_ name: String, in statement: Int) -> [Element] { elements.filter { $0.name == name && $0.statement == statement } }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        private var statement = -1

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if elementName == "FlexStatement" { statement += 1 }
            elements.append(Element(name: elementName, attributes: attributes, statement: statement))
        }
    }
}
