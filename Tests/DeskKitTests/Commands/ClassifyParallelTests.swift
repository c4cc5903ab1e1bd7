// `desk classify` works on batches of lines on several threads (LineRewrite.runParallel): the
// output must be the one-thread output to the byte, and a bad line must stop the stream at the
// same place with the same error, whichever run of a batch it falls in.
import Foundation
import Testing

@testable import DeskKit

@Suite struct ClassifyParallelTests {
    /// About 1.5 MB of tickets (several batches of LineBatch.target, each cut into runs), the
    /// bundled examples repeated with fresh ids; `bad` puts an invalid line at that line number.
    static func input(bad: Int? = nil) throws -> String {
        let examples = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("Examples/tickets.ndjson"), encoding: .utf8)
        let lines = examples.split(separator: "\n").map(String.init)
        var out: [String] = []
        var n = 0
        while out.reduce(0, { $0 + $1.utf8.count }) < 1_500_000 {
            n += 1
            for l in lines { out.append(l.replacingOccurrences(of: "\"id\":\"DK-", with: "\"id\":\"DK\(n)-")) }
        }
        if let bad { out.insert("{\"id\":\"broken\"", at: bad - 1) }
        return out.joined(separator: "\n") + "\n"
    }

    func classify(_ stdin: String, threads: Int) throws -> InProcessResult {
        try runDesk(["classify", "--now", "2026-03-02T10:00:00+08:00"], stdin: stdin, env: ["DESK_THREADS": String(threads)])
    }

    @Test func sameBytesOnAnyNumberOfThreads() throws {
        let stdin = try ClassifyParallelTests.input()
        let one = try classify(stdin, threads: 1)
        #expect(one.status == 0)
        // Something was classified: the output differs from the input.
        #expect(one.stdout != stdin)
        for threads in [2, 3, 8] {
            let many = try classify(stdin, threads: threads)
            #expect(many.status == 0)
            #expect(many.stdout == one.stdout, "\(threads) threads")
        }
    }

    /// A bad line in the first run of the second batch (the input has about 600 lines of about
    /// 2.6 kB, a batch about 200), in a later run of it, and in the last batch: the lines before
    /// it are written, nothing after it, and the error names it.
    @Test(arguments: [210, 380, 590])
    func badLineStopsTheStreamAtTheSamePlace(_ bad: Int) throws {
        let stdin = try ClassifyParallelTests.input(bad: bad)
        let one = try classify(stdin, threads: 1)
        let many = try classify(stdin, threads: 3)
        #expect(one.status == 3)
        #expect(many.status == 3)
        #expect(many.stdout == one.stdout)
        #expect(many.stderr == one.stderr)
        #expect(one.stdout.split(separator: "\n").count == bad - 1)
        #expect(one.stderr.contains("<stdin>:\(bad):"))
    }
}
