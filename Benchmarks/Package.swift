// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so that `swift build` of ibdash never builds the benchmark harness.
// The root package is named explicitly: a path dependency is otherwise known by its folder name, which
// differs between checkouts and worktrees.
let package = Package(
    name: "ibdash-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "ibdash", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // `swift package benchmark --target FlexParser`: parse throughput and allocations with ordo-one/benchmark.
        .executableTarget(
            name: "FlexParser",
            dependencies: [
                .product(name: "IBKR", package: "ibdash"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/FlexParser",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // `flex-parse-bench FILE`: one parse of one file, with MB/s and peak RSS, for scripts/bench-flex.sh.
        .executableTarget(
            name: "flex-parse-bench",
            dependencies: ["BenchMeasure", .product(name: "IBKR", package: "ibdash")]
        ),
        // `swift package benchmark --target DashboardFrame`: issue 5's full frame and one-price update.
        .executableTarget(
            name: "DashboardFrame",
            dependencies: ["UIBenchFixture", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/DashboardFrame",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // `ui-frame-bench [REPEATS]`: the same frames timed by wall and CPU clock, with the bytes ncurses
        // writes, as a table for scripts/bench-ui.sh.
        .executableTarget(name: "ui-frame-bench", dependencies: ["BenchMeasure", "UIBenchFixture"]),
        // The benchmark dashboard (1,000 positions) and the real renderer and ncurses on a pseudo-terminal.
        .target(
            name: "UIBenchFixture",
            dependencies: [
                .product(name: "Portfolio", package: "ibdash"), .product(name: "TerminalUI", package: "ibdash"),
            ]
        ),
        // CPU time of the calling thread and resident memory, for the benchmark executables.
        .target(name: "BenchMeasure"),
    ]
)
