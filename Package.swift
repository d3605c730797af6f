// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "festival",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "festival", targets: ["festival"]),
    ],
    dependencies: [
        // Subcommands, options, help and usage errors: saves a hand-written parser.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // config.toml: a complete TOML 1.0 parser (toml++ underneath) whose syntax errors
        // carry line and column; TOML by hand would be a second, weaker parser to keep.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Starting child processes (tests, benchmark): pidfd-watched, so a daemon the child
        // forks (the tmux server) cannot hang the wait; signals reset, descriptors closed.
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        // C shim: ncursesw headers with wide-char support and accessors for its macros.
        .target(
            name: "CNCursesw",
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        // Cells, styles, keys and display width: shared by the pure UI and the backend.
        .target(name: "TextGrid"),
        // The only module that talks to ncurses.
        .target(name: "Curses", dependencies: ["CNCursesw", "TextGrid"]),
        // Catalog types, loader with located errors, validation.
        .target(name: "FestivalModel"),
        // The built-in AIFF 2025 catalog, embedded in the binary at build time.
        .target(
            name: "BuiltinCatalog",
            plugins: [.plugin(name: "EmbedCatalog")]
        ),
        .executableTarget(name: "EmbedResource", path: "Sources/EmbedResource"),
        .plugin(
            name: "EmbedCatalog",
            capability: .buildTool(),
            dependencies: ["EmbedResource"]
        ),
        // Pure screens: state, update, view into a Canvas; the config file (TOMLKit).
        .target(name: "FestivalUI", dependencies: ["FestivalModel", "TextGrid",
                                                   .product(name: "TOMLKit", package: "TOMLKit")]),
        .executableTarget(
            name: "festival",
            dependencies: [
                "FestivalModel", "FestivalUI", "BuiltinCatalog", "Curses", "TextGrid",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Developer tool: paints a test pattern and echoes decoded keys (backend checks).
        .executableTarget(name: "curses-demo", dependencies: ["Curses", "TextGrid"], path: "Sources/CursesDemo"),
        // Benchmark: swift run -c release festival-bench (load, index, keystroke latency, memory, fzf).
        .executableTarget(name: "festival-bench", dependencies: ["FestivalModel", "FestivalUI", "TextGrid",
                                                               .product(name: "Subprocess", package: "swift-subprocess")],
                          path: "Sources/FestivalBench"),
        .testTarget(name: "TextGridTests", dependencies: ["TextGrid"]),
        .testTarget(name: "FestivalModelTests", dependencies: ["FestivalModel", "BuiltinCatalog"]),
        .testTarget(name: "FestivalUITests", dependencies: ["FestivalUI", "FestivalModel", "BuiltinCatalog", "TextGrid"]),
        .testTarget(name: "CLITests", dependencies: ["FestivalModel", .product(name: "Subprocess", package: "swift-subprocess")]),
        .testTarget(name: "CursesTests", dependencies: ["Curses", "TextGrid"]),
    ],
    swiftLanguageModes: [.v6]
)
