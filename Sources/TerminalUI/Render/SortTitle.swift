/// The sort of a list as its title shows it, when the column it is sorted by is too narrow to be on screen: `s`
/// cycles through every column, and a list sorted by a column nobody can see would look unsorted.
enum SortTitle {
    static func spans(_ sort: SortOrder, shown: [Column]) -> [Span] {
        guard let column = sort.column, !shown.contains(column) else { return [] }
        return [Span("sort: " + column.heading + (sort.descending ? "↓" : "↑"), .accent)]
    }
}
