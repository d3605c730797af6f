// swift-tools-version: 6.0
// The simdjson route for decoding a catalog, measured against festival's own decoder on the
// same file in the same run (issue 12). Not part of the product: needs libsimdjson-dev.
//   bash bench/simdjson-route/run.sh FILE.json
import PackageDescription

let package = Package(
    name: "simdjson-route",
    dependencies: [.package(name: "festival", path: "../..")],
    targets: [
        .systemLibrary(name: "CSimdjson", path: "Sources/CSimdjson", pkgConfig: "simdjson"),
        .target(name: "CSimdjsonRoute", dependencies: ["CSimdjson"],
                cxxSettings: [.define("SIMDJSON_THREADS_ENABLED", to: "1"), .unsafeFlags(["-O3"])],
                linkerSettings: [.linkedLibrary("simdjson")]),
        .executableTarget(name: "simdjson-route", dependencies: [
            "CSimdjsonRoute", .product(name: "FestivalCatalog", package: "festival"),
        ]),
    ],
    cxxLanguageStandard: .cxx17
)
