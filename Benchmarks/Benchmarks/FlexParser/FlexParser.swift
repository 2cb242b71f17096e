import Benchmark
import Foundation
import IBKR

// The statement scripts/bench-flex.sh generates (2 accounts, 30 000 trades each, ~57 MB); FLEX_BENCH_FILE
// names another file. Without the file the benchmark says how to make it instead of measuring nothing.
let benchmarks: @Sendable () -> Void = {
    let path = ProcessInfo.processInfo.environment["FLEX_BENCH_FILE"] ?? "/tmp/ibdash-flex-bench.xml"
    guard let data = FileManager.default.contents(atPath: path) else {
        print("FlexParser: \(path) not found; run scripts/bench-flex.sh once (or set FLEX_BENCH_FILE)")
        return
    }
    Benchmark(
        "FlexParser parse",
        configuration: .init(
            metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal],
            scalingFactor: .one, maxDuration: .seconds(20), maxIterations: 20)
    ) { benchmark in
        // One parse per iteration; freeing the models afterwards is not part of what is measured.
        benchmark.startMeasurement()
        let response = try FlexStatementParser().parse(data)
        benchmark.stopMeasurement()
        blackHole(response)
    }
}
