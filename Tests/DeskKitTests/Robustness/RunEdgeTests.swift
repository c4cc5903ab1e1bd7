// The edge cases of issue 17 item 12. Regressions: `open --reopen --id A --id MISSING -i FILE`
// rewrote FILE and still exited 3; `survey --record --strict` to stdout dropped the responses
// of tickets on lines ending `\r\r\n`; a file name that is not UTF-8 made `open -a` append to a
// different, transcoded name; `-a` exited 4 after appending when only printing failed, with
// nothing telling the caller that the append had happened. (Long names and killed rewrites
// are in FileSafetyTests.)
import Foundation
import Testing

@testable import DeskKit

@Suite struct RunEdgeTests {
    static let resolved = #"{"id":"A","opened_at":"2026-10-01T00:00:00Z","channel":"web","status":"resolved","title":"t"}"#

    @Test func reopenWithAMissingIdLeavesTheFileAlone() throws {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("t.ndjson")
        try (Self.resolved + "\n").write(to: file, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.desk(["open", "--reopen", "--id", "A", "--id", "MISSING", "--reason", "back", "-i", "t.ndjson"], in: dir)
        #expect(r.status == 3)
        #expect(r.stderr == "t.ndjson: error: no ticket with id 'MISSING'\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.resolved + "\n")
    }

    @Test func strictRecordToStdoutKeepsLinesEndingInCarriageReturns() throws {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ticket = #"{"id":"S1","opened_at":"2026-10-01T00:00:00Z","channel":"web","status":"resolved","title":"t","survey":{"token":"tok1","invited_at":"2026-10-02T00:00:00Z"}}"#
        let other = #"{"id":"S2","opened_at":"2026-10-01T00:00:00Z","channel":"web","status":"open","title":"t"}"#
        try Data((ticket + "\r\r\n" + other + "\r\r\n").utf8).write(to: dir.appendingPathComponent("t.ndjson"))
        try (#"{"token":"tok1","efficiency":5,"attitude":4,"effectiveness":5,"responded_at":"2026-10-03T00:00:00Z"}"# + "\n")
            .write(to: dir.appendingPathComponent("r.ndjson"), atomically: true, encoding: .utf8)
        let r = try BinaryRunner.desk(["survey", "--record", "r.ndjson", "--strict", "--now", "2026-10-03T00:00:00Z", "t.ndjson"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        // Split the scalars: as Characters, "\r\n" is one and would not split.
        let lines = r.stdout.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        #expect(lines.count == 3)
        #expect(lines.first?.contains(#""efficiency":5"#) == true, "\(r.stdout)")
        #expect(lines.first?.contains(#""status":"closed""#) == true)
    }

    @Test func aFileNameThatIsNotUTF8IsRefused() throws {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try BinaryRunner.shell("desk open --channel web --title x -a $'caf\\xe9.ndjson'; s=$?; ls; exit $s", in: dir)
        #expect(r.status == 2)
        #expect(r.stdout == "")
        #expect(r.stderr == "desk: error: argument 7 is not valid UTF-8: 'caf\\xE9.ndjson'; desk takes file names and values as UTF-8 text\n")
    }

    @Test func appendThenFailedPrintingSaysTheAppendHappened() throws {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try BinaryRunner.shell("desk open --id N1 --channel web --title x --now 2026-10-20T02:00:00Z -a t.ndjson > /dev/full", in: dir)
        #expect(r.status == 4)
        #expect(r.stderr == "desk: error: <stdout>: write failed: No space left on device; the ticket was appended to t.ndjson, only printing it failed\n")
        #expect(try String(contentsOf: dir.appendingPathComponent("t.ndjson"), encoding: .utf8).hasPrefix(#"{"id":"N1""#))
        // A failed append says nothing of the kind.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("d"), withIntermediateDirectories: false)
        let failed = try BinaryRunner.shell("desk open --id N2 --channel web --title x -a d > /dev/full", in: dir)
        #expect(failed.status == 3)
        #expect(!failed.stderr.contains("appended"))
    }
}
