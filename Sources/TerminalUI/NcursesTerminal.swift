import Portfolio
import CNcursesw
import Glibc

/// The terminal through ncursesw: the only file that imports curses (docs/reference swift-ncurses-guide §3–§7).
/// Every call stays on the main actor; ncurses is not thread-safe, and even reading keys refreshes the screen.
@MainActor
public final class NcursesTerminal: Terminal {
    public private(set) var size: TerminalSize
    public let colorCount: Int
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let outputFile: UnsafeMutablePointer<FILE>
    private let inputFile: UnsafeMutablePointer<FILE>
    private let outputDescriptor: Int32
    private let hasDefaultColors: Bool
    private let hardwareColors: Int
    private let pairLimit: Int
    private var pairs: [ColorPair: Int16] = [:]
    /// By `Cell.styleBits`: see `template(for:)`.
    private var templates: [UInt32: cchar_t] = [:]
    private var isShutDown = false
    /// What the screen shows, so that only rows that changed are handed to ncurses; nil after `invalidate`.
    private var shown: Grid?

    private struct ColorPair: Hashable {
        var foreground: Int16
        var background: Int16
    }

    /// Takes the terminal over. Before this, `SignalWatcher` must have taken SIGINT, SIGTERM, SIGHUP and
    /// SIGWINCH, or ncurses installs its own handlers. `setLocale` reads the locale from the environment
    /// (`LC_ALL`, `LANG`), which ncurses needs to draw anything beyond ASCII. `useColor: false` never starts
    /// colour (for `--no-color`); `terminalType` defaults to `$TERM`.
    public init(
        input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, useColor: Bool = true,
        terminalType: String? = nil, setLocale: Bool = true
    ) throws(TerminalError) {
        guard isatty(input) == 1, isatty(output) == 1 else { throw .notATerminal }
        guard let name = terminalType ?? getenv("TERM").map({ String(cString: $0) }), !name.isEmpty else {
            throw .noTerminalType
        }
        if setLocale { _ = Glibc.setlocale(LC_ALL, "") }
        // Private duplicates, so that closing ncurses' streams leaves stdin and stdout open for messages.
        let (inputFile, outputFile) = try Self.openStreams(input: input, output: output)
        // The modes as the shell left them, saved before ncurses changes anything.
        CrashRestore.install(descriptor: output)
        guard let screen = newterm(name, outputFile, inputFile) else {
            CrashRestore.remove()
            fclose(outputFile)
            fclose(inputFile)
            throw .unknownTerminal(name)
        }
        guard ncs_has_cursor_addressing() != 0, let window = ncs_stdscr() else {
            endwin()
            CrashRestore.remove()
            delscreen(screen)
            fclose(outputFile)
            fclose(inputFile)
            throw .cannotAddressCursor(name)
        }
        self.screen = screen
        self.window = window
        self.inputFile = inputFile
        self.outputFile = outputFile
        outputDescriptor = output
        cbreak()  // keys unbuffered, while Ctrl-C still raises SIGINT
        noecho()
        nonl()  // Enter arrives as 13
        keypad(window, true)
        nodelay(window, true)  // the input watcher says when keys wait; reading never blocks
        leaveok(window, true)
        _ = curs_set(0)
        _ = set_escdelay(25)  // the default second makes a lone Esc feel stuck
        if useColor && has_colors() {
            start_color()
            hasDefaultColors = use_default_colors() == OK
            hardwareColors = Int(ncs_colors())
            pairLimit = min(Int(ncs_color_pairs()), Int(Int16.max))
        } else {
            hasDefaultColors = false
            hardwareColors = 0
            pairLimit = 0
        }
        colorCount = hardwareColors >= 256 ? 256 : hardwareColors >= 8 ? 8 : 0
        size = TerminalSize(cols: Int(getmaxx(window)), rows: Int(getmaxy(window)))
    }

    private static func openStreams(input: Int32, output: Int32) throws(TerminalError)
        -> (UnsafeMutablePointer<FILE>, UnsafeMutablePointer<FILE>)
    {
        let inputCopy = dup(input), outputCopy = dup(output)
        let inputFile = inputCopy >= 0 ? fdopen(inputCopy, "r") : nil
        let outputFile = outputCopy >= 0 ? fdopen(outputCopy, "w") : nil
        guard let inputFile, let outputFile else {
            if let inputFile { fclose(inputFile) } else if inputCopy >= 0 { close(inputCopy) }
            if let outputFile { fclose(outputFile) } else if outputCopy >= 0 { close(outputCopy) }
            throw .cannotOpen("the terminal's input and output streams")
        }
        return (inputFile, outputFile)
    }

