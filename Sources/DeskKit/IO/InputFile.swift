// Opening the inputs a command reads: named files, or standard input for `-` or no names.
// A missing, unreadable or directory input is bad input (exit 3), named in the message.
#if canImport(Glibc)
import Glibc
#endif

/// Opens inputs for reading and reads small whole files (policies, responses).
public enum InputFile {
    /// The name used for standard input in messages.
    public static let stdinName = "<stdin>"

    /// Opens `path` for reading, refusing directories. `-` is standard input (fd 0, not closed).
    static func open(_ path: String, stdin: Int32) throws(DeskError) -> (fd: Int32, name: String, owned: Bool) {
        if path == "-" { return (stdin, stdinName, false) }
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            throw .data(DataError(file: path, message: "cannot open: \(lastSystemMessage())"))
        }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw .data(DataError(file: path, message: "is a directory, expected a file of tickets"))
        }
        return (fd, path, true)
    }

    /// The size of a regular file, or nil (not one, or not there: the reader reports that).
    static func regularFileSize(_ path: String) -> Int64? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(st.st_size)
    }

    /// Copies the first `size` bytes of a file to `out`: sent by the kernel (sendfile) where
    /// it can, the rest read in large blocks and written without passing through the sink's
    /// buffer; false (nothing written) when the file cannot be opened or is no longer that
    /// size. `sending` false forces the plain copy (the tests compare both).
    static func copy(_ path: String, size: Int64, to out: OutputSink, sending: Bool = true) throws(DeskError) -> Bool {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, Int64(st.st_size) == size else { return false }
        var done: Int64 = sending ? try out.send(file: fd, offset: 0, count: size) : 0
        guard done < size else { return true }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { buffer.deallocate() }
        while done < size {
            let want = Int(min(Int64(buffer.count), size - done))
            let n = pread(fd, buffer.baseAddress, want, off_t(done))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { throw .io("\(path): read failed: \(lastSystemMessage())") }
            try out.writeThrough(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            done += Int64(n)
        }
        return true
    }

    /// Streams every non-blank line of every input (standard input when `paths` is empty).
    public static func forEachLine(
        paths: [String], stdin: Int32,
        _ body: (String, Int, UnsafeRawBufferPointer) throws(DeskError) -> Void
    ) throws(DeskError) {
        for path in paths.isEmpty ? ["-"] : paths {
            let (fd, name, owned) = try open(path, stdin: stdin)
            defer { if owned { close(fd) } }
            var reader = LineReader(fd: fd, name: name)
            try reader.forEachLine { (line, bytes) throws(DeskError) in try body(name, line, bytes) }
        }
    }

    /// Reads every non-blank line of the inputs (standard input when `paths` is empty) into
    /// `state`, in order, like `forEachLine`. A regular file of at least `2 * minPartBytes`
    /// is cut at line starts into up to `parts` byte ranges, which are read on their own threads
    /// into copies of `empty` and merged into `state` in file order, so the result is the same
    /// as reading in one pass whenever `merge` is order-blind. A line `body` refuses stops the
    /// read; the error names the file and the line's number in the whole file (the earliest
    /// such line when several ranges fail).
    public static func reduceLines<State: Sendable>(
        paths: [String], stdin: Int32, parts: Int, minPartBytes: Int64 = 8 << 20,
        into state: inout State, empty: State, merge: (inout State, State) -> Void,
        _ body: @escaping @Sendable (inout State, UnsafeRawBufferPointer) throws(TicketError) -> Void
    ) throws(DeskError) {
        for path in paths.isEmpty ? ["-"] : paths {
            let (fd, name, owned) = try open(path, stdin: stdin)
            defer { if owned { close(fd) } }
            var st = stat()
            let size = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int64(st.st_size) : 0
            // Standard input may be a file already partly read (`(head -1; desk report) < f`):
            // the input starts where its offset is, as it would for read().
            let start = size > 0 ? max(0, Int64(lseek(fd, 0, SEEK_CUR))) : 0
            let n = min(parts, Int(max(0, size - start) / max(1, minPartBytes)))
            guard n > 1 else {
                var reader = LineReader(fd: fd, name: name)
                try reader.forEachLine { (line, bytes) throws(DeskError) in
                    do throws(TicketError) { try body(&state, bytes) } catch { throw error.at(file: name, line: line) }
                }
                continue
            }
            let bounds = try lineStarts(fd: fd, name: name, from: start, size: size, parts: n)
            // Each range counts its lines, so a refusal in a later range can be renumbered.
            let results = ForkJoin.map(n) { i -> (Result<State, DeskError>, lines: Int) in
                var part = empty
                // The last range reads on to the end, as a single pass would (a line appended
                // meanwhile is read too).
                let end = i == n - 1 ? Int64.max : bounds[i + 1]
                var reader = LineReader(fd: fd, name: name, range: bounds[i]..<end, atInputStart: i == 0)
                do throws(DeskError) {
                    try reader.forEachLine { (line, bytes) throws(DeskError) in
                        do throws(TicketError) { try body(&part, bytes) } catch { throw error.at(file: name, line: line) }
                    }
                } catch {
                    return (.failure(error), reader.linesRead)
                }
                return (.success(part), reader.linesRead)
            }
            var linesBefore = 0
            for (result, lines) in results {
                switch result {
                case .success(let part): merge(&state, part)
                case .failure(let error):
                    if case .data(var e) = error, e.line > 0 {
                        e.line += linesBefore
                        throw .data(e)
                    }
                    throw error
                }
                linesBefore += lines
            }
        }
    }

    /// `parts + 1` offsets cutting the bytes `from..<size` into ranges of about equal size,
    /// each starting at a line start: a cut moves forward to just after the next newline.
    static func lineStarts(fd: Int32, name: String, from: Int64 = 0, size: Int64, parts: Int) throws(DeskError) -> [Int64] {
        var bounds: [Int64] = [from]
        var window = [UInt8](repeating: 0, count: 1 << 16)
        for k in 1..<parts {
            let previous = bounds[bounds.count - 1]
            var pos = max(previous, from + (size - from) * Int64(k) / Int64(parts) - 1)
            var cut = size
            while pos < size {
                let got = window.withUnsafeMutableBytes { w in
                    pread(fd, w.baseAddress, Int(min(Int64(w.count), size - pos)), off_t(pos))
                }
                if got < 0 {
                    if errno == EINTR { continue }
                    throw .data(DataError(file: name, message: "cannot read: \(lastSystemMessage())"))
                }
                if got == 0 { break }
                let hit = window.withUnsafeBytes { w -> Int? in
                    guard let base = w.baseAddress else { return nil }
                    return memchr(base, 0x0A, got).map { base.distance(to: UnsafeRawPointer($0)) }
                }
                if let hit {
                    cut = pos + Int64(hit) + 1
                    break
                }
                pos += Int64(got)
            }
            bounds.append(cut)
        }
        bounds.append(size)
        return bounds
    }

    /// Reads a whole (small) file; `-` is standard input.
    public static func readAll(_ path: String, stdin: Int32, maxLine: Int = LineLimit.process) throws(DeskError) -> [UInt8] {
        let (fd, name, owned) = try open(path, stdin: stdin)
        defer { if owned { close(fd) } }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        // Lines are bounded as LineReader bounds them: the start of the current line and its number.
        var lineStart = 0
        var line = 1
        while true {
            if out.count - lineStart > maxLine + 4 { throw LineLimit.error(file: name, line: line, limit: maxLine) }
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .data(DataError(file: name, message: "cannot read: \(lastSystemMessage())"))
            }
            if n == 0 { break }
            let before = out.count
            out.append(contentsOf: chunk[0..<n])
            for i in before..<out.count where out[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
        }
        if out.count - lineStart > maxLine + 4 { throw LineLimit.error(file: name, line: line, limit: maxLine) }
        return out
    }
}
