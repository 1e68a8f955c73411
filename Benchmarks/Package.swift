// swift-tools-version: 6.1
import PackageDescription

// A path dependency's identity is its folder name (`main` here, something else in CI's clone):
// derive it so `.product(package:)` works from any checkout folder (reference/swift.md §1.3 #4).
let root = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "main").lowercased()

let package = Package(
    name: "svctrade-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "IngestBenchmarks",
            dependencies: [
                .product(name: "TradeIngest", package: root),
                .product(name: "TradeCore", package: root),
                .product(name: "TradeStore", package: root),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/IngestBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
