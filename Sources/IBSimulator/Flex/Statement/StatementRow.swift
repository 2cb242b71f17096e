import Foundation

/// The attributes of one statement element, in the order they are added. Data is never element text in a
/// Flex statement: every row is a self-closing element of attributes (reference §6.1).
struct StatementRow: Sendable {
    private(set) var attributes: [(name: String, value: String)] = []

    mutating func add(_ name: String, _ value: String) { attributes.append((name, value)) }

    mutating func add(_ name: String, _ value: Decimal) { add(name, value.plainText) }

    mutating func add(_ name: String, _ value: Int) { add(name, String(value)) }

    mutating func add(_ other: StatementRow) { attributes += other.attributes }

    /// Replaces the attribute where it is, or adds it: an element never has an attribute twice.
    mutating func set(_ name: String, _ value: String) {
        if let index = attributes.firstIndex(where: { $0.name == name }) {
            attributes[index].value = value
        } else {
            add(name, value)
        }
    }
}

/// The statement's text: one element per line, no indentation, `" />"` closing the rows, as IBKR writes it.
struct StatementWriter: Sendable {
    private(set) var text = ""

    mutating func open(_ tag: String, _ row: StatementRow = StatementRow()) { text += "<\(tag)\(Self.attributes(row))>\n" }

    mutating func close(_ tag: String) { text += "</\(tag)>\n" }

    mutating func row(_ tag: String, _ row: StatementRow) { text += "<\(tag)\(Self.attributes(row)) />\n" }

    /// A section container around its rows; an empty one is written `<Tag>` `</Tag>` on two lines.
    mutating func section(_ tag: String, _ element: String, _ rows: [StatementRow]) {
        open(tag)
        for item in rows { row(element, item) }
        close(tag)
    }

    private static func attributes(_ row: StatementRow) -> String {
        row.attributes.map { " \($0.name)=\"\(XMLText.escaped($0.value))\"" }.joined()
    }
}
