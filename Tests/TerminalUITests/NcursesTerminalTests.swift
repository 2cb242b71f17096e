import CNcursesw
import Glibc
import Testing

@testable import TerminalUI

/// The real backend on a pseudo-terminal: what ncurses writes, and the keys it decodes from what is typed.
/// Serialized and on the main actor, because ncurses has one global state and is not thread-safe.
@MainActor @Suite(.serialized) struct NcursesTerminalTests {
    init() { TestLocale.useUTF8() }

    private func open(_ pty: PseudoTerminal, type: String = "xterm-256color", useColor: Bool = true) throws
        -> NcursesTerminal
    {
        try NcursesTerminal(
            input: pty.device, output: pty.device, useColor: useColor, terminalType: type, setLocale: false)
    }

    @Test func takesTheSizeAndColoursOfTheTerminal() throws {
        let pty = try PseudoTerminal(size: TerminalSize(cols: 100, rows: 30))
        let terminal = try open(pty)
        defer { terminal.shutdown() }
        #expect(terminal.size == TerminalSize(cols: 100, rows: 30))
        #expect(terminal.colorCount == 256)
    }

    @Test(arguments: [("xterm", true, 8), ("vt100", true, 0), ("xterm-256color", false, 0)])
    func colourCountFollowsTheTerminalAndTheChoice(type: String, useColor: Bool, colors: Int) throws {
        let pty = try PseudoTerminal(size: TerminalSize(cols: 80, rows: 24))
        let terminal = try open(pty, type: type, useColor: useColor)
        defer { terminal.shutdown() }
        #expect(terminal.colorCount == colors)
    }

