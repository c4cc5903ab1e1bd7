// Streams newline-delimited records from a file descriptor in bounded memory: a 1 MiB block
// buffer that grows only for a longer line. Lines split on `\n`; a trailing `\r` is dropped;
// blank lines are skipped; a UTF-8 byte order mark at the very start of the input is ignored.
// A line longer than `maxLine` (LineLimit) is refused before the buffer grows past it.
#if canImport(Glibc)
import Glibc
#endif

/// Reads lines from one input.
public struct LineReader: ~Copyable {
    let fd: Int32
    /// The input's name as the user gave it, for messages.
    public let name: String
    var buffer: UnsafeMutableRawBufferPointer
    var start = 0
    var end = 0
    var eof = false
    var lineNumber = 0
    var atFileStart = true
    /// With a byte range: the next offset to read (with pread, so several readers can share
    /// one descriptor) and the range's end.
    var offset: Int64 = 0
    var limit: Int64? = nil
    /// The longest line accepted, in bytes.
    let maxLine: Int

    /// Wraps an open descriptor; the reader does not close it.
    public init(fd: Int32, name: String, blockSize: Int = 1 << 20, maxLine: Int = LineLimit.process) {
        self.fd = fd
        self.name = name
        self.maxLine = maxLine
        self.buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
    }

    /// Reads only the bytes `range` of a regular file. The range should start at a line start
    /// and end after a newline (or at the end of the file); only the range at the start of the
    /// input can carry the byte order mark.
    public init(fd: Int32, name: String, range: Range<Int64>, atInputStart: Bool, blockSize: Int = 1 << 20,
                maxLine: Int = LineLimit.process) {
        self.init(fd: fd, name: name, blockSize: blockSize, maxLine: maxLine)
        offset = range.lowerBound
        limit = range.upperBound
        atFileStart = atInputStart
    }

    /// Lines seen so far, blank ones included (after the last call, all lines of the input).
    public var linesRead: Int { lineNumber }

    deinit { buffer.deallocate() }

    /// Calls `body` with each non-blank line's number (1-based) and bytes (valid only during
    /// the call), in order.
    public mutating func forEachLine(
        _ body: (Int, UnsafeRawBufferPointer) throws(DeskError) -> Void
    ) throws(DeskError) {
        while true {
            // Find the next newline; `scanned` counts bytes after `start` already searched,
            // so refilling (which moves the unread bytes down) does not rescan them.
            var scanned = 0
            var newline: Int? = nil
            while true {
                let from = start + scanned
                if let p = memchr(buffer.baseAddress! + from, 0x0A, end - from) {
                    newline = buffer.baseAddress!.distance(to: p)
                    break
                }
                scanned = end - start
                if eof { break }
                // A line (a `\r` and a byte order mark aside) past the bound: refuse it now,
                // before the buffer grows to hold more of it.
                if scanned > maxLine + 4 { throw LineLimit.error(file: name, line: lineNumber + 1, limit: maxLine) }
                try fill()
            }
            if atFileStart {
                atFileStart = false
                if end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF {
                    start += 3
                }
            }
            if newline == nil && start == end { return }
            lineNumber += 1
            var stop = newline ?? end
            if stop > start && buffer[stop - 1] == 0x0D { stop -= 1 }
            if stop - start > maxLine { throw LineLimit.error(file: name, line: lineNumber, limit: maxLine) }
            let line = UnsafeRawBufferPointer(rebasing: buffer[start..<stop])
            start = newline.map { $0 + 1 } ?? end
            if !LineReader.isBlank(line) { try body(lineNumber, line) }
        }
    }

    static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
        for c in line where !(c == 0x20 || c == 0x09 || c == 0x0D) { return false }
        return true
    }

    /// Moves unread bytes to the front (growing the buffer if it is full) and reads more.
    mutating func fill() throws(DeskError) {
        if start > 0 {
            let pending = end - start
            if pending > 0 { memmove(buffer.baseAddress!, buffer.baseAddress! + start, pending) }
            start = 0
            end = pending
        }
        if end == buffer.count {
            let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
            bigger.copyMemory(from: UnsafeRawBufferPointer(buffer))
            buffer.deallocate()
            buffer = bigger
        }
        while true {
            let space = buffer.count - end
            let n: Int
            if let limit {
                n = offset >= limit ? 0 : pread(fd, buffer.baseAddress! + end, Int(min(Int64(space), limit - offset)), off_t(offset))
            } else {
                n = read(fd, buffer.baseAddress! + end, space)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .data(DataError(file: name, message: "cannot read: \(lastSystemMessage())"))
            }
            if n == 0 { eof = true }
            end += n
            offset += Int64(n)
            return
        }
    }
}
