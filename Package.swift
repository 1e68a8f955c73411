// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "svctrade",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "svctrade", targets: ["svctrade"]),
        .library(name: "TradeCore", targets: ["TradeCore"]),
        .library(name: "TradeIngest", targets: ["TradeIngest"]),
        .library(name: "TradeStore", targets: ["TradeStore"]),
        .library(name: "TradeReport", targets: ["TradeReport"]),
        .library(name: "TradeCharts", targets: ["TradeCharts"]),
        .library(name: "TradeBulletin", targets: ["TradeBulletin"]),
        .library(name: "TradeXLSX", targets: ["TradeXLSX"]),
        .library(name: "TradePostgres", targets: ["TradePostgres"]),
        .library(name: "TradePress", targets: ["TradePress"]),
        .library(name: "TradeServe", targets: ["TradeServe"]),
        .library(name: "TradeWorkflows", targets: ["TradeWorkflows"]),
    ],
    traits: [
        // The PostgreSQL store (PostgresNIO, 2.5–4.5 minutes to build): off by default so that
        // `swift run svctrade demo` stays light; `swift build --traits PostgreSQL` turns it on.
        .trait(name: "PostgreSQL", description: "The PostgreSQL store (svctrade --db postgres://…, svctrade db init)"),
        // The press office's web page (Hummingbird, SwiftNIO): off by default for the same reason;
        // `swift build --traits PressServer` turns `svctrade serve` on.
        .trait(name: "PressServer", description: "svctrade serve: the press office's read-only web page (Hummingbird)"),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", exact: "1.19.7"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", exact: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        .target(name: "TradeCore"),
        .target(name: "TradeIngest", dependencies: ["TradeCore"]),
        .target(
            name: "TradeStore",
            dependencies: [
                "TradeCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .target(name: "TradeReport", dependencies: ["TradeCore", "TradeXLSX"]),
        .target(name: "TradeCharts", dependencies: ["TradeCore"]),
        .target(
            name: "TradeXLSX",
            dependencies: ["TradeCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "TradeBulletin",
            dependencies: ["TradeCore", "TradeReport", "TradeCharts", "TradeXLSX"]),
        .target(
            name: "TradePostgres",
            dependencies: [
                "TradeCore",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
            ]),
        .target(name: "TradePress", dependencies: ["TradeCore", "TradeReport", "TradeBulletin"]),
        .target(
            name: "TradeServe",
            dependencies: [
                "TradeCore", "TradePress",
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["PressServer"])),
                .product(name: "HTTPTypes", package: "swift-http-types", condition: .when(traits: ["PressServer"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["PressServer"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["PressServer"])),
                .product(
                    name: "NIOConcurrencyHelpers", package: "swift-nio", condition: .when(traits: ["PressServer"])),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras", condition: .when(traits: ["PressServer"])),
            ]),
        .target(
            name: "TradeWorkflows",
            dependencies: [
                "TradeCore", "TradeIngest", "TradeStore", "TradeReport", "TradeCharts", "TradeBulletin",
                "TradePostgres",
            ]),
        .executableTarget(
            name: "svctrade",
            dependencies: [
                "TradeCore", "TradeIngest", "TradeStore", "TradeReport", "TradeCharts", "TradeBulletin", "TradeXLSX",
                "TradePostgres", "TradeServe", "TradeWorkflows",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(
            name: "TradeTestSupport",
            dependencies: [
                "TradeCore", "TradeIngest", "TradeStore", "TradeBulletin", "TradePostgres", "TradeWorkflows",
            ]),
        .testTarget(
            name: "TradeCoreTests",
            dependencies: [
                "TradeCore", "TradeTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "TradeIngestTests",
            dependencies: [
                "TradeIngest", "TradeStore", "TradeTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ], resources: [.copy("BadFiles")]),
        .testTarget(
            name: "TradeStoreTests",
            dependencies: [
                "TradeStore", "TradeIngest", "TradeTestSupport", "TradePostgres",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
            ]),
        .testTarget(
            name: "TradeReportTests",
            dependencies: [
                "TradeReport", "TradeStore", "TradeIngest", "TradeTestSupport", "TradeXLSX",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "TradeChartsTests",
            dependencies: [
                "TradeCharts", "TradeStore", "TradeIngest", "TradeTestSupport",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "TradePressTests",
            dependencies: [
                "TradePress", "TradeStore", "TradeIngest", "TradeReport", "TradeBulletin", "TradeTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "TradeBulletinTests",
            dependencies: [
                "TradeBulletin", "TradeCore", "TradeReport", "TradeStore", "TradeIngest", "TradeTestSupport",
            ]),
        .testTarget(
            name: "SvctradeEndToEndTests",
            dependencies: [
                "svctrade", "TradeStore", "TradeTestSupport", "TradePostgres", "TradePress", "TradeWorkflows",
                "TradeIngest",
            ]),
    ],
    swiftLanguageModes: [.v6]
)
