// A large file is read in parallel byte ranges and the parts merged: the report must be the
// same, byte for byte, for any number of parts, and a bad line must be named by its number in
// the whole file. The ranges are made tiny here so the Examples data splits many ways.
import Foundation
import Testing

@testable import DeskKit

@Suite struct ParallelReadTests {
    static let settings = ReportSettings(policy: Policy.builtin)
    static let now = Instant(rfc3339: "2026-11-30T09:30:00Z")!

    /// The JSON report of `path` for 2026, read in `parts` ranges of at least `minPart` bytes.
    func report(_ path: String?, stdin: Int32 = -1, parts: Int, minPart: Int64 = 64, dims: [ReportDimension] = ReportDimension.allCases) throws(DeskError) -> String {
        let s = ParallelReadTests.settings
        let period = ReportPeriod(from: s.localMidnight(year: 2026, month: 1, day: 1), to: s.localMidnight(year: 2027, month: 1, day: 1), label: "2026")
        let previous = ReportPeriod(from: s.localMidnight(year: 2025, month: 1, day: 1), to: period.from, label: "2025")
        let r = try ReportEngine.run(
            paths: path.map { [$0] } ?? [], stdin: stdin, period: period, previous: previous, dimensions: dims, settings: s,
            now: ParallelReadTests.now, parts: parts, minPartBytes: minPart)
        return ReportRenderer.render(ReportDocument(r), as: .json)
    }

    func temp(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("desk-parallel-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func anyNumberOfPartsGivesTheSameReport() throws {
        let examples = BinaryRunner.packageRoot.appendingPathComponent("Examples/tickets.ndjson").path
        let single = try report(examples, parts: 1)
        #expect(single.contains("\"tickets_opened\""))
        for parts in 2...7 {
            #expect(try report(examples, parts: parts) == single, "parts: \(parts)")
        }
    }

    @Test func blankLinesCRLFAndAByteOrderMarkSplitLikeOnePass() throws {
        let lines = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("Examples/tickets.ndjson"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        // BOM first, CRLF on every third line, blank lines here and there, no final newline.
        var text = "\u{FEFF}"
        for (i, l) in lines.enumerated() {
            text += l + (i % 3 == 0 ? "\r\n" : "\n")
            if i % 7 == 0 { text += "\n  \n" }
        }
        text.removeLast()
        let path = try temp("mixed.ndjson", text)
        let single = try report(path, parts: 1)
        for parts in [2, 3, 5, 8] { #expect(try report(path, parts: parts) == single, "parts: \(parts)") }
    }

    @Test func aBadLineIsNamedByItsLineInTheWholeFile() throws {
        let lines = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("Examples/tickets.ndjson"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        var body = lines
        body.insert("", at: 10)  // a blank line still counts as a line
        body[90] = "{\"id\":\"X\",oops}"
        body[110] = "not json either"
        let path = try temp("bad.ndjson", body.joined(separator: "\n") + "\n")
        var messages: [String] = []
        for parts in [1, 2, 4, 6] {
            do {
                _ = try report(path, parts: parts)
                Issue.record("no error with \(parts) parts")
            } catch {
                guard case .data(let e) = error else { Issue.record("not a data error: \(error)"); continue }
                #expect(e.line == 91, "parts: \(parts)")  // the earlier of the two bad lines
                messages.append(e.rendered)
            }
        }
        #expect(Set(messages).count == 1)
    }

    @Test func aPartlyReadStandardInputIsReadFromWhereItStands() throws {
        let examples = BinaryRunner.packageRoot.appendingPathComponent("Examples/tickets.ndjson").path
        let text = try String(contentsOfFile: examples, encoding: .utf8)
        guard let firstNewline = text.utf8.firstIndex(of: 0x0A) else { Issue.record("no lines"); return }
        let skip = text.utf8.distance(from: text.utf8.startIndex, to: firstNewline) + 1
        let rest = try temp("rest.ndjson", String(decoding: Array(text.utf8)[skip...], as: UTF8.self))
        let want = try report(rest, parts: 1)
        // `(head -1; desk report) < FILE`: the descriptor is a regular file whose offset is past
        // the first line.
        let fd = open(examples, O_RDONLY)
        defer { close(fd) }
        for parts in [1, 3] {
            lseek(fd, off_t(skip), SEEK_SET)
            #expect(try report(nil, stdin: fd, parts: parts) == want, "parts: \(parts)")
        }
    }

    @Test func cutsFallAtLineStarts() throws {
        let text = (0..<50).map { i in String(repeating: "x", count: i * 7 % 23) }.joined(separator: "\n") + "\n"
        let path = try temp("cuts.txt", text)
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let bytes = Array(text.utf8)
        for parts in 2...9 {
            let b = try InputFile.lineStarts(fd: fd, name: path, size: Int64(bytes.count), parts: parts)
            #expect(b.count == parts + 1 && b.first == 0 && b.last == Int64(bytes.count))
            #expect(zip(b, b.dropFirst()).allSatisfy { $0 <= $1 })
            for cut in b.dropFirst().dropLast() where cut < Int64(bytes.count) {
                #expect(bytes[Int(cut) - 1] == 0x0A, "cut \(cut) with \(parts) parts")
            }
        }
    }
}
