import Portfolio
import Testing

@testable import TerminalUI

@Suite struct GridTests {
    init() { TestLocale.useUTF8() }

    let red = Style(foreground: .index(196))
    let blue = Style(foreground: .index(21))

    @Test func textIsPutAndTheNextColumnReturned() {
        var grid = Grid(cols: 10, rows: 2)
        #expect(grid.put("abc", x: 1, y: 0, style: red) == 4)
        #expect(grid.text(ofRow: 0) == " abc      ")
        #expect(grid[1, 0].style == red)
        #expect(grid[4, 0].style == .plain)
        #expect(grid.text(ofRow: 1) == "          ")
    }

    @Test func wideCharactersTakeTwoCells() {
        var grid = Grid(cols: 10, rows: 1)
        #expect(grid.put("日本", x: 0, y: 0, style: red) == 4)
        #expect(grid[0, 0].text == "日" && grid[0, 0].isWide)
        #expect(grid[1, 0].isContinuation)
        #expect(grid[2, 0].text == "本")
        #expect(grid.text(ofRow: 0) == "日本      ")
        #expect(TextWidth.of(grid.text(ofRow: 0)) == 10)
    }

    @Test func overwritingTheRightHalfBlanksTheLeft() {
        var grid = Grid(cols: 6, rows: 1)
        grid.put("日", x: 0, y: 0, style: red)
        grid.put("x", x: 1, y: 0, style: blue)
        #expect(grid.text(ofRow: 0) == " x    ")
        #expect(grid[0, 0] == .blank(red))
        #expect(!grid[0, 0].isWide)
    }

    @Test func overwritingTheLeftHalfBlanksTheRight() {
        var grid = Grid(cols: 6, rows: 1)
        grid.put("日", x: 0, y: 0, style: red)
        grid.put("x", x: 0, y: 0, style: blue)
        #expect(grid.text(ofRow: 0) == "x     ")
        #expect(grid[1, 0] == .blank(red))
    }

    @Test func aWideCharacterOverTwoOthersBlanksWhatIsLeftOfThem() {
        var grid = Grid(cols: 6, rows: 1)
        grid.put("日本", x: 0, y: 0, style: red)
        grid.put("語", x: 1, y: 0, style: blue)
        #expect(grid.text(ofRow: 0) == " 語   ")
        #expect(grid[1, 0].isWide && grid[2, 0].isContinuation)
        #expect(grid[3, 0] == .blank(red))
    }

    @Test func aWideCharacterThatDoesNotFitBecomesASpace() {
        var grid = Grid(cols: 5, rows: 2)
        #expect(grid.put("abcd日", x: 0, y: 0, style: red) == 6)
        #expect(grid.text(ofRow: 0) == "abcd ")
        #expect(grid[4, 0] == .blank(red))
        grid.put("a日b", x: 0, y: 1, style: red, limit: 2)
        #expect(grid.text(ofRow: 1) == "a    ")
    }

    @Test func combiningMarksJoinThePreviousCell() {
        var grid = Grid(cols: 5, rows: 1)
        #expect(grid.put("e\u{301}x", x: 0, y: 0, style: red) == 2)
        #expect(grid[0, 0].text == "e\u{301}")
        #expect(grid[1, 0].text == "x")
        #expect(TextWidth.of(grid.text(ofRow: 0)) == 5)
    }

    @Test func combiningMarksWithNothingBeforeThemAreDroppedAndACellHoldsAtMostFive() {
        var grid = Grid(cols: 4, rows: 1)
        grid.put("\u{301}a" + String(repeating: "\u{300}", count: 6), x: 0, y: 0, style: red)
        #expect(grid[0, 0].text.unicodeScalars.count == Cell.maxScalars)
        #expect(grid[0, 0].text.unicodeScalars.first == "a")
    }

    @Test func textIsClippedAtEveryEdge() {
        var grid = Grid(cols: 10, rows: 2)
        grid.put("hello", x: -2, y: 0, style: red)
        #expect(grid.text(ofRow: 0) == "llo       ")
        grid.put("hello", x: 8, y: 1, style: red)
        #expect(grid.text(ofRow: 1) == "        he")
        let before = grid
        #expect(grid.put("hello", x: 0, y: 2, style: red) == 5)
        #expect(grid.put("hello", x: 0, y: -1, style: red) == 5)
        #expect(grid == before)
    }

    @Test func aWideCharacterCutByTheLeftEdgeLeavesASpace() {
        var grid = Grid(cols: 4, rows: 1)
        grid.put("日x", x: -1, y: 0, style: red)
        #expect(grid.text(ofRow: 0) == " x  ")
        #expect(grid[0, 0] == .blank(red))
    }

