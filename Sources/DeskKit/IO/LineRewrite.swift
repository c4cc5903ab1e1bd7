// The loop a changing command runs over a file of records (tickets, kb articles): decode each
// line, let the command look at or change the record, write it out (an unchanged record byte
// for byte), then the trailer. With a rewrite target the file is rewritten atomically under its
// lock (LockedFile.rewrite), else the inputs stream to stdout, held until the end when asked.

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
        if let target {
            let file = try LockedFile(path: target, create: false, timeout: LockedFile.timeout(from: ctx.environment), notes: ctx.diagnostics)
            try file.rewrite { (input, output) throws(DeskError) in
                var reader = LineReader(fd: input, name: target)
                try reader.forEachLine { (number, bytes) throws(DeskError) in try emit(target, number, bytes, output) }
                try finish(output)
            }
        } else if holdOutput {
            let held = OutputSink(memoryNamed: "<stdout>")
            try InputFile.forEachLine(paths: inputs, stdin: ctx.stdin) { (file, number, bytes) throws(DeskError) in
                try emit(file, number, bytes, held)
            }
            try finish(held)
            try held.flush()
            try ctx.stdout.write(held.captured)
        } else {
            try InputFile.forEachLine(paths: inputs, stdin: ctx.stdin) { (file, number, bytes) throws(DeskError) in
                try emit(file, number, bytes, ctx.stdout)
            }
            try finish(ctx.stdout)
        }
    }
}
