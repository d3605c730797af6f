// swift-tools-version: 6.0
import PackageDescription

// Linux only (Debian 12 is what it is built and tested on): `Curses` and `FestivalIO` use
// Glibc, and `Synchronization.Mutex` would need macOS 15. No Apple platform is declared.

let package = Package(
    name: "festival",
    products: [
        .executable(name: "festival", targets: ["festival"]),
        // For bench/simdjson-route, which measures another decoder against this one.
        .library(name: "FestivalCatalog", targets: ["FestivalCatalog"]),
    ],
    dependencies: [
        // Subcommands, options, help and usage errors: saves a hand-written parser.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        // Bytes in and out of files: opening regular files, mapping, the one atomic writer,
        // the binary encoding, the content hash and compression (zstd, opened at run time).
        // Depends on nothing of ours.
        .target(name: "FestivalIO"),
        // Catalog types, the JSON parser and writer, loading with located errors, validation,
        // the catalog's JSON and binary encodings.
        .target(name: "FestivalCatalog", dependencies: ["FestivalIO", "TextGrid"]),
        // Folding, the search index (words, characters, corpus) and queries.
        .target(name: "FestivalSearch", dependencies: ["FestivalCatalog", "FestivalIO"]),
        // A catalog with its index: resolved search results and filtered lists; the shelf's
        // values (favorites, ratings, notes).
        .target(name: "FestivalLibrary", dependencies: ["FestivalCatalog", "FestivalSearch", "FestivalIO"]),
        // What is kept on disk: the catalog cache and the shelf file.
        .target(name: "FestivalStorage", dependencies: ["FestivalCatalog", "FestivalSearch", "FestivalLibrary", "FestivalIO"]),
        // Every word the program shows or writes, in both languages.
        .target(name: "FestivalText", dependencies: ["FestivalCatalog"]),
        // Markdown, CSV and JSON exports of quotes and films.
        .target(name: "FestivalExport", dependencies: ["FestivalCatalog", "FestivalLibrary", "FestivalSchedule", "FestivalText", "TextGrid"]),
        // Synthetic catalogs for benchmarks and tests (`festival generate`); nothing else
        // in the product depends on it.
        .target(name: "FestivalSynthetic", dependencies: ["FestivalCatalog"]),
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
        // TOML 1.1 with a position for every key and value, for config.toml. Our own: the
        // packages at hand (TOMLKit over toml++) abort on some malformed files, give parsed
        // values no position, and take quadratic time on long dotted keys.
        .target(name: "FestivalTOML"),
        // The exact screening planner: pure values in, a proven-best plan out.
        .target(name: "FestivalPlanner"),
        .target(name: "FestivalSchedule", dependencies: ["FestivalCatalog", "FestivalLibrary", "FestivalPlanner"]),
        // Foreign formats (iCalendar, …) read as catalogs.
        .target(name: "FestivalImport", dependencies: ["FestivalCatalog", "TextGrid"]),
        // Pure screens: state, update, view into a Canvas; the config file.
        .target(name: "FestivalUI", dependencies: ["FestivalCatalog", "FestivalSearch", "FestivalLibrary", "FestivalText",
                                                   "FestivalExport", "FestivalTOML", "FestivalIO", "TextGrid", "FestivalSchedule", "FestivalPlanner"]),
        // The browser's loop: keys → update → effects → results back into update, over a
        // terminal protocol (ncurses in the program, in memory in tests); runs the effects
        // (shelf file, browser, editor, export files).
        .target(name: "FestivalApp", dependencies: ["FestivalCatalog", "FestivalIO", "FestivalLibrary", "FestivalStorage",
                                                    "FestivalExport", "FestivalText", "FestivalUI", "TextGrid", "FestivalSchedule"]),
        .executableTarget(
            name: "festival",
            dependencies: [
                "FestivalIO", "FestivalCatalog", "FestivalSearch", "FestivalLibrary", "FestivalStorage",
                "FestivalText", "FestivalExport", "FestivalSynthetic", "FestivalUI", "FestivalApp", "BuiltinCatalog", "Curses",
                "TextGrid", "FestivalSchedule", "FestivalImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Developer tool: paints a test pattern and echoes decoded keys (backend checks).
        .executableTarget(name: "curses-demo", dependencies: ["Curses", "TextGrid"], path: "Sources/CursesDemo"),
        // Benchmark: swift run -c release festival-bench (load, index, keystroke latency, memory, fzf).
        .executableTarget(name: "festival-bench", dependencies: ["FestivalCatalog", "FestivalIO", "FestivalSearch", "FestivalLibrary", "FestivalPlanner",
                                                                  "FestivalStorage", "FestivalSynthetic", "FestivalUI", "TextGrid",
                                                                  .product(name: "Subprocess", package: "swift-subprocess"), "FestivalSchedule"],
                          path: "Sources/FestivalBench"),
        .testTarget(name: "TextGridTests", dependencies: ["TextGrid"]),
        .testTarget(name: "FestivalModelTests", dependencies: ["FestivalIO", "FestivalCatalog", "FestivalSearch", "FestivalLibrary", "FestivalStorage", "FestivalText", "FestivalExport", "FestivalSynthetic", "BuiltinCatalog", "TextGrid", "FestivalSchedule"]),
        .testTarget(name: "FestivalUITests", dependencies: ["FestivalUI", "FestivalCatalog", "FestivalSearch", "FestivalLibrary",
                                                         "FestivalText", "FestivalSynthetic", "BuiltinCatalog", "TextGrid", "FestivalSchedule"]),
        .testTarget(name: "FestivalAppTests", dependencies: ["FestivalApp", "FestivalUI", "FestivalCatalog", "FestivalLibrary",
                                                          "FestivalStorage", "FestivalText", "BuiltinCatalog", "TextGrid", "FestivalSynthetic"]),
        // Every module a test imports is listed, or an incremental build can link a stale
        // copy of a type's value operations from a test not rebuilt when the module changed.
        .testTarget(name: "CLITests", dependencies: ["FestivalCatalog", "FestivalExport", "FestivalSearch", "FestivalStorage", "FestivalSynthetic",
                                                  .product(name: "Subprocess", package: "swift-subprocess")]),
        .testTarget(name: "CursesTests", dependencies: ["Curses", "TextGrid"]),
        .testTarget(name: "ImportTests", dependencies: ["FestivalImport", "FestivalCatalog"]),
        .testTarget(name: "ScheduleTests", dependencies: ["FestivalSchedule", "FestivalPlanner", "FestivalCatalog", "FestivalLibrary"]),
        .testTarget(name: "PlannerTests", dependencies: ["FestivalPlanner", "FestivalSynthetic"]),
        // The TOML parser, and toml-test's suite as Debian's golang-github-burntsushi-toml-dev
        // installs it (read from there, not kept here).
        .testTarget(name: "TOMLTests", dependencies: ["FestivalTOML"]),
    ],
    swiftLanguageModes: [.v6]
)
