// The loop a changing command runs over a file of records (tickets, kb articles): decode each
// line, let the command look at or change the record, write it out (an unchanged record byte
// for byte), then the trailer. With a rewrite target the file is rewritten atomically under its
// lock (LockedFile.rewrite), else the inputs stream to stdout, held until the end when asked.
// A command whose change to a record depends on that record alone may have batches of lines
// changed on several threads (`runParallel`); the bytes still come out in line order.

/// A record kept as its line's members: written back only where it changed.
public protocol LineRecord {
    /// Whether any member was set since the line was read.
    var isModified: Bool { get }
    /// The record as one line, without the newline.
    func write(to out: inout [UInt8])
}

extension Ticket: LineRecord {}
extension Article: LineRecord {}

/// Streams records through a changing command.
enum LineRewrite {
    /// Rewrites `target` in place, or with `target` nil reads `inputs` (stdin when empty) to
    /// stdout; `holdOutput` keeps stdout's bytes until the whole run succeeded.
    static func run<R: LineRecord>(
        target: String?, inputs: [String], _ ctx: Context, holdOutput: Bool = false,
        decode: (UnsafeRawBufferPointer, String, Int) throws(DeskError) -> R,
        visit: (inout R, String, Int) throws(DeskError) -> Void,
        finish: (OutputSink) throws(DeskError) -> Void
    ) throws(DeskError) {
        var line: [UInt8] = []
        func emit(_ file: String, _ number: Int, _ bytes: UnsafeRawBufferPointer, _ out: OutputSink) throws(DeskError) {
            var record = try decode(bytes, file, number)
            try visit(&record, file, number)
            line.removeAll(keepingCapacity: true)
            if record.isModified { record.write(to: &line) } else { line.append(contentsOf: bytes) }
            line.append(0x0A)
            try out.write(line)
        }
        if target == nil && holdOutput {
            let held = OutputSink(memoryNamed: "<stdout>")
            try InputFile.forEachLine(paths: inputs, stdin: ctx.stdin) { (file, number, bytes) throws(DeskError) in
                try emit(file, number, bytes, held)
            }
            try finish(held)
            try held.flush()
            try ctx.stdout.write(held.captured)
        } else {
            try stream(target: target, inputs: inputs, ctx, each: emit, end: finish)
        }
    }

    /// Calls `each` with every line of `target` (its output the file's rewrite, under its lock)
    /// or, with `target` nil, of the inputs (its output stdout); then `end` with that output.
    private static func stream(
        target: String?, inputs: [String], _ ctx: Context,
        each: (String, Int, UnsafeRawBufferPointer, OutputSink) throws(DeskError) -> Void,
        end: (OutputSink) throws(DeskError) -> Void
    ) throws(DeskError) {
        if let target {
            let file = try LockedFile(path: target, create: false, timeout: LockedFile.timeout(from: ctx.environment), notes: ctx.diagnostics)
            try file.rewrite { (input, output) throws(DeskError) in
                var reader = LineReader(fd: input, name: target)
                try reader.forEachLine { (number, bytes) throws(DeskError) in try each(target, number, bytes, output) }
                try end(output)
            }
        } else {
            try InputFile.forEachLine(paths: inputs, stdin: ctx.stdin) { (file, number, bytes) throws(DeskError) in
                try each(file, number, bytes, ctx.stdout)
            }
            try end(ctx.stdout)
        }
    }

    /// `run` (without a hold) for a change that depends on the record alone: lines are gathered
    /// into batches (LineBatch), each batch is cut into runs decoded and changed on up to
    /// `threads` threads, and the runs' bytes are written in line order. The output is `run`'s,
    /// to the byte, including where a bad line stops the stream (the lines before it written).
    static func runParallel<R: LineRecord>(
        target: String?, inputs: [String], _ ctx: Context, threads: Int,
        change: @escaping @Sendable (UnsafeRawBufferPointer, String, Int) throws(DeskError) -> R,
        finish: (OutputSink) throws(DeskError) -> Void
    ) throws(DeskError) {
        var batch = LineBatch()
        func add(_ file: String, _ number: Int, _ bytes: UnsafeRawBufferPointer, _ out: OutputSink) throws(DeskError) {
            batch.append(file: file, line: number, bytes)
            if batch.bytes.count >= LineBatch.target { try flush(out) }
        }
        func flush(_ out: OutputSink) throws(DeskError) {
            guard !batch.lines.isEmpty else { return }
            for (bytes, error) in changed(batch, threads: threads, change) {
                try out.write(bytes)
                if let error { throw error }
            }
            batch.removeAll()
        }
        try stream(
            target: target, inputs: inputs, ctx, each: add,
            end: { (out) throws(DeskError) in
                try flush(out)
                try finish(out)
            })
    }

    /// The output bytes of each run of `batch`, in order, and the error that stopped a run
    /// (its bytes are the lines before the bad one; the runs after it are not to be written).
    private static func changed<R: LineRecord>(
        _ batch: LineBatch, threads: Int,
        _ change: @escaping @Sendable (UnsafeRawBufferPointer, String, Int) throws(DeskError) -> R
    ) -> [([UInt8], DeskError?)] {
        let bounds = batch.cuts(parts: threads)
        return ForkJoin.map(bounds.count - 1) { p -> ([UInt8], DeskError?) in
            var out: [UInt8] = []
            let lines = batch.lines[bounds[p]..<bounds[p + 1]]
            out.reserveCapacity((lines.last?.range.upperBound ?? 0) - (lines.first?.range.lowerBound ?? 0) + lines.count + 4096)
            return batch.bytes.withUnsafeBytes { all -> ([UInt8], DeskError?) in
                for at in lines {
                    let bytes = UnsafeRawBufferPointer(rebasing: all[at.range])
                    do throws(DeskError) {
                        let record = try change(bytes, batch.files[Int(at.file)], at.line)
                        if record.isModified { record.write(to: &out) } else { out.append(contentsOf: bytes) }
                        out.append(0x0A)
                    } catch {
                        return (out, error)
                    }
                }
                return (out, nil)
            }
        }
    }
}