    @Test func theGridNeverHoldsAControlCharacter() {
        var grid = Grid(cols: 16, rows: 1)
        grid.put("a\u{1B}[31mb\u{7}c\u{9B}d\u{7F}e\u{202E}f", x: 0, y: 0, style: red)
        #expect(grid.text(ofRow: 0) == "a\u{FFFD}[31mb\u{FFFD}c\u{FFFD}d\u{FFFD}ef  ")
        for x in 0..<grid.cols {
            for scalar in grid[x, 0].text.unicodeScalars {
                #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value))
                #expect(!TextSanitizer.isBidiControl(scalar))
            }
        }
    }

    @Test func aUTF8LocaleIsRecognised() {
        #expect(TextWidth.localeIsUTF8)
    }

    @Test func truncationEndsWithAnEllipsisAndMeasuresDisplayColumns() {
        #expect(TextWidth.truncate("Hello, world", to: 6) == "Hello…")
        #expect(TextWidth.truncate("Hello", to: 5) == "Hello")
        #expect(TextWidth.truncate("日本語", to: 4) == "日…")
        #expect(TextWidth.truncate("日本語", to: 5) == "日本…")
        #expect(TextWidth.truncate("Cafe\u{301} noir", to: 5) == "Cafe\u{301}…")
        #expect(TextWidth.truncate("abc", to: 0) == "")
        #expect(TextWidth.truncate("abc", to: 1) == "…")
    }

    @Test func fieldsAreAlignedByDisplayWidthAndPadded() {
        var grid = Grid(cols: 8, rows: 5)
        grid.put("12.50", x: 0, y: 0, width: 8, style: red, alignment: .right)
        grid.put("日本", x: 0, y: 1, width: 8, style: red, alignment: .right)
        grid.put("AAPL Apple Inc", x: 0, y: 2, width: 8, style: red)
        grid.put("ab", x: 0, y: 3, width: 8, style: red, alignment: .center)
        grid.put("日本語です", x: 0, y: 4, width: 8, style: red, alignment: .right)
        #expect(grid.lines == ["   12.50", "    日本", "AAPL Ap…", "   ab   ", " 日本語…"])
        #expect(grid[0, 0].style == red)
    }

    @Test func rightAlignedNumbersEndInTheSameColumn() {
        var grid = Grid(cols: 12, rows: 3)
        for (row, value) in ["1.25", "−12,345.00", "日経 9"].enumerated() {
            grid.put(value, x: 0, y: row, width: 12, style: red, alignment: .right)
        }
        for row in 0..<3 {
            #expect(TextWidth.of(grid.text(ofRow: row)) == 12)
            #expect(grid[11, row].text != " ")
        }
    }

    @Test func boxesAndJoinedLines() {
        var grid = Grid(cols: 6, rows: 4)
        grid.drawBox(grid.bounds, style: red)
        #expect(grid.lines == ["┌────┐", "│    │", "│    │", "└────┘"])
        grid.drawHorizontalLine(x: 0, y: 2, length: 6, style: red)
        grid.drawVerticalLine(x: 3, y: 0, length: 4, style: red)
        #expect(grid.lines == ["┌──┬─┐", "│  │ │", "├──┼─┤", "└──┴─┘"])
    }

    @Test func roundedAndASCIIBoxes() {
        var rounded = Grid(cols: 4, rows: 3)
        rounded.drawBox(rounded.bounds, style: red, box: .rounded)
        #expect(rounded.lines == ["╭──╮", "│  │", "╰──╯"])
        var ascii = Grid(cols: 4, rows: 3)
        ascii.drawBox(ascii.bounds, style: red, box: .ascii)
        ascii.drawHorizontalLine(x: 0, y: 1, length: 4, style: red, box: .ascii)
        #expect(ascii.lines == ["+--+", "+--+", "+--+"])
    }

    @Test func restyleKeepsTheText() {
        var grid = Grid(cols: 4, rows: 1)
        grid.put("日a", x: 0, y: 0, style: red)
        grid.restyle(Rect(x: 0, y: 0, width: 4, height: 1), style: blue)
        #expect(grid.text(ofRow: 0) == "日a ")
        #expect((0..<4).allSatisfy { grid[$0, 0].style == blue })
    }

