/// A small table inside a detail screen: headings and rows of spans, the columns that do not fit dropped from the
/// right, numbers right-aligned, text cut with `…`.
struct DetailTable {
    struct Heading {
        var title: String
        var width: Int
        var alignment: Alignment

        init(_ title: String, _ width: Int, _ alignment: Alignment = .right) {
            self.title = title
            self.width = width
            self.alignment = alignment
        }
    }

    let headings: [Heading]
    let rows: [[Span]]

    func lines(width: Int) -> [TextLine] {
        var shown = 0, used = 0
        for heading in headings {
            let needed = used + (shown > 0 ? 1 : 0) + heading.width
            guard needed <= width else { break }
            used = needed
            shown += 1
        }
        let kept = headings.prefix(max(1, shown))
        func line(_ spans: [Span]) -> TextLine {
            var out: [Span] = []
            for (index, heading) in kept.enumerated() {
                let span = index < spans.count ? spans[index] : Span("")
                let cut = TextWidth.truncate(span.text, to: min(heading.width, width))
                let pad = String(repeating: " ", count: max(0, min(heading.width, width) - TextWidth.of(cut)))
                if index > 0 { out.append(Span(" ")) }
                let text = heading.alignment == .right ? pad + cut : cut + pad
                out.append(Span(text, span.role, flashKey: span.flashKey))
            }
            return TextLine(out)
        }
        return [line(kept.map { Span($0.title, .header) })] + rows.map(line)
    }
}
