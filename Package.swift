// swift-tools-version:6.0
// desk: a service desk in the shell. No package dependencies: the toolchain only.
import PackageDescription

let package = Package(
    name: "desk",
    products: [
        .executable(name: "desk", targets: ["desk"]),
        .library(name: "DeskKit", targets: ["DeskKit"]),
    ],
    targets: [
        // All behaviour lives here; it imports Glibc only (no Foundation) so the binary
        // starts like a C tool and links statically.
        .target(name: "DeskKit"),
        // Maps argv to DeskKit and an exit code; nothing else.
        .executableTarget(name: "desk", dependencies: ["DeskKit"]),
        // Unit tests of DeskKit and end-to-end golden tests of the built binary.
        .testTarget(
            name: "DeskKitTests",
            dependencies: ["DeskKit", "desk"],
            resources: []
        ),
    ],
    swiftLanguageModes: [.v6]
)
