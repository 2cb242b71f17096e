/// The columns of a table that fit a width: the least important go first, one space between columns, and the
/// flexible column takes what is left.
public struct TableLayout: Hashable, Sendable {
    public struct Placed: Hashable, Sendable {
        public var spec: TableColumnSpec
        public var x: Int
        public var width: Int
    }

    public let columns: [Placed]

    public init(_ specs: [TableColumnSpec], width: Int) {
        var kept = specs
        func total(_ specs: [TableColumnSpec]) -> Int { specs.reduce(0) { $0 + $1.width } + max(0, specs.count - 1) }
        while kept.count > 1, total(kept) > width {
            // The last of the least important columns goes first.
            guard let drop = kept.indices.max(by: { kept[$0].priority <= kept[$1].priority }) else { break }
            kept.remove(at: drop)
        }
        let spare = width - total(kept)
        var placed: [Placed] = []
        var x = 0
        let flexibleIndex = kept.firstIndex(where: \.flexible)
        for (index, spec) in kept.enumerated() {
            var columnWidth = spec.width
            if spare > 0, index == flexibleIndex { columnWidth += spare }
            if spare < 0 { columnWidth = max(0, columnWidth + spare) }
            placed.append(Placed(spec: spec, x: x, width: columnWidth))
            x += columnWidth + 1
        }
        columns = placed
    }

    public func contains(_ column: Column) -> Bool { columns.contains { $0.spec.column == column } }
}
