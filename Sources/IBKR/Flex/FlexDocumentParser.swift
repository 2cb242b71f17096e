import Foundation

/// One pass over one Flex statement document: the structure (root, statements, sections, rows) here, the
/// values in `FlexDocumentParser+Values.swift`. Everything is built in locals and returned at the end, so an
/// error leaves nothing half-done behind.
struct FlexDocumentParser {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    var scanner: FlexMarkupScanner
    let options: FlexStatementParser.Options
    var interner = FlexStringInterner()
    /// The element and attribute being read, for issues and unknown-attribute counts.
    var element = Bytes(start: nil, count: 0)
    var attribute = FlexMarkupScanner.Attribute(name: Bytes(start: nil, count: 0), value: Bytes(start: nil, count: 0), hasReference: false)
    var slashDates: FlexSlashDateReading?
    var scope = Scope()
    var lines = FlexLineCounter()

    /// What is collected for the statement being read (or for the response outside the statements).
    struct Scope {
        var issues: [FlexValueIssue] = []
        var issueCount = 0
        var unknownElements: [String: Int] = [:]
        var unknownAttributes: [UnknownAttribute: Int] = [:]

        var unknownAttributeCounts: [String: Int] {
            Dictionary(unknownAttributes.map { ("\($0.key.element).\($0.key.attribute)", $0.value) }, uniquingKeysWith: +)
        }
    }

    struct UnknownAttribute: Hashable {
        var element: String
        var attribute: String
    }

    init?(document: Bytes, options: FlexStatementParser.Options) {
        guard let scanner = FlexMarkupScanner(document) else { return nil }
        self.scanner = scanner
        self.options = options
    }

    // MARK: - Document

    /// Skips what may come before the root element and reads the root's name; its attributes come next.
    mutating func readRoot() throws(FlexParseError) -> Bytes {
        guard scanner.skipByteOrderMarkAndSpace() else {
            throw scanner.error("not an XML document: it does not begin with '<'")
        }
        guard case .startTag(let root) = try nextMarkupOutsideRoot() else {
            throw scanner.error("the document has no root element")
        }
        element = root
        return root
    }

    /// After the root element: only comments, processing instructions and whitespace may follow.
    mutating func finishDocument() throws(FlexParseError) {
        switch try nextMarkupOutsideRoot() {
        case .endOfDocument: break
        case .startTag(let name), .endTag(let name):
            throw scanner.error("<\(FlexParseError.quote(name))> after the end of the root element", at: scanner.offset(of: name) - 1)
        }
    }

    mutating func parseResponse() throws(FlexParseError) -> FlexQueryResponse {
        let root = try readRoot()
        guard Self.equal(root, "FlexQueryResponse") else {
            let hint = Self.equal(root, "FlexStatementResponse")
                ? " (a FlexStatementResponse is a status or error envelope: classify it with FlexResponseBody)" : ""
            throw scanner.error(
                "the root element is <\(FlexParseError.quote(root))>, not <FlexQueryResponse>\(hint)", at: scanner.offset(of: root))
        }
        var response = FlexQueryResponse()
        try readAttributes(into: &response, schema: Self.responseSchema)
        if !scanner.tagWasEmpty { try readResponseContent(of: root, into: &response) }
        try finishDocument()
        response.issues = scope.issues
        response.unknownElements = scope.unknownElements
        response.unknownAttributes = scope.unknownAttributeCounts
        return response
    }

    /// Markup before or after the root element, where text is not allowed.
    private mutating func nextMarkupOutsideRoot() throws(FlexParseError) -> FlexMarkupScanner.Markup {
        let markup = try scanner.nextMarkup()
        if let text = scanner.skippedTextOffset { throw scanner.error("text outside the root element", at: text) }
        return markup
    }

