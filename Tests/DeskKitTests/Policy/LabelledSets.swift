// The hand-labelled sets under Tests/Fixtures/language, listed as scripts/learn-builtin-model.sh
// reads them: the built-in models' tests learn from exactly these files.
import Foundation

enum LabelledSets {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/language")

    /// The labelled files whose names start with `prefix` ("tickets", "replies"), in byte order
    /// of their names (LC_ALL=C ls, as the script reads them).
    static func files(_ prefix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".ndjson") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
