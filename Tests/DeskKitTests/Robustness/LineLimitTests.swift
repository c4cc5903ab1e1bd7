// Endless input (issue 17 item 10). Regression: `desk show /dev/zero`, `DESK_POLICY=/dev/zero`
// and a pipe that never ends a line grew memory until the process was killed. A line is now
// bounded (DESK_MAX_LINE, default 64 MiB) and refused with FILE:LINE, exit 3.
import Foundation
import Testing

@testable import DeskKit

@Suite struct LineLimitTests {
    func lines(_ text: String, maxLine: Int) throws(DeskError) -> [Int] {
        let path = NSTemporaryDirectory() + "desk-lines-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        var seen: [Int] = []
        var reader = LineReader(fd: fd, name: "f", blockSize: 16, maxLine: maxLine)
        try reader.forEachLine { (n, bytes) throws(DeskError) in seen.append(bytes.count) }
        return seen
    }

    @Test func linesUpToTheLimitAreRead() throws {
        let exact = String(repeating: "x", count: 100)
        #expect(try lines("a\n" + exact + "\r\n" + exact, maxLine: 100) == [1, 100, 100])
    }

    @Test func aLongerLineIsRefusedWithItsNumber() {
        #expect(throws: LineLimit.error(file: "f", line: 2, limit: 100)) {
            try lines("a\n" + String(repeating: "x", count: 101) + "\nb\n", maxLine: 100)
        }
        // Without a newline at all (the /dev/zero case), refused before the buffer grows far.
        #expect(throws: LineLimit.error(file: "f", line: 1, limit: 100)) {
            try lines(String(repeating: "y", count: 5000), maxLine: 100)
        }
    }

    @Test func sizesParse() {
        #expect(LineLimit.parse("4096") == 4096)
        #expect(LineLimit.parse("512K") == 512 << 10)
        #expect(LineLimit.parse("256M") == 256 << 20)
        #expect(LineLimit.parse("2g") == 2 << 30)
        for bad in ["", "0", "-1", "M", "1T", "9223372036854775807G"] { #expect(LineLimit.parse(bad) == nil, "\(bad)") }
    }

    @Test(arguments: [
        ("desk show /dev/zero", "/dev/zero:1: error: line longer than"),
        ("DESK_POLICY=/dev/zero desk check --now 2026-10-14T00:00:00Z < /dev/null", "/dev/zero:1: error: line longer than"),
        ("head -c 3000000 /dev/zero | tr '\\0' x | desk show", "<stdin>:1: error: line longer than 1048576 bytes"),
    ])
    func endlessInputsEndWithExit3(_ script: String, _ message: String) throws {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try BinaryRunner.shell("timeout -s KILL 60 bash -c '\(script.replacingOccurrences(of: "'", with: "'\\''"))'", in: dir,
                                       env: ["DESK_MAX_LINE": "1M"])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.hasPrefix(message), "\(r.stderr)")
    }

    @Test func theDefaultBoundHoldsWithoutTheVariable() throws {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try BinaryRunner.shell("timeout -s KILL 60 desk show /dev/zero", in: dir)
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("/dev/zero:1: error: line longer than 67108864 bytes"))
    }
}