    private mutating func readResponseContent(of root: Bytes, into response: inout FlexQueryResponse) throws(FlexParseError) {
        while case .startTag(let child) = try nextChild(of: root) {
            if Self.equal(child, "FlexStatements") {
                element = child
                try readAttributes(into: &response, schema: Self.statementsSchema)
                guard !scanner.tagWasEmpty else { continue }
                while case .startTag(let statement) = try nextChild(of: child) {
                    try readStatementOrOther(statement, into: &response)
                }
            } else {
                try readStatementOrOther(child, into: &response)
            }
        }
    }

    private mutating func readStatementOrOther(_ name: Bytes, into response: inout FlexQueryResponse) throws(FlexParseError) {
        if Self.equal(name, "FlexStatement") {
            response.statements.append(try readStatement(name))
        } else if Self.equal(name, "Message") {
            let empty = try scanner.skipAttributes()
            response.message = empty ? nil : try readText(of: name)
        } else {
            try skipUnknownElement(name)
        }
    }

    // MARK: - Statement

    private mutating func readStatement(_ name: Bytes) throws(FlexParseError) -> FlexStatement {
        let outer = scope
        scope = Scope()
        slashDates = options.dayMonthOrder.map { FlexSlashDateReading(order: $0, basis: .forced) }
        var statement = FlexStatement()
        element = name
        try readAttributes(into: &statement, schema: Self.statementSchema)
        if !scanner.tagWasEmpty {
            while case .startTag(let section) = try nextChild(of: name) {
                try readSection(section, into: &statement)
            }
        }
        statement.issues = scope.issues
        statement.issueCount = scope.issueCount
        statement.unknownElements = scope.unknownElements
        statement.unknownAttributes = scope.unknownAttributeCounts
        statement.slashDates = slashDates
        scope = outer
        return statement
    }

    private mutating func readSection(_ name: Bytes, into statement: inout FlexStatement) throws(FlexParseError) {
        guard let index = FlexSection.names.lookup(name), let section = FlexSection(rawValue: index) else {
            let known = FlexSection.skippedNames.lookup(name) != nil
            if !known { countUnknownElement(name) }
            let rows = try skipElement(name)
            statement.sections.append(FlexSectionInfo(name: interner.string(name), status: known ? .skipped : .unknown, rows: rows))
            return
        }
        let rows: Int
        switch section {
        case .accountInformation:
            statement.accountInformation = try readSingleRow(name, FlexAccountInformation.self)
            rows = 1
        case .changeInNAV:
            statement.changeInNAV = try readSingleRow(name, FlexChangeInNAV.self)
            rows = 1
        case .cashReport:
            rows = try readRows(of: name, FlexSection.cashReportRows, into: &statement.cashReport)
        case .equitySummary:
            rows = try readRows(of: name, FlexSection.equitySummaryRows, into: &statement.equitySummary)
        case .mtmPerformanceSummary:
            rows = try readRows(of: name, FlexSection.mtmRows, into: &statement.mtmPerformanceSummary)
        case .fifoPerformanceSummary:
            rows = try readRows(of: name, FlexSection.fifoRows, into: &statement.fifoPerformanceSummary)
        case .openPositions:
            rows = try readRows(of: name, FlexSection.openPositionRows) { (row: consuming FlexOpenPosition, _) in
                if row.isLot { statement.openLots.append(row) } else { statement.openPositions.append(row) }
            }
        case .trades:
            let reserve = { (rows: Int) in statement.trades.reserveCapacity(statement.trades.count + rows) }
            rows = try readRows(of: name, FlexSection.tradeRows, reserve: reserve) { (row: consuming FlexTrade, kind) in
                FlexSection.file(row, elementIndex: kind, in: &statement)
            }
        case .cashTransactions:
            rows = try readRows(of: name, FlexSection.cashTransactionRows) { (row: consuming FlexCashTransaction, _) in
                if row.isSummary { statement.cashTransactionSummaries.append(row) } else { statement.cashTransactions.append(row) }
            }
        case .corporateActions:
            rows = try readRows(of: name, FlexSection.corporateActionRows, into: &statement.corporateActions)
        case .conversionRates:
            rows = try readRows(of: name, FlexSection.conversionRateRows, into: &statement.conversionRates)
        }
        statement.sections.append(FlexSectionInfo(name: interner.string(name), status: .parsed, rows: rows))
    }

