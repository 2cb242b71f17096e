/// A table while its document is being read, remembering how it came to exist, because TOML 1.0 forbids
/// defining a table twice and tells apart tables made by headers, by dotted keys and by inline braces.
final class TOMLTableNode {
    enum Origin {
        /// Named as the parent of a header (`a` in `[a.b]`): it may still get its own header once.
        case implied
        case header
        case dotted
        /// The document itself, or the inside of an inline table while it is read.
        case root
    }

    enum Slot {
        /// Also inline tables and static arrays: finished values that nothing may extend.
        case value(TOMLValue)
        case table(TOMLTableNode)
        /// Never empty: made by its first `[[header]]`.
        case tableArray(first: TOMLTableNode, rest: [TOMLTableNode])
    }

    struct KeySegment {
        var name: String
        var position: TOMLPosition
    }

    private(set) var origin: Origin
    private(set) var position: TOMLPosition
    /// From the document root; inline tables start again from their own.
    let path: [String]
    private var order: [String] = []
    private var slots: [String: (keyPosition: TOMLPosition, slot: Slot)] = [:]

    init(origin: Origin, position: TOMLPosition, path: [String] = []) {
        self.origin = origin
        self.position = position
        self.path = path
    }

    /// `[a.b.c]`: the table the following keys go into.
    func defineTable(_ path: [KeySegment], at position: TOMLPosition) throws(TOMLProblem) -> TOMLTableNode {
        let (parent, last) = try parentForHeader(path)
        let names = path.map(\.name)
        switch parent.slots[last.name]?.slot {
        case nil:
            return parent.add(.header, at: position, for: last)
        case .table(let node):
            switch node.origin {
            case .implied:
                node.origin = .header
                node.position = position
                return node
            case .header, .root:
                throw TOMLProblem("table defined twice, first on line \(node.position.line)", key: names, at: position)
            case .dotted:
                throw TOMLProblem(
                    "table already defined by dotted keys on line \(node.position.line)", key: names, at: position)
            }
        case .tableArray:
            throw TOMLProblem("already an array of tables, written [[\(TOMLKey.path(names))]]", key: names, at: position)
        case .value(let value):
            throw Self.occupied(by: value, key: names, at: position)
        }
    }

    /// `[[a.b.c]]`: a new table at the end of the array, the one the following keys go into.
    func appendTableArrayElement(_ path: [KeySegment], at position: TOMLPosition) throws(TOMLProblem) -> TOMLTableNode {
        let (parent, last) = try parentForHeader(path)
        let names = path.map(\.name)
        let element = TOMLTableNode(origin: .header, position: position, path: parent.path + [last.name])
        switch parent.slots[last.name]?.slot {
        case nil:
            parent.order.append(last.name)
            parent.slots[last.name] = (last.position, .tableArray(first: element, rest: []))
        case .tableArray(let first, let rest):
            parent.slots[last.name]?.slot = .tableArray(first: first, rest: rest + [element])
        case .table(let node):
            throw TOMLProblem(
                "already a table (line \(node.position.line)), not an array of tables", key: names, at: position)
        case .value(let value):
            throw Self.occupied(by: value, key: names, at: position)
        }
        return element
    }

    /// `a.b.c = value` inside this table.
    func insert(_ path: [KeySegment], value: TOMLValue) throws(TOMLProblem) {
        guard let last = path.last else { return }
        let node = try descend(path.dropLast(), for: .dottedKey)
        if let existing = node.slots[last.name] {
            throw TOMLProblem(
                "duplicate key, first set on line \(existing.keyPosition.line)", key: path.map(\.name),
                at: last.position)
        }
        node.order.append(last.name)
        node.slots[last.name] = (last.position, .value(value))
    }

    /// The finished, immutable table.
    func table() -> TOMLTable {
        let entries = order.compactMap { name -> TOMLTable.Entry? in
            guard let (keyPosition, slot) = slots[name] else { return nil }
            return TOMLTable.Entry(key: name, keyPosition: keyPosition, value: Self.value(of: slot))
        }
        return TOMLTable(entries: entries, position: position)
    }

    private static func value(of slot: Slot) -> TOMLValue {
        switch slot {
        case .value(let value):
            value
        case .table(let node):
            TOMLValue(.table(node.table()), at: node.position)
        case .tableArray(let first, let rest):
            TOMLValue(.array(([first] + rest).map { TOMLValue(.table($0.table()), at: $0.position) }), at: first.position)
        }
    }

    /// Walks a header's path down to the table that will hold its last part.
    private func parentForHeader(_ path: [KeySegment]) throws(TOMLProblem) -> (TOMLTableNode, KeySegment) {
        guard let last = path.last else {
            throw TOMLProblem("a table header needs a name", at: position)
        }
        return (try descend(path.dropLast(), for: .header), last)
    }

    private enum Walk {
        /// The parents named in `[a.b.c]`: any table may be entered, an array of tables by its last element
        /// (as TOML says), and what is missing is implied.
        case header
        /// The parents named in `a.b.c = 1`: only tables made by dotted keys may be entered.
        case dottedKey
    }

    private func descend(_ segments: ArraySlice<KeySegment>, for walk: Walk) throws(TOMLProblem) -> TOMLTableNode {
        var node = self
        var names: [String] = []
        for segment in segments {
            names.append(segment.name)
            switch (node.slots[segment.name]?.slot, walk) {
            case (nil, .header):
                node = node.add(.implied, at: segment.position, for: segment)
            case (nil, .dottedKey):
                node = node.add(.dotted, at: segment.position, for: segment)
            case (.table(let child), .header):
                node = child
            case (.table(let child), .dottedKey) where child.origin == .dotted:
                node = child
            case (.table(let child), .dottedKey):
                throw TOMLProblem(
                    "table defined by a header on line \(child.position.line); dotted keys cannot add to it",
                    key: names, at: segment.position)
            case (.tableArray(let first, let rest), .header):
                node = rest.last ?? first
            case (.tableArray, .dottedKey):
                throw TOMLProblem(
                    "is an array of tables; dotted keys cannot add to it", key: names, at: segment.position)
            case (.value(let value), _):
                throw Self.occupied(by: value, key: names, at: segment.position)
            }
        }
        return node
    }

    private func add(_ origin: Origin, at position: TOMLPosition, for segment: KeySegment) -> TOMLTableNode {
        let child = TOMLTableNode(origin: origin, position: position, path: path + [segment.name])
        order.append(segment.name)
        slots[segment.name] = (segment.position, .table(child))
        return child
    }

    private static func occupied(by value: TOMLValue, key: [String], at position: TOMLPosition) -> TOMLProblem {
        if value.table != nil {
            return TOMLProblem(
                "inline table (line \(value.position.line)) cannot be extended", key: key, at: position)
        }
        return TOMLProblem("already holds a value, set on line \(value.position.line)", key: key, at: position)
    }
}