    // MARK: Output

    /// Draw grids of `size`: a larger one is clipped, and a smaller one leaves the rest of the screen as it was.
    public func present(_ grid: Grid) {
        hand(grid)
        update()
    }

    /// The first half of `present`: the rows of `grid` that changed handed to ncurses' picture of the screen,
    /// nothing written to the terminal yet. Apart so that a benchmark can time the two halves.
    public func hand(_ grid: Grid) {
        guard !isShutDown else { return }
        let width = min(grid.cols, size.cols), height = min(grid.rows, size.rows)
        var run: [cchar_t] = []
        run.reserveCapacity(width)
        let previous = shown.flatMap { $0.cols == grid.cols && $0.rows == grid.rows ? $0 : nil }
        for y in 0..<height where previous.map({ !grid.rowEquals($0, row: y) }) ?? true {
            grid.withRow(y) { row in
                var x = 0
                while x < width {
                    let first = row[x], start = x
                    run.removeAll(keepingCapacity: true)
                    // A run is handed over as ready cells (`wadd_wchnstr`), a quarter cheaper than adding it as
                    // text: each a copy of the style's cell with its own characters.
                    let template = template(for: first)
                    // The right half of a wide character belongs to its run whatever its style: ncurses fills it
                    // from the character's left half, and starting a run there would blank that half.
                    while x < width, row[x].hasSameStyle(as: first) || row[x].isContinuation {
                        let cell = row[x]
                        x += 1
                        if cell.isContinuation { continue }
                        var character = template
                        // A wide character in the last column has no room: the template's blank stands in.
                        if !cell.isWide || x < width {
                            let values = cell.scalarValues
                            character.chars = (
                                wchar_t(bitPattern: values.0), wchar_t(bitPattern: values.1),
                                wchar_t(bitPattern: values.2), wchar_t(bitPattern: values.3),
                                wchar_t(bitPattern: values.4))
                        }
                        run.append(character)
                    }
                    _ = mvwadd_wchnstr(window, Int32(y), Int32(start), run, Int32(run.count))
                }
            }
        }
        _ = wnoutrefresh(window)
        shown = grid
    }

    /// A blank ncurses cell in `cell`'s style, made by `setcchar` the first time the style is drawn: a frame draws
    /// a few dozen styles in a thousand runs.
    private func template(for cell: Cell) -> cchar_t {
        if let template = templates[cell.styleBits] { return template }
        let style = cell.style
        var template = cchar_t()
        let blank: [wchar_t] = [wchar_t(UInt8(ascii: " ")), 0]
        _ = setcchar(&template, blank, attributes(of: style), pair(for: style), nil)
        if templates.count >= 1024 { templates.removeAll(keepingCapacity: true) }
        templates[cell.styleBits] = template
        return template
    }

    /// What ncurses' picture of the screen holds at (`x`, `y`): the text, the attributes and the colour pair's
    /// colours (nil without colours). For the tests, to check that what was handed over is what the grid has.
    func pictured(x: Int, y: Int) -> (text: String, attributes: attr_t, colors: (Int16, Int16)?) {
        var character = cchar_t()
        _ = mvwin_wch(window, Int32(y), Int32(x), &character)
        var text = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        _ = getcchar(&character, &text, &attributes, &pair, nil)
        let scalars = text.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        var foreground: Int16 = 0, background: Int16 = 0
        let colors = hardwareColors > 0 && pair_content(pair, &foreground, &background) == OK
            ? (foreground, background) : nil
        return (String(String.UnicodeScalarView(scalars)), attributes, colors)
    }

    /// `attributes(of:)` and the colours `pair(for:)` gives, for the tests to compare `pictured` with.
    func expected(_ style: Style) -> (attributes: attr_t, colors: (Int16, Int16)?) {
        let pair = pair(for: style)
        var foreground: Int16 = 0, background: Int16 = 0
        let colors = hardwareColors > 0 && pair_content(pair, &foreground, &background) == OK
            ? (foreground, background) : nil
        return (attributes(of: style), colors)
    }

