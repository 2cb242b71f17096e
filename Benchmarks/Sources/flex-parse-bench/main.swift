import BenchMeasure
import Foundation
import IBKR

// Parses one Flex statement file from memory into models and reports the parse's throughput and the
// process's peak resident memory. Usage: flex-parse-bench FILE [REPEATS]
//
// Throughput is given twice: by wall time, and by the parsing thread's CPU time, which is what one core
// does when the machine is shared (other processes stretch wall time, not CPU time).
//
// The models of the last parse are left to the operating system at exit, as a command-line tool would:
// the whole-process time in scripts/bench-flex.sh is reading the file and building the models.
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: flex-parse-bench FILE [REPEATS]\n".utf8))
    exit(2)
}
let path = arguments[1]
let repeats = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 1) : 1
guard let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("flex-parse-bench: cannot read \(path)\n".utf8))
    exit(1)
}

let parser = FlexStatementParser()
var best = Double.infinity
var bestCPU = Double.infinity
var rows = 0
var kept: FlexQueryResponse?
for _ in 0..<repeats {
    kept = nil
    let start = ContinuousClock.now
    let startCPU = ProcessMeasure.threadCPUSeconds()
    let response: FlexQueryResponse
    do {
        response = try parser.parse(data)
    } catch {
        FileHandle.standardError.write(Data("flex-parse-bench: \(error)\n".utf8))
        exit(1)
    }
    // Measured before the models are freed: the figure is bytes to models, not the teardown.
    let elapsed = start.duration(to: .now)
    bestCPU = min(bestCPU, ProcessMeasure.threadCPUSeconds() - startCPU)
    best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    rows = response.statements.reduce(0) { $0 + $1.sections.reduce(0) { $0 + $1.rows } }
    kept = response
}
let megabytes = Double(data.count) / 1_000_000
let peak = ProcessMeasure.peakResidentBytes().map { String(format: "%.1f MB", Double($0) / 1_000_000) } ?? "unknown"
print(
    String(
        format: "%.1f MB, %d rows, best of %d: %.3f s wall (%.0f MB/s), %.3f s CPU (%.0f MB/s), peak RSS %@",
        megabytes, rows, repeats, best, megabytes / best, bestCPU, megabytes / bestCPU, peak))
withExtendedLifetime(kept) { exit(0) }
