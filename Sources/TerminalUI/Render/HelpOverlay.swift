/// The keys, generated from the keymap: one section per context, in two columns when there is room.
enum HelpOverlay {
    static func lines(keymap: Keymap) -> [TextLine] {
        var lines: [TextLine] = []
        for context in KeyContext.allCases {
            let bindings = keymap.bindings(in: context)
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(.heading(context.title))
            let labelWidth = bindings.map { TextWidth.of($0.label) }.max() ?? 0
            for binding in bindings {
                let padding = String(repeating: " ", count: labelWidth - TextWidth.of(binding.label) + 2)
                lines.append(TextLine([Span(binding.label, .accent), Span(padding + binding.summary)]))
            }
        }
        return lines
    }

    static func draw(in body: Rect, keymap: Keymap, painter: Painter, grid: inout Grid) {
        let lines = lines(keymap: keymap)
        let width = min(body.width, 100)
        let oneColumn = lines.count + 2 <= body.height
        let columns = oneColumn || width < 40 ? 1 : 2
        let perColumn = (lines.count + columns - 1) / columns
        let height = min(body.height, perColumn + 2)
        let boxWidth = columns == 1 ? min(width, 60) : width
        let box = Rect(x: body.x + (body.width - boxWidth) / 2, y: body.y + (body.height - height) / 2, width: boxWidth, height: height)
        let inside = PaneFrame.draw(
            box, title: [Span("Keys", .title), Span("? or Esc closes", .muted)], focused: true, painter: painter, in: &grid)
        guard inside.width > 0 else { return }
        let columnWidth = (inside.width - (columns - 1) * 2) / columns
        for (index, line) in lines.enumerated() {
            let column = index / perColumn, row = index % perColumn
            guard row < inside.height else { continue }
            painter.draw(
                line, in: &grid, x: inside.x + column * (columnWidth + 2), y: inside.y + row, width: columnWidth)
        }
    }
}
