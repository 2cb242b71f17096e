// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for the two bodies ibdash reads from the network. A separate package, like Benchmarks/,
// so that `swift build` of ibdash never builds them; they only make sense built with the fuzzer sanitizer,
// as scripts/fuzz.sh does (see README.md here). The root package is named explicitly: a path dependency is
// otherwise known by its folder name, which differs between checkouts and worktrees.
let package = Package(
    name: "ibdash-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "ibdash", path: "..")
    ],
    targets: [
        // A Flex response body: classify, parse, the summary and JSON of `flex parse`, the history mapping.
        .executableTarget(
            name: "FlexBodyFuzzer",
            dependencies: [.product(name: "IBKR", package: "ibdash"), .product(name: "Portfolio", package: "ibdash")],
            // libFuzzer brings `main`; the target only defines LLVMFuzzerTestOneInput.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        // A Client Portal answer: the JSON parser, then every wire model and its mapping into domain values.
        .executableTarget(
            name: "ClientPortalFuzzer",
            dependencies: [.product(name: "IBKR", package: "ibdash"), .product(name: "Portfolio", package: "ibdash")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