    /// The second half of `present`: ncurses writes to the terminal what its picture has that the screen lacks.
    public func update() {
        guard !isShutDown else { return }
        _ = doupdate()
    }

    public func invalidate() {
        guard !isShutDown else { return }
        shown = nil
        _ = clearok(window, true)
    }

    private func attributes(of style: Style) -> attr_t {
        var attributes = NCS_A_NORMAL
        if style.attributes.contains(.bold) { attributes |= NCS_A_BOLD }
        if style.attributes.contains(.dim) { attributes |= NCS_A_DIM }
        if style.attributes.contains(.underline) { attributes |= NCS_A_UNDERLINE }
        if style.attributes.contains(.reverse) { attributes |= NCS_A_REVERSE }
        if style.attributes.contains(.italic) { attributes |= NCS_A_ITALIC }
        return attributes
    }

    /// Colour pairs are made on first use; pair 0 is the terminal's own colours.
    private func pair(for style: Style) -> Int16 {
        guard hardwareColors > 0 else { return 0 }
        let key = ColorPair(
            foreground: number(of: style.foreground, fallback: COLOR_WHITE),
            background: number(of: style.background, fallback: COLOR_BLACK))
        if hasDefaultColors && key == ColorPair(foreground: -1, background: -1) { return 0 }
        if let pair = pairs[key] { return pair }
        let next = pairs.count + 1
        guard next < pairLimit, init_pair(Int16(next), key.foreground, key.background) == OK else { return 0 }
        pairs[key] = Int16(next)
        return Int16(next)
    }

    /// -1 asks ncurses for the terminal's default; a palette index the terminal lacks falls back to its
    /// basic colour, though theme selection should never ask for one.
    private func number(of color: Color, fallback: Int32) -> Int16 {
        switch color {
        case .terminalDefault: hasDefaultColors ? -1 : Int16(fallback)
        case .index(let index): Int16(Int(index) < hardwareColors ? Int(index) : Int(index) % 8)
        }
    }

    // MARK: Input

    public func readKeys() -> [Key] {
        guard !isShutDown else { return [] }
        var keys: [Key] = []
        var code: wint_t = 0
        while keys.count < 256 {
            let result = wget_wch(window, &code)
            if result == ERR { break }
            let key = result == KEY_CODE_YES ? Self.key(forFunctionKey: Int32(bitPattern: code)) : Self.key(forCharacter: code)
            if let key { keys.append(key) }
        }
        return keys
    }

    /// ncurses' `KEY_*` codes, as `wget_wch` returns them with `KEY_CODE_YES`.
    nonisolated static func key(forFunctionKey code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_BTAB: .backTab
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_RESIZE: .resize
        case (KEY_F0 + 1)...(KEY_F0 + 63): .function(Int(code - KEY_F0))
        default: nil
        }
    }

    /// A character as `wget_wch` returns it with `OK`.
    nonisolated static func key(forCharacter code: wint_t) -> Key? {
        switch code {
        case 9: .tab
        case 10, 13: .enter
        case 27: .escape
        case 8, 127: .backspace
        case 1...26: .control(Character(Unicode.Scalar(UInt8(code) + 96)))
        case 0..<32, 0x80...0x9F: nil
        default:
            Unicode.Scalar(code).flatMap { TextSanitizer.isBidiControl($0) ? nil : .character(Character($0)) }
        }
    }

    // MARK: Size and shutdown

    public func refreshSize() -> TerminalSize {
        guard !isShutDown else { return size }
        var window = winsize()
        if ioctl(outputDescriptor, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0,
            Int(window.ws_row) != Int(getmaxy(self.window)) || Int(window.ws_col) != Int(getmaxx(self.window))
        {
            // Queues a KEY_RESIZE too; reading the size again then changes nothing.
            _ = resizeterm(Int32(window.ws_row), Int32(window.ws_col))
            shown = nil
        }
        size = TerminalSize(cols: Int(getmaxx(self.window)), rows: Int(getmaxy(self.window)))
        return size
    }

    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        endwin()
        CrashRestore.remove()
        delscreen(screen)
        fclose(outputFile)
        fclose(inputFile)
    }
}
