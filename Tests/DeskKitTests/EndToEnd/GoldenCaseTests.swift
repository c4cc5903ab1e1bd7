// Golden end-to-end cases: Tests/Fixtures/cases/<command>/<case>/ holds `cmd` (a bash line run
// with the built desk first on PATH), optional `stdin`, and the expected `expout`, `experr` and
// `status`; a file `after.NAME` is the expected content of NAME after the run (for -i and -a).
// The case runs in a scratch copy of its folder with Tests/Fixtures/samples/ beside it as
// `samples/`. DESK_RECORD=1 rewrites the expectations from what the binary did.
import Foundation
import Testing

struct GoldenCase: CustomTestStringConvertible, Sendable {
    let path: String
    var testDescription: String {
        let parts = path.split(separator: "/")
        return parts.suffix(2).joined(separator: "/")
    }

    static var all: [GoldenCase] {
        let root = BinaryRunner.packageRoot.appendingPathComponent("Tests/Fixtures/cases")
        guard let commands = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return [] }
        var out: [GoldenCase] = []
        for c in commands.sorted() {
            let dir = root.appendingPathComponent(c)
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() {
                let caseDir = dir.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: caseDir.appendingPathComponent("cmd").path) {
                    out.append(GoldenCase(path: caseDir.path))
                }
            }
        }
        return out
    }
}

@Suite struct GoldenCaseTests {
    @Test func thereAreCases() {
        #expect(GoldenCase.all.count >= 10)
    }

    @Test(arguments: GoldenCase.all)
    func golden(_ c: GoldenCase) throws {
        let fm = FileManager.default
        let source = URL(fileURLWithPath: c.path)
        let work = try BinaryRunner.scratch()
        defer { try? fm.removeItem(at: work) }
        for f in try fm.contentsOfDirectory(atPath: source.path) where !["cmd", "expout", "experr", "status", "stdin"].contains(f) && !f.hasPrefix("after.") {
            try fm.copyItem(at: source.appendingPathComponent(f), to: work.appendingPathComponent(f))
        }
        let samples = BinaryRunner.packageRoot.appendingPathComponent("Tests/Fixtures/samples")
        if fm.fileExists(atPath: samples.path) { try fm.copyItem(at: samples, to: work.appendingPathComponent("samples")) }
        let examples = BinaryRunner.packageRoot.appendingPathComponent("Examples")
        try fm.createSymbolicLink(at: work.appendingPathComponent("Examples"), withDestinationURL: examples)
        let cmd = try String(contentsOf: source.appendingPathComponent("cmd"), encoding: .utf8)
        let stdin = (try? Data(contentsOf: source.appendingPathComponent("stdin"))) ?? Data()
        let result = try BinaryRunner.shell(cmd, in: work, stdin: stdin)
        // Scratch paths vary per run; cases see them as $WORK.
        let stdout = result.stdout.replacingOccurrences(of: work.path, with: "$WORK")
        let stderr = result.stderr.replacingOccurrences(of: work.path, with: "$WORK")
        let afterFiles = try fm.contentsOfDirectory(atPath: source.path).filter { $0.hasPrefix("after.") }

        if ProcessInfo.processInfo.environment["DESK_RECORD"] == "1" {
            try stdout.write(to: source.appendingPathComponent("expout"), atomically: true, encoding: .utf8)
            try stderr.write(to: source.appendingPathComponent("experr"), atomically: true, encoding: .utf8)
            try "\(result.status)\n".write(to: source.appendingPathComponent("status"), atomically: true, encoding: .utf8)
            for a in afterFiles {
                let name = String(a.dropFirst("after.".count))
                try? fm.removeItem(at: source.appendingPathComponent(a))
                try fm.copyItem(at: work.appendingPathComponent(name), to: source.appendingPathComponent(a))
            }
            return
        }
        let expout = (try? String(contentsOf: source.appendingPathComponent("expout"), encoding: .utf8)) ?? ""
        let experr = (try? String(contentsOf: source.appendingPathComponent("experr"), encoding: .utf8)) ?? ""
        let status = (try? String(contentsOf: source.appendingPathComponent("status"), encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
        #expect(stdout == expout, "stdout differs for \(c.testDescription)")
        #expect(stderr == experr, "stderr differs for \(c.testDescription)")
        #expect(result.status == status, "exit status differs for \(c.testDescription)")
        for a in afterFiles {
            let name = String(a.dropFirst("after.".count))
            let want = try Data(contentsOf: source.appendingPathComponent(a))
            let got = try Data(contentsOf: work.appendingPathComponent(name))
            #expect(got == want, "\(name) after the run differs for \(c.testDescription)")
        }
    }
}
