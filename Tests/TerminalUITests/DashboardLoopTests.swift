import Portfolio
import Testing

@testable import TerminalUI

/// The app loop on a terminal in memory: exit statuses, resize, frames only on change, intents to the engine.
@MainActor
@Suite struct DashboardLoopTests {
    init() { TestLocale.useUTF8() }

    struct Harness {
        let terminal: MemoryTerminal
        let driver = FakeDriver()
        let loop: DashboardLoop
        let events: AsyncStream<AppEvent>.Continuation

        @MainActor
        init(size: TerminalSize = TerminalSize(cols: 120, rows: 40), colors: Int = 256, themeIsChosen: Bool = false) throws {
            terminal = MemoryTerminal(size: size, colorCount: colors)
            let (stream, continuation) = AsyncStream.makeStream(of: AppEvent.self)
            events = continuation
            let definitions = try ["default", "light", "mono"].map {
                try ThemeDefinition.load(name: $0, path: ThemeFixtures.themesDirectory + "/\($0).toml", home: nil)
            }
            loop = DashboardLoop(
                terminal: terminal, driver: driver, themes: ThemeCatalog(definitions: definitions), theme: definitions[0],
                options: DashboardOptions(asciiGlyphs: false, themeIsChosen: themeIsChosen), events: stream,
                continuation: continuation)
        }

        @MainActor
        func type(_ keys: Key...) {
            for key in keys { terminal.type(key) }
            events.yield(.keysReady)
        }
    }

    @Test func qQuitsWithZeroAndRestoresTheTerminal() async throws {
        let harness = try Harness()
        harness.events.yield(.state(SampleDashboard.state()))
        harness.type(.character("q"))
        #expect(await harness.loop.run() == 0)
        #expect(harness.terminal.isShutDown)
        #expect(harness.terminal.screen?.lines.contains { $0.contains("Positions (8)") } == true)
    }

    @Test(arguments: [(TerminalSignal.interrupt, Int32(130)), (.terminate, 143), (.hangUp, 129)])
    func signalsEndWithTheirStatus(_ signal: TerminalSignal, _ status: Int32) async throws {
        let harness = try Harness()
        harness.events.yield(.signal(signal))
        #expect(await harness.loop.run() == status)
        #expect(harness.terminal.isShutDown)
    }

    @Test func aClosedInputEndsLikeAHangUp() async throws {
        let harness = try Harness()
        harness.events.yield(.inputClosed)
        #expect(await harness.loop.run() == 129)
        #expect(harness.terminal.isShutDown)
    }

    @Test func resizeFollowsTheWindow() async throws {
        let harness = try Harness()
        harness.events.yield(.state(SampleDashboard.state()))
        harness.terminal.resize(to: TerminalSize(cols: 39, rows: 9))
        harness.events.yield(.keysReady)
        harness.events.yield(.signal(.terminate))
        _ = await harness.loop.run()
        let screen = try #require(harness.terminal.screen)
        #expect(screen.cols == 39 && screen.rows == 9)
        #expect(screen.lines.contains { $0.contains("too small") })
        #expect(harness.loop.view.size == TerminalSize(cols: 39, rows: 9))
    }

    @Test func aFrameIsPresentedOnlyWhenSomethingChanged() async throws {
        let harness = try Harness()
        let state = SampleDashboard.state()
        harness.events.yield(.state(state))
        harness.events.yield(.state(state))
        harness.type(.character("x"))  // bound to nothing
        harness.events.yield(.signal(.terminate))
        _ = await harness.loop.run()
        // The placeholder frame before any state, then the sample's: the same state again and a key that changes
        // nothing reach no terminal.
        #expect(harness.terminal.presentCount == 2)
    }

    @Test func keysSendIntentsToTheEngine() async throws {
        let harness = try Harness()
        harness.events.yield(.state(SampleDashboard.state()))
        harness.type(.character("2"), .character("r"), .character("H"), .character("r"))
        harness.events.yield(.signal(.terminate))
        _ = await harness.loop.run()
        // Intents go out on tasks of their own; give them a moment to land.
        for _ in 0..<100 where harness.driver.intents.count < 5 { await Task.yield() }
        let intents = harness.driver.intents
        #expect(intents.contains(.refresh(SampleDashboard.family)))
        #expect(intents.contains(.refreshHistory))
        #expect(intents.contains(.focus(SampleDashboard.family, [.history])))
        #expect(intents.contains(.focus(nil, [.summary, .ledger, .positions, .pnl, .orders, .quotes])))
    }

