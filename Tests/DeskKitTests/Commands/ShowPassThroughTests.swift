// `desk show FILE` validates a large file on every core and then copies it out: the output and
// the error must be exactly those of the one-pass path, whatever the file holds (a bad line,
// blank lines, CR LF, a byte order mark, no final newline). Files are made small here and the
// parallel path forced with a low threshold.
import Foundation
import Testing

@testable import DeskKit

@Suite struct ShowPassThroughTests {
    func temp(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("desk-show-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// stdout, the error and the bytes copied whole, for the parallel-then-copy path
    /// (`minBytes` 64) or the one-pass path (`minBytes` max).
    func run(_ path: String, minBytes: Int64, threads: String = "3") -> (out: String, error: DeskError?) {
        let out = OutputSink(memoryNamed: "<stdout>")
        let ctx = Context(environment: ["DESK_THREADS": threads], stdout: out, stderr: OutputSink(memoryNamed: "<stderr>"),
                          stdin: -1, clock: { Instant(seconds: 0) })
        do throws(DeskError) {
            try ShowCommand.passThrough([path], ctx, minBytes: minBytes)
            return (out.text, nil)
        } catch {
            return (out.text, error)
        }
    }

    static let examples = try! [UInt8](Data(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("Examples/tickets.ndjson")))

    @Test(arguments: ["clean", "bad line", "blank lines", "crlf", "bom", "no final newline", "bad last line"])
    func sameOutputAndErrorAsOnePass(_ variant: String) throws {
        var b = ShowPassThroughTests.examples
        let lines = b.split(separator: 0x0A, omittingEmptySubsequences: false)
        switch variant {
        case "bad line": b = Array(lines[0..<80].joined(separator: [0x0A])) + Array("\n{\"id\":\"x\"}\n".utf8) + Array(lines[80...].joined(separator: [0x0A]))
        case "blank lines": b = Array(lines.joined(separator: Array("\n\n".utf8)))
        case "crlf": b = Array(lines.joined(separator: Array("\r\n".utf8)))
        case "bom": b = [0xEF, 0xBB, 0xBF] + b
        case "no final newline": b.removeLast()
        case "bad last line": b += Array("{\"id\":1}\n".utf8)
        default: break
        }
        let path = try temp(variant.replacingOccurrences(of: " ", with: "-") + ".ndjson", b)
        let one = run(path, minBytes: .max)
        let parallel = run(path, minBytes: 64)
        #expect(parallel.out == one.out)
        #expect(parallel.error == one.error)
        if variant == "clean" {
            #expect(one.error == nil)
            #expect(Array(parallel.out.utf8) == b)
        }
        if variant.hasPrefix("bad") {
            guard case .data(let e)? = parallel.error else { Issue.record("expected a data error, got \(String(describing: parallel.error))"); return }
            #expect(e.line == (variant == "bad line" ? 81 : 121))
        }
    }

    /// The copy out of a checked file: sent by the kernel, or read and written straight past
    /// the sink's buffer; into a plain file, an appending one (where sendfile may refuse) and
    /// after bytes already buffered, the output is those bytes then the file exactly.
    @Test(arguments: [(true, false), (false, false), (true, true), (false, true)])
    func copiedFileIsTheInputByteForByte(_ sending: Bool, _ appending: Bool) throws {
        var b = ShowPassThroughTests.examples
        while b.count < 3 << 20 { b += ShowPassThroughTests.examples }  // several read blocks
        let path = try temp("copy-source-\(sending)-\(appending).ndjson", b)  // one per case: cases run in parallel
        let target = try temp("copy-target-\(sending)-\(appending).ndjson", [])
        let fd = open(target, O_WRONLY | O_TRUNC | (appending ? O_APPEND : 0))
        #expect(fd >= 0)
        defer { close(fd) }
        let out = OutputSink(fd: fd, name: target)
        try out.write(Array("before\n".utf8))
        #expect(try InputFile.copy(path, size: Int64(b.count), to: out, sending: sending))
        try out.write(Array("after\n".utf8))
        try out.flush()
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: target)))
        #expect(written == Array("before\n".utf8) + b + Array("after\n".utf8))
        // A size that is no longer the file's: nothing copied.
        #expect(try !InputFile.copy(path, size: Int64(b.count - 1), to: out, sending: sending))
    }
}
