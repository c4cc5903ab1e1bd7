// Reading and writing kb files with the guarantees ticket files have: articles a command does not
// change pass through byte for byte; a rewrite (`-i FILE`, or the kb file named by --kb /
// DESK_KB) happens under the file's lock into a temporary file renamed over it only when the
// whole run succeeded; new articles are appended under the same lock.

/// Where an article was read from.
struct ArticleLocation: Sendable, Equatable {
    var file: String
    var line: Int
}

enum ArticleStore {
    /// Decodes one line, positioning a failure as file:line:column.
    static func decode(_ bytes: UnsafeRawBufferPointer, file: String, line: Int) throws(DeskError) -> Article {
        do throws(TicketError) { return try Article(line: bytes) } catch { throw error.at(file: file, line: line) }
    }

    /// Every article of the files, in order.
    static func readAll(_ paths: [String], stdin: Int32) throws(DeskError) -> [(Article, ArticleLocation)] {
        var out: [(Article, ArticleLocation)] = []
        try InputFile.forEachLine(paths: paths, stdin: stdin) { (file, line, bytes) throws(DeskError) in
            out.append((try decode(bytes, file: file, line: line), ArticleLocation(file: file, line: line)))
        }
        return out
    }

    /// The kb file to rewrite: `-i FILE`, else `--kb FILE` / DESK_KB when no input files were
    /// given; nil when the inputs go to stdout.
    static func rewriteTarget(_ args: ParsedArguments, inputs: [String]) throws(DeskError) -> String? {
        if let f = args.string("in-place") {
            guard inputs.isEmpty else {
                throw .usage(UsageError(command: args.command, message: "input files cannot be given with --in-place; it reads and rewrites its FILE"))
            }
            return f
        }
        if inputs.isEmpty {
            guard let kb = args.string("kb") else {
                throw .usage(UsageError(command: args.command, message: "name the kb file: --kb FILE, DESK_KB, -i FILE or input files"))
            }
            return kb
        }
        return nil
    }

    /// Streams the articles through `visit`; changed ones are rewritten, the others kept as they
    /// were. Nothing is written unless the whole run succeeded (stdout output is held).
    static func transform(
        _ args: ParsedArguments, _ ctx: Context, inputs: [String],
        visit: (inout Article, ArticleLocation) throws(DeskError) -> Void,
        finish: () throws(DeskError) -> Void = {}
    ) throws(DeskError) {
        try LineRewrite.run(
            target: try rewriteTarget(args, inputs: inputs), inputs: inputs, ctx, holdOutput: true,
            decode: { (bytes, file, number) throws(DeskError) in try decode(bytes, file: file, line: number) },
            visit: { (article, file, number) throws(DeskError) in try visit(&article, ArticleLocation(file: file, line: number)) },
            finish: { (_) throws(DeskError) in try finish() })
    }

    /// Appends the articles `make` returns to the kb file at `path` (created when missing),
    /// under its lock; `make` sees the articles already there.
    static func append(
        to path: String, _ ctx: Context, make: ([Article]) throws(DeskError) -> [Article]
    ) throws(DeskError) -> [Article] {
        let file = try LockedFile(path: path, create: true, timeout: LockedFile.timeout(from: ctx.environment), notes: ctx.diagnostics)
        var existing: [Article] = []
        var reader = LineReader(fd: file.fd, name: path)
        try reader.forEachLine { (number, bytes) throws(DeskError) in existing.append(try decode(bytes, file: path, line: number)) }
        let new = try make(existing)
        var bytes: [UInt8] = []
        for a in new {
            a.write(to: &bytes)
            bytes.append(0x0A)
        }
        if !bytes.isEmpty { try file.append(bytes) }
        return new
    }

    /// The next free id after the `KB-NNNN` ids in use.
    static func nextId(after articles: [Article], skipping taken: Int = 0) -> String {
        var top = 0
        for a in articles where a.id.hasPrefix("KB-") {
            if let n = Int(a.id.dropFirst(3)) { top = max(top, n) }
        }
        let n = String(top + 1 + taken)
        return "KB-" + String(repeating: "0", count: max(0, 4 - n.count)) + n
    }
}
