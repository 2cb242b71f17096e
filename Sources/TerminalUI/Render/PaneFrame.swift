/// A pane's box with its title spans on the top border; the border is brighter on the pane with the keyboard.
public enum PaneFrame {
    /// Draws the box and returns the inside, blanked unless `clear` is false (for a pane drawn into a part of
    /// the frame known to be blank, which then fills every cell of it).
    @discardableResult
    public static func draw(
        _ rect: Rect, title: [Span], focused: Bool, painter: Painter, in grid: inout Grid, clear: Bool = true
    ) -> Rect {
        let border = painter.style(focused ? .borderFocus : .border)
        if clear { grid.fill(rect, style: painter.style(.background)) }
        grid.drawBox(rect, style: border, box: painter.glyphs.box)
        var x = rect.x + 2
        let right = rect.maxX - 2
        for (index, span) in title.enumerated() where x < right {
            let text = (index == 0 ? " " : "") + span.text + " "
            let shown = TextWidth.truncate(text, to: right - x)
            x = grid.put(shown, x: x, y: rect.y, style: painter.style(of: span), limit: right - x)
        }
        return rect.inset(by: 1)
    }
}
