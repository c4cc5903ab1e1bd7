// Every example in the command declarations (shown by --help, the man page and the README) is
// run with the built binary and must exit as it says (ExampleSpec.status, 0 unless the example
// shows a refusal). Each runs in a fresh copy of Tests/Fixtures/examples/ — a ticket file whose
// tickets carry the ids the examples name, a policy file and a policy override — with
// Examples/ beside it; an example that needs its ticket in another state (a resolved ticket to
// reopen, an observed one to confirm) finds the files to lay over the copy in
// Tests/Fixtures/examples/<command>.<n>/ (n counts from 1). Tests/ is linked in too, for the
// examples that evaluate desk on the repository's labelled sets.
import Foundation
import Testing
import DeskKit

struct DocumentedExample: CustomTestStringConvertible, Sendable {
    let command: String
    let index: Int
    let line: String
    let status: Int32
    var testDescription: String { "\(command).\(index): \(line)" }

    static var all: [DocumentedExample] {
        Registry.specs.flatMap { spec in
            spec.examples.enumerated().map { i, e in
                DocumentedExample(command: spec.name, index: i + 1, line: e.command, status: e.status)
            }
        }
    }
}

@Suite struct DocumentedExamplesTests {
    static let fixtures = BinaryRunner.packageRoot.appendingPathComponent("Tests/Fixtures/examples")

    @Test func everyCommandHasExamples() {
        #expect(DocumentedExample.all.count >= 2 * Registry.specs.count)
    }

    @Test(arguments: DocumentedExample.all)
    func runsAndExitsAsDocumented(_ example: DocumentedExample) throws {
        let fm = FileManager.default
        let work = try BinaryRunner.scratch()
        defer { try? fm.removeItem(at: work) }
        for f in try fm.contentsOfDirectory(atPath: Self.fixtures.path) {
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: Self.fixtures.appendingPathComponent(f).path, isDirectory: &isDir)
            if !isDir.boolValue { try fm.copyItem(at: Self.fixtures.appendingPathComponent(f), to: work.appendingPathComponent(f)) }
        }
        let overlay = Self.fixtures.appendingPathComponent("\(example.command).\(example.index)")
        for f in (try? fm.contentsOfDirectory(atPath: overlay.path)) ?? [] {
            try? fm.removeItem(at: work.appendingPathComponent(f))
            try fm.copyItem(at: overlay.appendingPathComponent(f), to: work.appendingPathComponent(f))
        }
        try fm.createSymbolicLink(
            at: work.appendingPathComponent("Examples"),
            withDestinationURL: BinaryRunner.packageRoot.appendingPathComponent("Examples"))
        // Examples that measure desk on the labelled sets name them by their path in the repository.
        try fm.createSymbolicLink(
            at: work.appendingPathComponent("Tests"),
            withDestinationURL: BinaryRunner.packageRoot.appendingPathComponent("Tests"))
        // A pipeline's status is its last command's; pipefail makes a desk failure count. The
        // clock is pinned unless the example pins it itself (with --now, as a cron line does).
        var env = ["DESK_AGENT": "agent.li"]
        if !example.line.contains("--now") { env["DESK_NOW"] = "2026-10-14T02:00:00Z" }
        let result = try BinaryRunner.shell("set -o pipefail\n" + example.line, in: work, env: env)
        #expect(result.status == example.status, "\(example.line)\nstderr: \(result.stderr)")
        // A refusal shown on purpose must say why; a success must not print an error.
        if example.status == 0 {
            #expect(!result.stderr.contains("error:"), "\(result.stderr)")
        } else {
            #expect(!result.stderr.isEmpty)
        }
    }
}
