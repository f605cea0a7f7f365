// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "rollingstone",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rollingstone", targets: ["rollingstone"]),
        .library(name: "RollingStoneKit", targets: ["RollingStoneKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Its generated JSON decoder reads session events; see Session/Wire/.
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        // GNU readline, linked from the system (Debian: libreadline-dev).
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // All logic: model, agenda loading, session journal, interpreter, report.
        .target(
            name: "RollingStoneKit",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            exclude: ["Session/Wire/SessionEventLine.proto", "Session/Wire/SessionSnapshot.proto"],
            resources: [.embedInCode("Agenda/Resources/rollingstone.yaml")]
        ),
        // The one place that talks to readline.
        .target(
            name: "RollingStoneReadline",
            dependencies: ["RollingStoneKit", "CReadline"]
        ),
        // Seeded, realistic sessions of any size, for tests and benchmarks.
        .target(
            name: "SessionGenerator",
            dependencies: ["RollingStoneKit"]
        ),
        .executableTarget(
            name: "rollingstone",
            dependencies: [
                "RollingStoneKit",
                "RollingStoneReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Measures capture, start-up and report against floors taken in the same run.
        .executableTarget(
            name: "rollingstone-bench",
            dependencies: [
                "RollingStoneKit",
                "SessionGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/RollingStoneBenchmarks"
        ),
        .testTarget(
            name: "RollingStoneKitTests",
            dependencies: ["RollingStoneKit", "SessionGenerator"],
            exclude: ["Golden"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RollingStoneEndToEndTests",
            dependencies: ["RollingStoneKit", "SessionGenerator"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
