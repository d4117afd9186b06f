// swift-tools-version:6.1
import PackageDescription

// Imports run one way: shardsim → Simulator → Shard → Beacon, Simulator → Scenarios, and shardsim → Report (see
// DESIGN.md); Report reads run folders from disk and imports nothing of ours.
let package = Package(
    name: "shardsim",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "shardsim", targets: ["shardsim"]),
        .library(name: "Simulator", targets: ["Simulator"]),
        .library(name: "Report", targets: ["Report"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftwasm/WasmKit", from: "0.4.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // HTML templating for reports: no dependencies of its own, a few seconds to build.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Debian's libsecp256k1-dev: secp256k1 public-key recovery for the EEs' precompile.
        .systemLibrary(
            name: "CSecp256k1",
            pkgConfig: "libsecp256k1",
            providers: [.apt(["libsecp256k1-dev"])]
        ),
        // Debian's libsqlite3-dev: the state providers' full state. Raw rather than GRDB: one table, one hot
        // upsert statement, and a build that takes seconds (toolchain notes, section 4).
        .systemLibrary(
            name: "CSQLite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Writes the git commit of the build into Simulator before every build (`shardsim --version`, run.json).
        .plugin(name: "BuildCommit", capability: .buildTool()),
        .target(name: "Beacon"),
        // The vocabulary of a run folder that its writer (Simulator) and its readers (Report) share: outcome and
        // metric names. Plain data; depends on nothing.
        .target(name: "RunFormat"),
        .target(
            name: "Scenarios",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Shard",
            dependencies: [
                "Beacon",
                "CSecp256k1",
                "CSQLite3",
                .product(name: "WasmKit", package: "WasmKit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/EEs")]
        ),
        .target(
            name: "Simulator",
            dependencies: [
                "Beacon",
                "Shard",
                "Scenarios",
                "RunFormat",
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "DequeModule", package: "swift-collections"),
                // SHA-256 of resolved scenarios, so a sweep folder notices a scenario that changed under it.
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The shipped inter-region latency table (Documentation/Network.md).
            resources: [.copy("Propagation/Resources/region-latencies.csv")],
            plugins: ["BuildCommit"]
        ),
        // Reports read run folders from disk (CSV by header name, run.json); they know nothing of the engine, only
        // the run folder's vocabulary (RunFormat).
        .target(
            name: "Report",
            dependencies: [
                "RunFormat",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "shardsim",
            dependencies: [
                "Simulator",
                "Report",
                "Scenarios",
                "Shard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "BeaconTests", dependencies: ["Beacon"]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ShardTests",
            dependencies: [
                "Shard", "Beacon",
                .product(name: "WasmKit", package: "WasmKit"),
                .product(name: "WAT", package: "WasmKit"),
            ],
            // Read through #filePath, not bundled: the Patricia trie's known-answer roots and their generator.
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SimulatorTests", dependencies: ["Simulator", "Shard", "Beacon", "Scenarios", "RunFormat"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "RunFormat"]),
        // The Simulator product as a client sees it: a package name of its own hides every `package` declaration,
        // so only the library's `public` API compiles here.
        .testTarget(
            name: "SimulatorClientTests",
            dependencies: ["Simulator"],
            swiftSettings: [.unsafeFlags(["-package-name", "shardsim_client"])]
        ),
        .testTarget(
            name: "ShardsimTests",
            dependencies: [
                "shardsim",
                "Simulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