    @Test func refusesWhatItCannotDriveWithAClearError() throws {
        let pty = try PseudoTerminal(size: TerminalSize(cols: 80, rows: 24))
        #expect(throws: TerminalError.unknownTerminal("no-such-terminal")) { try open(pty, type: "no-such-terminal") }
        #expect(throws: TerminalError.cannotAddressCursor("dumb")) { try open(pty, type: "dumb") }
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        #expect(throws: TerminalError.notATerminal) {
            try NcursesTerminal(input: ends[0], output: pty.device, terminalType: "xterm", setLocale: false)
        }
        #expect(throws: TerminalError.noTerminalType) {
            try NcursesTerminal(input: pty.device, output: pty.device, terminalType: "", setLocale: false)
        }
        #expect(TerminalError.unknownTerminal("x\u{1B}]52;c;AA\u{7}y").description.hasPrefix("no terminfo entry for TERM=xy;"))
    }

    @Test func drawsTheGridAndSendsOnlyWhatChanged() throws {
        let pty = try PseudoTerminal(size: TerminalSize(cols: 100, rows: 30))
        let terminal = try open(pty)
        defer { terminal.shutdown() }
        var grid = Grid(cols: 100, rows: 30)
        grid.drawBox(grid.bounds, style: Style(foreground: .index(240)), box: .rounded)
        grid.put("AAPL 日本", x: 2, y: 1, style: Style(foreground: .index(77), attributes: .bold))
        grid.put("101.25", x: 20, y: 1, style: Style(foreground: .index(252)))
        terminal.present(grid)
        let first = String(decoding: pty.takeOutput(), as: UTF8.self)
        #expect(first.contains("AAPL 日本"))
        #expect(first.contains("101.25"))
        #expect(first.contains("╭"))
        #expect(first.contains("38;5;77"))

        terminal.present(grid)
        #expect(pty.takeOutput().isEmpty)

        grid.put("101.30", x: 20, y: 1, style: Style(foreground: .index(252)))
        terminal.present(grid)
        let update = pty.takeOutput()
        #expect(String(decoding: update, as: UTF8.self).contains("30"))
        #expect(!update.isEmpty && update.count < 40, "a one-price update wrote \(update.count) bytes")
        #expect(update.count * 20 < first.utf8.count)
    }

    /// Every cell ncurses was handed holds the grid's character, attributes and colours: runs of one style, wide
    /// characters (one at the last column, which has no room), combining marks, box lines.
    @Test func ncursesHoldsEveryCellOfTheGrid() throws {
        let pty = try PseudoTerminal(size: TerminalSize(cols: 30, rows: 6))
        let terminal = try open(pty)
        defer { terminal.shutdown() }
        var grid = Grid(cols: 30, rows: 6, style: Style(foreground: .index(252), background: .index(235)))
        grid.drawBox(Rect(x: 0, y: 0, width: 30, height: 4), style: Style(foreground: .index(240)), box: .rounded)
        grid.put("AAPL 日本", x: 2, y: 1, style: Style(foreground: .index(77), attributes: .bold))
        grid.put("e\u{301}+", x: 14, y: 1, style: Style(foreground: .index(196), attributes: [.underline, .reverse]))
        grid.put("−12.50", x: 20, y: 2, style: Style(foreground: .index(160), background: .terminalDefault))
        grid.put("abc日", x: 26, y: 4, style: .plain)
        grid.put("€ 1,234", x: 0, y: 5, style: Style(foreground: .index(33), attributes: .italic))
        terminal.present(grid)
        for y in 0..<grid.rows {
            for x in 0..<grid.cols where !grid[x, y].isContinuation {
                let cell = grid[x, y], pictured = terminal.pictured(x: x, y: y), expected = terminal.expected(cell.style)
                // A wide character at the last column has no room: a blank stands in its place.
                let text = cell.isWide && x + 1 == grid.cols ? " " : cell.text
                #expect(pictured.text == text, "(\(x), \(y))")
                #expect(pictured.attributes & ~NCS_A_COLOR == expected.attributes, "(\(x), \(y))")
                #expect(pictured.colors.map { [$0.0, $0.1] } == expected.colors.map { [$0.0, $0.1] }, "(\(x), \(y))")
            }
        }
    }

    @Test func invalidateRepaintsEverything() throws {
        let pty = try PseudoTerminal(size: TerminalSize(cols: 40, rows: 10))
        let terminal = try open(pty)
        defer { terminal.shutdown() }
        var grid = Grid(cols: 40, rows: 10)
        grid.put("held", x: 0, y: 0, style: .plain)
        terminal.present(grid)
        _ = pty.takeOutput()
        terminal.invalidate()
        terminal.present(grid)
        #expect(String(decoding: pty.takeOutput(), as: UTF8.self).contains("held"))
    }

    @Test func decodesTypedKeys() throws {
        let pty = try PseudoTerminal(size: TerminalSize(cols: 80, rows: 24))
        let terminal = try open(pty)
        defer { terminal.shutdown() }
        // xterm's keypad-transmit sequences (terminfo kcuu1, kcbt, knp, kbs …), then plain keys.
        pty.type("\u{1B}OA\u{1B}OB\u{1B}[Z\u{1B}[6~\u{1B}[5~\u{1B}OH\u{1B}OF\u{1B}OP\u{7F}q日\r\t\u{0C}")
        #expect(
            readKeys(terminal, pty, count: 14) == [
                .up, .down, .backTab, .pageDown, .pageUp, .home, .end, .function(1), .backspace, .character("q"),
                .character("日"), .enter, .tab, .control("l"),
            ])
    }

    @Test func aLoneEscapeArrivesAfterTheShortEscapeDelay() throws {
        let pty = try PseudoTerminal(size: TerminalSize(cols: 80, rows: 24))
        let terminal = try open(pty)
        defer { terminal.shutdown() }
        pty.type("\u{1B}")
        #expect(readKeys(terminal, pty, count: 1) == [.escape])
    }

    @Test func resizeReadsTheNewSizeAndQueuesAResizeKey() throws {
        let pty = try PseudoTerminal(size: TerminalSize(cols: 80, rows: 24))
        let terminal = try open(pty)
        defer { terminal.shutdown() }
        pty.resize(to: TerminalSize(cols: 60, rows: 15))
        #expect(terminal.refreshSize() == TerminalSize(cols: 60, rows: 15))
        #expect(terminal.readKeys() == [.resize])
        #expect(terminal.refreshSize() == TerminalSize(cols: 60, rows: 15))
        #expect(terminal.readKeys().isEmpty)
    }

    @Test func shutdownIsIdempotentAndEndsDrawing() throws {
        let pty = try PseudoTerminal(size: TerminalSize(cols: 20, rows: 5))
        let terminal = try open(pty)
        terminal.present(Grid(cols: 20, rows: 5))
        _ = pty.takeOutput()
        terminal.shutdown()
        terminal.shutdown()
        _ = pty.takeOutput()
        var grid = Grid(cols: 20, rows: 5)
        grid.put("after", x: 0, y: 0, style: .plain)
        terminal.present(grid)
        #expect(pty.takeOutput().isEmpty)
        #expect(terminal.readKeys().isEmpty)
    }

    /// Reads until `count` keys came or a second passed: the kernel passes typed bytes on asynchronously, and
    /// ncurses waits its escape delay before it calls a lone Esc a key.
    private func readKeys(_ terminal: NcursesTerminal, _ pty: PseudoTerminal, count: Int) -> [Key] {
        var keys: [Key] = []
        for _ in 0..<100 where keys.count < count {
            pty.waitForInput(milliseconds: 10)
            keys += terminal.readKeys()
        }
        return keys
    }
}
