import Foundation
import Glibc
import Portfolio
import TerminalUI

/// The benchmark dashboard drawn the way the app draws it: `DashboardRenderer` composes a frame from the state,
/// and `NcursesTerminal` hands it to real ncurses on a pseudo-terminal that counts every byte written (read all
/// the while by another thread, as a terminal emulator would). Flashes are
/// on, as in the app with colour. Time for a flash to end is simulated, so a run never waits for one.
@MainActor
public final class DashboardOnPseudoTerminal {
    public let state: DashboardState
    public let view: ViewState
    private let theme: Theme
    private let pty: DrainedPseudoTerminal
    private let terminal: NcursesTerminal
    private var renderer: DashboardRenderer
    /// What the screen shows now, and the frame it was drawn from.
    private var current: DashboardState
    private var next: DashboardState
    private var lastFrame: Grid?
    /// The position whose price moves, and how many times it moved.
    private let moving: Int
    private var steps = 0
    private var moment = ContinuousClock.now

    public init(theme name: String = "default") throws {
        _ = setlocale(LC_CTYPE, "C.UTF-8")
        theme = try BenchmarkDashboard.theme(name)
        state = BenchmarkDashboard.state()
        current = state
        next = state
        view = BenchmarkDashboard.view
        moving = BenchmarkDashboard.largestPosition(in: state)
        pty = try DrainedPseudoTerminal(size: BenchmarkDashboard.size)
        terminal = try NcursesTerminal(
            input: pty.device, output: pty.device, terminalType: "xterm-256color", setLocale: false)
        renderer = DashboardRenderer(theme: theme, flashes: true)
    }

    /// Restores the pseudo-terminal's settings; the object is of no use after it.
    public func close() { terminal.shutdown() }

    /// Composes a first frame, as after start or a new theme: a new renderer, nothing remembered.
    public func composeFullFrame() -> Grid {
        renderer = DashboardRenderer(theme: theme, flashes: true)
        return renderer.render(state, view: view, at: moment)
    }

    /// A first frame composed and handed to ncurses, which repaints the whole screen.
    public func drawFullFrame() {
        handFullFrame()
        writeHandedFrame()
    }

    /// A first frame composed and handed to ncurses' picture of the screen, nothing written yet: call
    /// `writeHandedFrame` after it.
    public func handFullFrame() {
        current = state
        let frame = composeFullFrame()
        terminal.invalidate()
        terminal.hand(frame)
        lastFrame = frame
    }

    /// ncurses writes the frame handed to it to the terminal.
    public func writeHandedFrame() { terminal.update() }

    /// One position's price moves by a cent, up and down in turn: composed, compared with the last frame and
    /// handed to ncurses, as `DashboardLoop` does. Call `prepareOnePriceUpdate` before it and `endFlash` after it,
    /// as time would.
    public func drawOnePriceUpdate() {
        current = next
        draw(current)
    }

    /// Makes the state of the next price update, untimed: in the app the engine hands it over ready.
    public func prepareOnePriceUpdate() {
        steps += 1
        next = BenchmarkDashboard.onePriceUpdate(
            of: current, position: moving, cents: steps % 2 == 1 ? 1 : -1, stamp: steps)
    }

    /// The frame after the last update's flash has ended: the value back in its own colour.
    public func endFlash() {
        moment += .seconds(2)
        draw(current)
        moment += .seconds(2)
    }

    /// One second later, nothing else changed: the clock and the ages move.
    public func drawClockTick() {
        current.now += 1
        moment += .seconds(1)
        draw(current)
    }

    /// The bytes ncurses wrote since the last call.
    public func takeBytes() -> Int { pty.takeByteCount() }

    private func draw(_ state: DashboardState) {
        let frame = renderer.render(state, view: view, at: moment)
        if frame != lastFrame {
            terminal.present(frame)
            lastFrame = frame
        }
    }
}
