/// The keys, generated from the keymap: one section per context, in two columns when there is room.
enum HelpOverlay {
    /// One section per context: its heading, then a line per binding.
    static func sections(keymap: Keymap) -> [[TextLine]] {
        KeyContext.allCases.compactMap { context in
            let bindings = keymap.bindings(in: context)
            guard !bindings.isEmpty else { return nil }
            let labelWidth = bindings.map { TextWidth.of($0.label) }.max() ?? 0
            return [.heading(context.title)] + bindings.map { binding in
                let padding = String(repeating: " ", count: labelWidth - TextWidth.of(binding.label) + 2)
                return TextLine([Span(binding.label, .accent), Span(padding + binding.summary)])
            }
        }
    }

    /// The sections in columns: one if it fits the height, else the first section beside the others.
    static func columns(_ sections: [[TextLine]], height: Int) -> [[TextLine]] {
        let joined = sections.dropFirst().reduce(sections.first ?? []) { $0 + [.blank] + $1 }
        guard joined.count > height, sections.count > 1 else { return [joined] }
        let rest = sections.dropFirst()
        let spaced = Array(rest.dropFirst()).reduce(rest.first ?? []) { $0 + [.blank] + $1 }
        return [sections[0], spaced.count <= height ? spaced : Array(rest.joined())]
    }

    static func draw(in body: Rect, keymap: Keymap, painter: Painter, grid: inout Grid) {
        let columns = columns(sections(keymap: keymap), height: body.height - 2)
        let tallest = columns.map(\.count).max() ?? 0
        let boxWidth = min(body.width, columns.count == 1 ? 64 : 100)
        let height = min(body.height, tallest + 2)
        let box = Rect(
            x: body.x + (body.width - boxWidth) / 2, y: body.y + (body.height - height) / 2, width: boxWidth,
            height: height)
        let inside = PaneFrame.draw(
            box, title: [Span("Keys", .title), Span("? or Esc closes", .muted)], focused: true, painter: painter, in: &grid)
        guard inside.width > 0 else { return }
        let columnWidth = (inside.width - (columns.count - 1) * 2) / columns.count
        for (index, column) in columns.enumerated() {
            for (row, line) in column.prefix(inside.height).enumerated() {
                painter.draw(line, in: &grid, x: inside.x + index * (columnWidth + 2), y: inside.y + row, width: columnWidth)
            }
        }
    }
}
