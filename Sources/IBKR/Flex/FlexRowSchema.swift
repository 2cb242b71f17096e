/// Something whose attributes the parser reads through a `FlexRowSchema`.
protocol FlexAttributes {
    /// Hands the common contract attributes to `body`, for rows that have them (see `FlexContractRow`).
    mutating func withContract(_ body: (inout FlexContract) -> Void)
}

extension FlexAttributes {
    mutating func withContract(_ body: (inout FlexContract) -> Void) {}
}

/// A row of a Flex section: an attribute-only element the parser turns into a typed value.
protocol FlexRow: FlexAttributes, Sendable {
    init()
    static var schema: FlexRowSchema<Self> { get }
}

/// A row that starts with the common contract attributes (reference §7), kept in a `FlexContract`.
protocol FlexContractRow: FlexRow {
    var contract: FlexContract { get set }
}

extension FlexContractRow {
    mutating func withContract(_ body: (inout FlexContract) -> Void) { body(&contract) }
}

/// How the attributes of one row type are read: a table from attribute name to the code that stores it.
///
/// Built once per row type. Names the model does not keep are still listed (`ignore`), so that only names
/// IBKR added after this table was written count as unknown. A name's slot is its index in the table:
/// below `contractSlots` it indexes `decoders`, from there on `FlexContract.schema.decoders`.
struct FlexRowSchema<Row: FlexAttributes>: Sendable {
    typealias Decode = @Sendable (inout Row, FlexDocumentParser.Bytes, inout FlexDocumentParser) -> Void

    /// The slot of a name the table does not know.
    static var unknown: Int { -1 }
    /// The slot of a known variant (`stockLong`, `dividendsMTD`) of a name in the table: not kept.
    static var knownVariant: Int { -2 }

    let names: FlexNameTable
    /// Per slot, how to store the value; nil for a known attribute the model does not keep.
    let decoders: [Decode?]
    let contractSlots: Int

    struct Builder {
        fileprivate var names: [String] = []
        fileprivate var decoders: [Decode?] = []

        mutating func field(_ name: String, _ decode: @escaping Decode) {
            names.append(name)
            decoders.append(decode)
        }

        mutating func ignore(_ names: String...) {
            for name in names {
                self.names.append(name)
                decoders.append(nil)
            }
        }
    }

    /// `suffixes`: variants of known names that count as known too (`…Long`, `…MTD`).
    init(suffixes: [String] = [], _ build: (inout Builder) -> Void) {
        self.init(suffixes: suffixes, withContract: false, build)
    }

    private init(suffixes: [String], withContract: Bool, _ build: (inout Builder) -> Void) {
        var builder = Builder()
        build(&builder)
        decoders = builder.decoders
        contractSlots = builder.names.count
        names = FlexNameTable(builder.names + (withContract ? FlexContract.schema.names.names : []), suffixes: suffixes)
    }

    @inline(__always)
    func slot(of name: FlexDocumentParser.Bytes, readable: Int) -> Int {
        if let index = names.lookup(name, readable: readable) { return index }
        return names.lookupStem(name) == nil ? Self.unknown : Self.knownVariant
    }
}

extension FlexRowSchema where Row: FlexContractRow {
    /// A schema for a contract row: the row's own attributes, then the common contract attributes.
    init(contractRowWithSuffixes suffixes: [String] = [], _ build: (inout Builder) -> Void) {
        self.init(suffixes: suffixes, withContract: true, build)
    }
}

/// The attribute names of the previous row of a section, in order, with their slots: the guess for the next row.
struct FlexAttributeOrder {
    var names: [FlexDocumentParser.Bytes] = []
    var slots: [Int] = []
}
