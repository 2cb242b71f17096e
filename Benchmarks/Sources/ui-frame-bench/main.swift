import BenchMeasure
import Foundation
import UIBenchFixture

// Issue 5's frame targets on the benchmark dashboard (3 accounts, 1,000 positions, 200×60), drawn by the real
// renderer into real ncurses on a pseudo-terminal. Prints one Markdown table row per measure: best and median
// time of REPEATS runs by wall clock and by this thread's CPU clock (what a core does whatever else runs; it
// includes ncurses' write to the pseudo-terminal), and the bytes ncurses wrote.
// Usage: ui-frame-bench [REPEATS] [updates | ticks] — `updates` runs only the price updates (after one full frame),
// `ticks` only the clock ticks, for a profiler to see them alone.
//
// Reading what ncurses wrote happens between runs, outside the times.
let arguments = CommandLine.arguments
let repeats = arguments.count > 1 ? max(3, Int(arguments[1]) ?? 200) : 200
let updatesOnly = arguments.count > 2 && arguments[2] == "updates"
let ticksOnly = arguments.count > 2 && arguments[2] == "ticks"
let onePart = updatesOnly || ticksOnly

/// Times `body` `repeats` times; `before` runs before each and `between` after each, untimed. Seconds, sorted.
@MainActor
func times(_ body: () -> Void, before: () -> Void = {}, between: () -> Void) -> (wall: [Double], cpu: [Double]) {
    var wall: [Double] = [], cpu: [Double] = []
    for _ in 0..<repeats {
        before()
        let start = ContinuousClock.now
        let startCPU = ProcessMeasure.threadCPUSeconds()
        body()
        cpu.append(ProcessMeasure.threadCPUSeconds() - startCPU)
        let elapsed = start.duration(to: .now)
        wall.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        between()
    }
    return (wall.sorted(), cpu.sorted())
}

func row(
    _ name: String, target: String, _ measured: (wall: [Double], cpu: [Double]), bytes: String, limit: Double?,
    byteLimit: Int? = nil, byteCount: Int? = nil
) -> String {
    let milliseconds = { (value: Double) in String(format: "%.3f", value * 1000) }
    var pass = limit.map { measured.cpu[0] * 1000 <= $0 } ?? true
    if let byteLimit, let byteCount { pass = pass && byteCount <= byteLimit }
    let verdict = limit == nil && byteLimit == nil ? "–" : pass ? "pass" : "miss"
    return "| \(name) | \(target) | \(milliseconds(measured.cpu[0])) | \(milliseconds(measured.cpu[measured.cpu.count / 2])) "
        + "| \(milliseconds(measured.wall[0])) | \(milliseconds(measured.wall[measured.wall.count / 2])) | \(bytes) | \(verdict) |"
}

let screen: DashboardOnPseudoTerminal
do {
    screen = try DashboardOnPseudoTerminal()
} catch {
    FileHandle.standardError.write(Data("ui-frame-bench: \(error)\n".utf8))
    exit(1)
}

var fullBytes: [Int] = []
if onePart { screen.drawFullFrame() }
let compose = onePart ? ([0], [0]) : times({ _ = screen.composeFullFrame() }, between: {})
let full = onePart ? ([0], [0]) : times({ screen.drawFullFrame() }, between: { fullBytes.append(screen.takeBytes()) })
// The same in its two halves: composed and handed to ncurses, then ncurses writing it to the terminal.
let handed = onePart ? ([0], [0]) : times({ screen.handFullFrame() }, between: {
    screen.writeHandedFrame()
    _ = screen.takeBytes()
})
let written = onePart ? ([0], [0]) : times({ screen.writeHandedFrame() }, before: { screen.handFullFrame() }, between: {
    _ = screen.takeBytes()
})
// The clock ticks from a calm screen: what an idle second costs.
var tickBytes: [Int] = []
let tick = times({ screen.drawClockTick() }, between: { tickBytes.append(screen.takeBytes()) })
var updateBytes: [Int] = []
let update = ticksOnly ? ([0], [0]) : times(
    { screen.drawOnePriceUpdate() },
    before: { screen.prepareOnePriceUpdate() },
    between: {
        updateBytes.append(screen.takeBytes())
        screen.endFlash()
        _ = screen.takeBytes()
    })
screen.close()

let positions = screen.state.accounts.reduce(0) { $0 + ($1.positions.value?.count ?? 0) }
let size = "\(screen.view.size.cols)×\(screen.view.size.rows)"
let fullRange = "\(fullBytes.min() ?? 0)–\(fullBytes.max() ?? 0)"
let updateMax = updateBytes.max() ?? 0
print("| Measure (\(positions) positions, \(size), best and median of \(repeats)) | Target | CPU ms best | CPU ms median | Wall ms best | Wall ms median | Bytes to terminal | By CPU |")
print("|---|---|---:|---:|---:|---:|---:|---|")
print(row("Full frame composed (DashboardRenderer, nothing remembered)", target: "–", compose, bytes: "–", limit: nil))
print(row("Full frame composed and handed to ncurses (nothing written yet)", target: "≤ 2 ms", handed, bytes: "–", limit: 2))
print(row("… then written by ncurses to the terminal (`doupdate`)", target: "–", written, bytes: fullRange, limit: nil))
print(row("Full frame composed, handed and written (whole screen repainted)", target: "–", full, bytes: fullRange, limit: nil))
print(row(
    "One-price update composed, compared and handed to ncurses", target: "≤ 0.3 ms, ≤ 300 B", update,
    bytes: "\(updateBytes.min() ?? 0)–\(updateMax)", limit: 0.3, byteLimit: 300, byteCount: updateMax))
print(row(
    "Clock tick: one second passes on a calm screen, drawn, compared and handed to ncurses", target: "–", tick,
    bytes: "\(tickBytes.min() ?? 0)–\(tickBytes.max() ?? 0)", limit: nil))
print("")
print("Clock tick on a calm screen: \(tickBytes.prefix(5).map(String.init).joined(separator: ", ")) bytes; "
    + "peak RSS of this process \(ProcessMeasure.peakResidentBytes().map { String(format: "%.1f MB", Double($0) / 1e6) } ?? "unknown").")