    @Test func tCyclesThemesFromTheCatalog() async throws {
        let harness = try Harness()
        harness.events.yield(.state(SampleDashboard.state()))
        harness.type(.character("t"), .character("t"))
        harness.events.yield(.signal(.terminate))
        _ = await harness.loop.run()
        #expect(harness.loop.view.themeName == "mono")
        let screen = try #require(harness.terminal.screen)
        for y in 0..<screen.rows {
            for x in 0..<screen.cols { #expect(screen[x, y].style.foreground == .terminalDefault) }
        }
    }

    @Test func ctrlLRepaintsEverything() async throws {
        let harness = try Harness()
        harness.events.yield(.state(SampleDashboard.state()))
        harness.type(.control("l"))
        harness.events.yield(.signal(.terminate))
        _ = await harness.loop.run()
        #expect(harness.terminal.presentCount == 3)
    }

    @Test(arguments: [0, 2])
    func aTerminalWithFewerThanEightColoursStartsInMono(colors: Int) throws {
        let harness = try Harness(colors: colors)
        #expect(harness.loop.view.themeName == "mono")
    }

    @Test func aThemeTheUserChoseStaysOnAMonoTerminal() throws {
        let harness = try Harness(colors: 0, themeIsChosen: true)
        #expect(harness.loop.view.themeName == "default")
    }

    @Test func eightColoursKeepTheTheme() throws {
        let harness = try Harness(colors: 8)
        #expect(harness.loop.view.themeName == "default")
    }

    @Test func aThemeThatCannotBeLoadedIsNamedOnTheStatusLine() async throws {
        let terminal = MemoryTerminal(size: TerminalSize(cols: 120, rows: 40))
        let (stream, continuation) = AsyncStream.makeStream(of: AppEvent.self)
        let good = try ThemeDefinition.load(name: "default", path: ThemeFixtures.themesDirectory + "/default.toml", home: nil)
        let catalog = ThemeCatalog(names: ["default", "broken"]) { name throws(ThemeError) in
            guard name == "default" else { throw .invalidName(name + "!") }
            return good
        }
        let loop = DashboardLoop(
            terminal: terminal, driver: FakeDriver(), themes: catalog, theme: good, options: DashboardOptions(),
            events: stream, continuation: continuation)
        continuation.yield(.state(SampleDashboard.state()))
        terminal.type(.character("t"))
        continuation.yield(.keysReady)
        continuation.yield(.signal(.terminate))
        _ = await loop.run()
        let status = try #require(terminal.screen?.text(ofRow: 39))
        #expect(status.contains("theme broken:"))
    }

    @Test func withNoColorNothingFlashes() async throws {
        // Wide enough for the price column beside the account column of the all-accounts view.
        let terminal = MemoryTerminal(size: TerminalSize(cols: 160, rows: 45))
        let (stream, continuation) = AsyncStream.makeStream(of: AppEvent.self)
        let theme = try ThemeDefinition.load(name: "default", path: ThemeFixtures.themesDirectory + "/default.toml", home: nil)
        let loop = DashboardLoop(
            terminal: terminal, driver: FakeDriver(), themes: ThemeCatalog(definitions: [theme]), theme: theme,
            options: DashboardOptions(noColor: true), events: stream, continuation: continuation)
        var state = SampleDashboard.state()
        continuation.yield(.state(state))
        state.accounts[0].positions.value?[0].marketPrice = 231
        state.accounts[0].positions.fetchedAt = SampleDashboard.now
        continuation.yield(.state(state))
        continuation.yield(.signal(.terminate))
        _ = await loop.run()
        let screen = try #require(terminal.screen)
        #expect(screen.lines.contains { $0.contains("231.00") })
        let flash = theme.resolved(colorCount: 256)[.flash]
        for y in 0..<screen.rows { for x in 0..<screen.cols { #expect(screen[x, y].style != flash) } }
    }
}
