import Portfolio

/// The entry point the app wiring calls: it takes the terminal over with ncurses, runs the dashboard until the
/// user quits or a signal ends it, gives the terminal back, and returns the exit status. Arguments, configuration
/// files and the environment stay with the wiring; everything this needs comes in as parameters.
public enum DashboardApp {
    /// - Parameters:
    ///   - driver: the engine (through `DashboardDriver`), already started.
    ///   - themes: what `t` cycles through; `theme` is the one to start with, already loaded.
    /// - Throws: `TerminalError` when the terminal cannot be taken over (not a TTY, unknown `TERM`, …); nothing
    ///   was drawn then and the message can go to standard error.
    @MainActor
    public static func run(
        driver: any DashboardDriver, themes: ThemeCatalog, theme: ThemeDefinition, options: DashboardOptions
    ) async throws(TerminalError) -> Int32 {
        let (events, continuation) = AsyncStream.makeStream(of: AppEvent.self)
        // Before ncurses starts, or it takes these signals itself.
        let signals = SignalWatcher { continuation.yield(.signal($0)) }
        defer { signals.cancel() }
        let input = try InputWatcher()
        let terminal = try NcursesTerminal(useColor: options.useColor)
        defer { terminal.shutdown() }
        input.start { event in continuation.yield(event == .ready ? .keysReady : .inputClosed) }
        defer { input.stop() }
        let forwarding = Task {
            for await state in driver.states { continuation.yield(.state(state)) }
        }
        defer { forwarding.cancel() }
        let loop = DashboardLoop(
            terminal: terminal, driver: driver, themes: themes, theme: theme, options: options, events: events,
            continuation: continuation, keysRead: { input.rearm() })
        return await loop.run()
    }
}