    /// An element that is itself the row (AccountInformation, ChangeInNAV).
    private mutating func readSingleRow<Row: FlexRow>(_ name: Bytes, _: Row.Type) throws(FlexParseError) -> Row {
        var row = Row()
        element = name
        try readAttributes(into: &row, schema: Row.schema)
        if !scanner.tagWasEmpty { try skipChildren(of: name) }
        return row
    }

    /// The rows of a section, appended to `list`.
    private mutating func readRows<Row: FlexRow>(
        of section: Bytes, _ rowNames: FlexNameTable, into list: inout [Row]
    ) throws(FlexParseError) -> Int {
        try readRows(of: section, rowNames, reserve: { list.reserveCapacity(list.count + $0) }) { (row: consuming Row, _) in
            list.append(row)
        }
    }

    /// The rows of a section; `rowNames` are the element names of its rows, `take` gets each row with the
    /// index of its element name. `reserve` learns early how many more rows a long section probably holds,
    /// so that its list grows once instead of copying itself over and over. Returns the number of rows.
    private mutating func readRows<Row: FlexRow>(
        of section: Bytes, _ rowNames: FlexNameTable, reserve: (Int) -> Void = { _ in }, _ take: (consuming Row, Int) -> Void
    ) throws(FlexParseError) -> Int {
        element = section
        var none = FlexNoAttributes()
        try readAttributes(into: &none, schema: FlexNoAttributes.schema)
        guard !scanner.tagWasEmpty else { return 0 }
        let start = scanner.offset
        var count = 0
        var order = FlexAttributeOrder()
        while case .startTag(let name) = try nextChild(of: section) {
            guard let kind = rowNames.lookup(name) else {
                try skipUnknownElement(name)
                continue
            }
            var row = Row()
            element = name
            try readAttributes(into: &row, schema: Row.schema, order: &order)
            if !scanner.tagWasEmpty { try skipChildren(of: name) }
            take(consume row, kind)
            count += 1
            if count == Self.rowsBeforeEstimate, let left = scanner.distance(toEndTagOf: section) {
                let bytesPerRow = max(1, (scanner.offset - start) / count)
                reserve(left / bytesPerRow + left / bytesPerRow / 8)
            }
        }
        return count
    }

    private static let rowsBeforeEstimate = 64

    // MARK: - Attributes

    /// Reads the attributes of the tag just opened into `row`; `element` must name the tag. `order` carries
    /// the previous row's attribute names, which the next row most likely repeats.
    @inline(__always)
    mutating func readAttributes<Row: FlexAttributes>(
        into row: inout Row, schema: FlexRowSchema<Row>, order: inout FlexAttributeOrder
    ) throws(FlexParseError) {
        var index = 0
        while try scanner.beginAttribute() {
            let name: Bytes, slot: Int
            if index < order.names.count, let same = scanner.consumeAttributeName(like: order.names[index]) {
                name = same
                slot = order.slots[index]
            } else {
                name = try scanner.readAttributeName()
                slot = schema.slot(of: name, readable: scanner.readable(name))
                if index < order.names.count {
                    order.names[index] = name
                    order.slots[index] = slot
                } else {
                    order.names.append(name)
                    order.slots.append(slot)
                }
            }
            index += 1
            let next = try scanner.readAttribute(named: name)
            if slot < 0 {
                if next.hasReference { _ = try scanner.decodeReferences(next.value) }
                if slot == FlexRowSchema<Row>.unknown {
                    let key = UnknownAttribute(element: interner.string(element), attribute: interner.string(name))
                    scope.unknownAttributes[key, default: 0] += 1
                }
            } else if slot < schema.contractSlots {
                guard let decode = schema.decoders[slot] else {
                    if next.hasReference { _ = try scanner.decodeReferences(next.value) }
                    continue
                }
                try withValue(of: next) { value, parser in decode(&row, value, &parser) }
            } else {
                guard let decode = FlexContract.schema.decoders[slot - schema.contractSlots] else {
                    if next.hasReference { _ = try scanner.decodeReferences(next.value) }
                    continue
                }
                try withValue(of: next) { value, parser in row.withContract { decode(&$0, value, &parser) } }
            }
        }
    }

