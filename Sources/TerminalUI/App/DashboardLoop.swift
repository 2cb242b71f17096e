import Foundation
import Portfolio

/// The app loop on the main actor: one event stream in (keys ready, signals, new states, flash ends), a frame out
/// only when something changed, and the terminal restored on every way out. It takes any `Terminal`, so tests
/// drive it with `MemoryTerminal`; `DashboardApp` runs it on ncurses.
@MainActor
public final class DashboardLoop {
    private let terminal: any Terminal
    private let driver: any DashboardDriver
    private let themes: ThemeCatalog
    private let options: DashboardOptions
    private let events: AsyncStream<AppEvent>
    private let continuation: AsyncStream<AppEvent>.Continuation
    private let keysRead: @MainActor () -> Void
    private let renderer: DashboardRenderer
    public private(set) var view: ViewState
    private var state: DashboardState
    private var lastFrame: Grid?
    private var lastFocus: Focus?
    private var flashTimer: (deadline: ContinuousClock.Instant, task: Task<Void, Never>)?

    /// - Parameters:
    ///   - keysRead: called after the waiting keys were read (the input watcher re-arms).
    public init(
        terminal: any Terminal, driver: any DashboardDriver, themes: ThemeCatalog, theme: ThemeDefinition,
        options: DashboardOptions, events: AsyncStream<AppEvent>, continuation: AsyncStream<AppEvent>.Continuation,
        keysRead: @escaping @MainActor () -> Void = {}
    ) {
        self.terminal = terminal
        self.driver = driver
        self.themes = themes
        self.options = options
        self.events = events
        self.continuation = continuation
        self.keysRead = keysRead
        let theme = Self.startingTheme(theme, themes: themes, terminal: terminal, options: options)
        let names = themes.names.contains(theme.name) ? themes.names : themes.names + [theme.name]
        view = ViewState(size: terminal.size, themeNames: names, theme: theme.name)
        renderer = DashboardRenderer(
            theme: Self.resolve(theme, terminal: terminal, options: options), clock: options.clock,
            keymap: options.keymap, flashes: Self.flashes(theme, terminal: terminal, options: options))
        state = DashboardState(
            now: Date(), connection: ConnectionInfo(gateway: "…"),
            cadences: EffectiveCadences(tickle: .seconds(60), datasets: [:], stretched: false),
            history: Cached(cadence: .seconds(6 * 3600)))
    }

    /// Runs until the user quits or a signal ends it, and returns the exit status: 0 for `q`, 128 + the signal's
    /// number otherwise (130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP or a closed input).
    public func run() async -> Int32 {
        defer {
            flashTimer?.task.cancel()
            terminal.shutdown()
        }
        render()
        for await event in events {
            if let status = handle(event) { return status }
            render()
        }
        return 0
    }

    /// Carries out one event; an exit status ends the loop.
    func handle(_ event: AppEvent) -> Int32? {
        switch event {
        case .keysReady:
            let keys = terminal.readKeys()
            keysRead()
            for key in keys {
                if key == .resize {
                    view.size = terminal.refreshSize()
                    continue
                }
                for effect in KeyReducer.reduce(&view, key: key, state: state, keymap: options.keymap) {
                    if let status = perform(effect) { return status }
                }
            }
        case .inputClosed:
            return TerminalSignal.hangUp.exitStatus
        case .signal(let signal):
            guard signal == .windowChanged else { return signal.exitStatus }
            view.size = terminal.refreshSize()
        case .state(let newState):
            state = newState
        case .flashEnded:
            flashTimer = nil
        }
        updateFocus()
        return nil
    }

    private func perform(_ effect: Effect) -> Int32? {
        switch effect {
        case .quit:
            return 0
        case .refresh(let account):
            Task { [driver] in await driver.refreshNow(account) }
        case .refreshHistory:
            Task { [driver] in await driver.refreshHistory() }
        case .useTheme(let name):
            do {
                let definition = try themes.definition(named: name)
                renderer.theme = Self.resolve(definition, terminal: terminal, options: options)
                renderer.notice = nil
            } catch {
                renderer.notice = "theme \(name): \(error.description)"
            }
        case .repaint:
            terminal.invalidate()
            lastFrame = nil
        }
        return nil
    }

    /// The engine fetches first what is on screen.
    private func updateFocus() {
        let datasets: Set<Dataset> =
            switch view.screen {
            case .main: [.summary, .ledger, .positions, .pnl, .orders, .quotes]
            case .account: [.summary, .ledger]
            case .position: [.positions, .quotes, .history]
            case .history: [.history]
            }
        let focus = Focus(account: view.selectedAccount, datasets: datasets)
        guard focus != lastFocus else { return }
        lastFocus = focus
        Task { [driver] in await driver.setFocus(account: focus.account, datasets: focus.datasets) }
    }

    /// Draws the frame; ncurses gets it only when it differs from the last one.
    private func render() {
        let frame = renderer.render(state, view: view, at: .now)
        if frame != lastFrame {
            terminal.present(frame)
            lastFrame = frame
        }
        scheduleFlashEnd()
    }

    /// One timer at a time, and none while nothing flashes: an idle dashboard makes no wake-ups of its own.
    private func scheduleFlashEnd() {
        guard let deadline = renderer.nextFlashDeadline else { return }
        if let timer = flashTimer, timer.deadline <= deadline { return }
        flashTimer?.task.cancel()
        let continuation = continuation
        let task = Task {
            try? await Task.sleep(until: deadline, clock: .continuous)
            if !Task.isCancelled { continuation.yield(.flashEnded) }
        }
        flashTimer = (deadline, task)
    }

    /// The wiring could not know the colour count before the screen opened: a terminal with fewer than 8 colours
    /// gets `mono` now, unless the user named a theme. Without a `mono` to load, the given theme stays.
    private static func startingTheme(
        _ given: ThemeDefinition, themes: ThemeCatalog, terminal: any Terminal, options: DashboardOptions
    ) -> ThemeDefinition {
        guard !options.themeIsChosen else { return given }
        let name = ThemeSelection.name(
            explicit: nil, configured: nil, environment: [:], colorless: !options.useColor || options.noColor,
            colorCount: terminal.colorCount)
        guard name == ThemeSelection.monochrome, given.name != name else { return given }
        return (try? themes.definition(named: name)) ?? given
    }

    private static func resolve(_ definition: ThemeDefinition, terminal: any Terminal, options: DashboardOptions) -> Theme {
        var theme = definition.resolved(colorCount: options.useColor ? terminal.colorCount : 0)
        if options.asciiGlyphs ?? !TextWidth.localeIsUTF8 { theme.glyphs = .ascii }
        return theme
    }

    /// Flashes need colour to be calm; with NO_COLOR, `--no-color`, a terminal without colours or the mono theme,
    /// values change without flashing.
    private static func flashes(_ definition: ThemeDefinition, terminal: any Terminal, options: DashboardOptions) -> Bool {
        !options.noColor && options.useColor && terminal.colorCount > 0 && definition.name != ThemeSelection.monochrome
    }
}
