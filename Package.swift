// swift-tools-version:6.0
import PackageDescription

// The targets are the architecture (docs/architecture.md); dependencies run one way:
// Core ← Journal ← Meeting ← REPL ← Readline ← rollingstone, with Agenda, Report and Archive beside them.
let package = Package(
    name: "rollingstone",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rollingstone", targets: ["rollingstone"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The model, the session events (the one declaration of the session format) and the state they replay to.
        .target(name: "RollingStoneCore"),
        // Loading and checking agenda files; the built-in agenda.
        .target(
            name: "RollingStoneAgenda",
            dependencies: ["RollingStoneCore", .product(name: "Yams", package: "Yams")],
            resources: [.embedInCode("Resources/rollingstone.yaml")]
        ),
        // rename without replacing, which the C library's Swift overlay lacks (FAT sticks have no link()).
        .target(name: "CRename"),
        // The session file: the append gate (encode, check, write, fsync, apply), reading, replay, torn tails.
        .target(name: "RollingStoneJournal", dependencies: ["RollingStoneCore", "CRename"]),
        // The single writer of a meeting: typed operations, observers, the time box watch.
        .target(name: "RollingStoneMeeting", dependencies: ["RollingStoneCore", "RollingStoneJournal", "RollingStoneAgenda"]),
        // The write-up: state + options → blocks → Markdown or HTML (and PDF through WeasyPrint).
        .target(name: "RollingStoneReport", dependencies: ["RollingStoneCore"]),
        // The archive: a folder of sessions read as a series; the digest by theme, search and its index (SQLite, GRDB).
        .target(
            name: "RollingStoneArchive",
            dependencies: ["RollingStoneCore", "RollingStoneJournal", "RollingStoneReport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The command language: parser, @NAME, completion, help, every reply's wording, the line loop.
        .target(
            name: "RollingStoneREPL",
            dependencies: ["RollingStoneCore", "RollingStoneJournal", "RollingStoneMeeting", "RollingStoneReport", "RollingStoneArchive"]
        ),
        // libqrencode, linked from the system (Debian: libqrencode-dev).
        .systemLibrary(name: "CQREncode", providers: [.apt(["libqrencode-dev"])]),
        // The room: the local web server for the projector and the phones (FlyingFox), its pages and API.
        .target(
            name: "RollingStoneRoom",
            dependencies: [
                "RollingStoneCore", "RollingStoneMeeting", "CQREncode",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            resources: [
                .embedInCode("Pages/projector.html"), .embedInCode("Pages/phone.html"), .embedInCode("Pages/room.css"),
                .embedInCode("Pages/room.js"),
            ]
        ),
        // GNU readline, linked from the system (Debian: libreadline-dev).
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        // The one place that talks to readline.
        .target(name: "RollingStoneReadline", dependencies: ["RollingStoneREPL", "CReadline"]),
        // The commit a build comes from, for `--version` (git, asked on every build).
        .plugin(name: "BuildInfoPlugin", capability: .buildTool(), path: "Sources/BuildInfoPlugin"),
        // The executable: one file per subcommand, wiring only.
        .executableTarget(
            name: "rollingstone",
            dependencies: [
                "RollingStoneCore", "RollingStoneAgenda", "RollingStoneJournal", "RollingStoneMeeting",
                "RollingStoneReport", "RollingStoneREPL", "RollingStoneReadline", "RollingStoneRoom", "RollingStoneArchive",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildInfoPlugin"]
        ),
        // Seeded, realistic sessions of any size, for tests and benchmarks.
        .target(name: "SessionGenerator", dependencies: ["RollingStoneCore"]),
        // Measures capture, the room, start-up and report against floors taken in the same run.
        .executableTarget(
            name: "rollingstone-bench",
            dependencies: [
                "RollingStoneCore", "RollingStoneJournal", "RollingStoneMeeting", "RollingStoneREPL", "RollingStoneReport",
                "RollingStoneRoom", "RollingStoneArchive", "SessionGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/RollingStoneBenchmarks"
        ),
        // What both test targets use: temporary folders, golden files, cmark-gfm.
        .target(name: "RollingStoneTestSupport", path: "Tests/RollingStoneTestSupport"),
        .testTarget(
            name: "RollingStoneUnitTests",
            dependencies: [
                "RollingStoneCore", "RollingStoneAgenda", "RollingStoneJournal", "RollingStoneMeeting",
                "RollingStoneReport", "RollingStoneREPL", "RollingStoneRoom", "RollingStoneArchive", "SessionGenerator",
                "RollingStoneTestSupport", .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Golden"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RollingStoneEndToEndTests",
            dependencies: [
                "RollingStoneCore", "RollingStoneJournal", "RollingStoneAgenda", "RollingStoneMeeting", "RollingStoneRoom",
                "SessionGenerator", "RollingStoneTestSupport",
            ],
            exclude: ["Browser/room_browser.py", "Golden"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