    /// Reads the attributes of a tag that is not one of many alike.
    mutating func readAttributes<Row: FlexAttributes>(into row: inout Row, schema: FlexRowSchema<Row>) throws(FlexParseError) {
        var order = FlexAttributeOrder()
        try readAttributes(into: &row, schema: schema, order: &order)
    }

    /// Calls `body` with the attribute's value, its references decoded.
    @inline(__always)
    private mutating func withValue(
        of next: FlexMarkupScanner.Attribute, _ body: (Bytes, inout FlexDocumentParser) -> Void
    ) throws(FlexParseError) {
        attribute = next
        guard next.hasReference else { return body(next.value, &self) }
        let decoded = try scanner.decodeReferences(next.value)
        decoded.withUnsafeBufferPointer { body($0, &self) }
    }

    // MARK: - Structure

    /// The next child start tag of `parent`, or `.endTag` once `parent` is closed (checked to match).
    mutating func nextChild(of parent: Bytes) throws(FlexParseError) -> FlexMarkupScanner.Markup {
        let markup = try scanner.nextMarkup()
        switch markup {
        case .startTag: return markup
        case .endTag(let name):
            guard name.elementsEqual(parent) else {
                throw scanner.error(
                    "</\(FlexParseError.quote(name))> does not close the open <\(FlexParseError.quote(parent))>",
                    at: scanner.offset(of: name) - 2)
            }
            return markup
        case .endOfDocument:
            throw scanner.error("the document ends before </\(FlexParseError.quote(parent))> (truncated?)")
        }
    }

    private mutating func skipUnknownElement(_ name: Bytes) throws(FlexParseError) {
        countUnknownElement(name)
        _ = try skipElement(name)
    }

    private mutating func countUnknownElement(_ name: Bytes) {
        scope.unknownElements[interner.string(name), default: 0] += 1
    }

    /// Skips an element whose start tag was just read, attributes included; returns its rows (the elements
    /// inside it that have no child elements).
    mutating func skipElement(_ name: Bytes) throws(FlexParseError) -> Int {
        if try scanner.skipAttributes() { return 0 }
        return try skipChildren(of: name)
    }

    /// Skips what is inside an open element up to its end tag; returns the number of leaf elements inside.
    @discardableResult
    private mutating func skipChildren(of name: Bytes) throws(FlexParseError) -> Int {
        var open: [(name: Bytes, hasChildren: Bool)] = [(name, false)]
        var leaves = 0
        while let (parent, _) = open.last {
            switch try nextChild(of: parent) {
            case .startTag(let child):
                open[open.count - 1].hasChildren = true
                if try scanner.skipAttributes() { leaves += 1 } else { open.append((child, false)) }
            case .endTag:
                if let closed = open.popLast(), !closed.hasChildren, !open.isEmpty { leaves += 1 }
            case .endOfDocument:
                return leaves
            }
        }
        return leaves
    }

    mutating func readText(of name: Bytes) throws(FlexParseError) -> String {
        let raw = try scanner.readText()
        let decoded = try scanner.decodeReferences(raw)
        guard case .endTag = try nextChild(of: name) else {
            throw scanner.error("<\(FlexParseError.quote(name))> holds elements where text was expected")
        }
        return decoded.withUnsafeBufferPointer { FlexText.string($0) }.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func equal(_ bytes: Bytes, _ text: StaticString) -> Bool {
        bytes.count == text.utf8CodeUnitCount && bytes.elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: bytes.count))
    }
}
