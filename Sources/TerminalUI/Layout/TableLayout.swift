/// The columns of a table that fit a width, taken by importance, one space between columns, in their own order;
/// the flexible column takes what is left.
public struct TableLayout: Hashable, Sendable {
    public struct Placed: Hashable, Sendable {
        public var spec: TableColumnSpec
        public var x: Int
        public var width: Int
    }

    public let columns: [Placed]

    public init(_ specs: [TableColumnSpec], width: Int) {
        func total(_ specs: [TableColumnSpec]) -> Int { specs.reduce(0) { $0 + $1.width } + max(0, specs.count - 1) }
        // The most important columns first; a less important one still comes in where it fits in what is left,
        // so a narrow currency column is not lost to a wide one that could not fit anyway.
        var chosen = Set<Int>()
        var used = -1
        for index in specs.indices.sorted(by: { (specs[$0].priority, $0) < (specs[$1].priority, $1) })
        where used + 1 + specs[index].width <= width || chosen.isEmpty {
            chosen.insert(index)
            used += 1 + specs[index].width
        }
        let kept = specs.indices.filter(chosen.contains).map { specs[$0] }
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
}