    @Test func rectangles() {
        let rect = Rect(x: 2, y: 1, width: 10, height: 4)
        #expect(rect.inset(by: 1) == Rect(x: 3, y: 2, width: 8, height: 2))
        #expect(rect.inset(by: 3).isEmpty)
        #expect(rect.contains(x: 2, y: 1) && rect.contains(x: 11, y: 4))
        #expect(!rect.contains(x: 12, y: 1) && !rect.contains(x: 2, y: 5))
        #expect(rect.intersection(Rect(x: 10, y: 0, width: 5, height: 2)) == Rect(x: 10, y: 1, width: 2, height: 1))
        #expect(rect.intersection(Rect(x: 20, y: 20, width: 1, height: 1)).isEmpty)
    }

    @Test func outsideTheGridIsBlank() {
        let grid = Grid(cols: 2, rows: 2)
        #expect(grid[-1, 0] == .blank(.plain))
        #expect(grid[0, 5] == .blank(.plain))
        #expect(grid.text(ofRow: 7) == "")
    }

    @Test(arguments: [(20, 6), (32, 8), (60, 15), (80, 24), (100, 30), (211, 57)])
    func everyRowIsExactlyAsWideAsTheGrid(cols: Int, rows: Int) {
        var grid = Grid(cols: cols, rows: rows)
        grid.drawBox(grid.bounds, style: red, box: .rounded)
        let samples = ["AAPL 日経平均 ▲ 1.25%", "Cafe\u{301} 😀👍🏽 e\u{301}", "한국어 テスト 中文", "x\u{1B}y\u{202E}z", "…"]
        for y in 0..<rows {
            let text = samples[y % samples.count]
            grid.put(text, x: (y * 7) % cols - 3, y: y, style: red)
            grid.put(text, x: cols - (y % 5) - 2, y: y, style: blue)
            grid.put(text, x: 1 + y % 3, y: y, width: cols / 3, style: blue, alignment: .right)
        }
        for y in 0..<rows {
            #expect(TextWidth.of(grid.text(ofRow: y)) == cols, "row \(y) at \(cols)×\(rows)")
        }
    }

    /// Frames are copied with `memcpy` and compared with `memcmp`: a cell must be plain bytes without padding.
    @Test func aCellIsPlainDataWithoutPadding() {
        #expect(_isPOD(Cell.self))
        #expect(MemoryLayout<Cell>.size == MemoryLayout<Cell>.stride)
        #expect(MemoryLayout<Cell>.size == 24)
        var cell = Cell.blank(red)
        #expect(cell.style == red && cell.text == " " && !cell.isWide && !cell.isContinuation)
        cell.style = .plain
        #expect(cell == .blank(.plain))
        let styled = Style(foreground: .index(0), background: .index(255), attributes: [.bold, .italic, .reverse])
        cell.style = styled
        #expect(cell.style == styled)
    }

    @Test func aPastedStripTakesItsCellsAndNeverLeavesHalfAWideCharacter() {
        var source = Grid(cols: 6, rows: 2)
        source.put("ab日cd", x: 0, y: 0, style: red)
        source.put("x日y", x: 0, y: 1, style: red)
        var target = Grid(cols: 6, rows: 2)
        target.put("本本本", x: 0, y: 0, style: .plain)
        for y in 0..<2 { target.paste(source.strip(x: 1, y: y, width: 3), x: 1, y: y) }
        // Row 0: 本 at 0–1 is cut by the strip at 1, so its left half blanks; 日 at 2–3 comes whole; 本 at 4–5 stays.
        #expect(target.text(ofRow: 0) == " b日本")
        // Row 1: 日 at 1–2 comes whole; y at 3.
        #expect(target.text(ofRow: 1) == " 日y  ")
        var cut = Grid(cols: 6, rows: 1)
        cut.paste(source.strip(x: 0, y: 0, width: 3), x: 0, y: 0)
        // The strip ends on the left half of 日: it becomes a blank rather than half a character.
        #expect(cut.text(ofRow: 0) == "ab    ")
        #expect(!cut[2, 0].isWide)
        // Clipped where the grid ends.
        cut.paste(source.strip(x: 0, y: 1, width: 6), x: 4, y: 0)
        #expect(cut.text(ofRow: 0) == "ab  x ")
    }

    @Test func fillingARectReleasesWideCharactersAtItsEdges() {
        var grid = Grid(cols: 6, rows: 1)
        grid.put("日本語", x: 0, y: 0, style: red)
        grid.fill(Rect(x: 1, y: 0, width: 4, height: 1), style: .plain)
        #expect(grid.text(ofRow: 0) == "      ")
        #expect(grid[0, 0] == .blank(red) && grid[5, 0] == .blank(red))
    }
}
