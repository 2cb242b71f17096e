/// The filter of a list as its title shows it: `/aap▏` while typed, `filter: aap` once kept.
enum FilterTitle {
    static func spans(pane: PaneID, view: ViewState) -> [Span] {
        let text = view.filter(pane)
        if view.editingFilter == pane { return [Span("/" + text + "▏", .accent)] }
        return text.isEmpty ? [] : [Span("filter: " + text, .accent)]
    }
}
