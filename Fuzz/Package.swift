// swift-tools-version: 6.1
// The fuzz target for svctrade's CSV readers, built apart from the main package:
//   swift build -c release --sanitize=fuzzer --sanitize=address   (in this folder)
//   SWIFT_BACKTRACE=enable=no .build/release/FuzzCSV CORPUS_DIR -max_total_time=60
// TradeCore and TradeIngest are the main package's own sources (symbolic links under Sources/), built
// here as root targets so that the sanitizers instrument them for coverage (a path dependency's
// targets would be built without it).
import PackageDescription

let package = Package(
    name: "FuzzCSV",
    targets: [
        .target(name: "TradeCore", exclude: ["TradeCore.docc"]),
        // Testable, so that the fuzz entry can cut files into parts as a large file is (FastPanelReader).
        .target(
            name: "TradeIngest", dependencies: ["TradeCore"], exclude: ["TradeIngest.docc"],
            swiftSettings: [.unsafeFlags(["-enable-testing"])]
        ),
        .executableTarget(
            name: "FuzzCSV",
            dependencies: ["TradeIngest"],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
