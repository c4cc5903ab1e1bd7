// Crash safety of in-place rewrites, bounded: runs scripts/crash-test.sh with 20 trials on a
// file of a few MB. Each trial kill -9s a `desk open --reopen -i` at a random moment; the file
// must be the old or the new version byte for byte, the next run must remove a stale named
// temporary file (if any) and say so, and nothing may be left at the end. Run the script by hand with
// more trials (e.g. `scripts/crash-test.sh 200`) for a longer soak.
import Foundation
import Testing

@Suite struct CrashSafetyTests {
    @Test func killedRewritesLeaveOldOrNewFile() throws {
        let script = BinaryRunner.packageRoot.appendingPathComponent("scripts/crash-test.sh").path
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try BinaryRunner.shell(
            "'\(script)' 20", in: dir,
            env: ["DESK": BinaryRunner.binary.path, "CRASH_TICKETS": "2000"])
        #expect(run.status == 0, "crash test failed:\n\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasSuffix("crash-test: ok\n"), "\(run.stdout)")
        // At least one kill must have landed before the rename, or the test proved nothing.
        // (The new content is written to a nameless file, so such a kill leaves no temporary.)
        let beforeRename = run.stdout.split(separator: "\n")
            .first { $0.hasPrefix("crash-test: killed before the rename") }
            .flatMap { $0.split(separator: " ").last.flatMap { Int($0) } } ?? 0
        #expect(beforeRename > 0, "no kill landed before the rename:\n\(run.stdout)")
    }
}
