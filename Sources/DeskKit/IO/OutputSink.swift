// Buffered output to a file descriptor or to memory (for in-process tests). Writes are
// batched into 64 KiB blocks. A broken pipe is not an error (`desk show | head` ends quietly,
// as ripgrep does); any other write failure surfaces as an I/O error naming the target.
#if canImport(Glibc)
import Glibc
#endif

/// A buffered byte sink. Reference type: several parts of a command share one stdout.
public final class OutputSink {
    enum Target {
        case fd(Int32)
        case memory
    }

    let target: Target
    /// Name used in error messages (`<stdout>`, a temporary file path).
    let name: String
    var buffer: [UInt8] = []
    /// Everything written, for `.memory` sinks.
    public private(set) var captured: [UInt8] = []
    /// Set once the reader went away; later writes are dropped.
    public private(set) var brokenPipe = false
    static let blockSize = 1 << 16

    /// A sink writing to a file descriptor.
    public init(fd: Int32, name: String) {
        self.target = .fd(fd)
        self.name = name
        buffer.reserveCapacity(OutputSink.blockSize + 4096)
    }

    /// A sink collecting into memory (`captured`).
    public init(memoryNamed name: String = "<memory>") {
        self.target = .memory
        self.name = name
    }

    /// The captured bytes as text (memory sinks).
    public var text: String {
        String(decoding: captured + buffer, as: UTF8.self)
    }

    /// Appends bytes, flushing when the buffer is full.
    @inline(__always)
    public func write(_ bytes: UnsafeRawBufferPointer) throws(DeskError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= OutputSink.blockSize { try flush() }
    }

    /// Appends bytes, flushing when the buffer is full.
    public func write(_ bytes: [UInt8]) throws(DeskError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= OutputSink.blockSize { try flush() }
    }

    /// Appends text.
    public func write(_ text: String) throws(DeskError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= OutputSink.blockSize { try flush() }
    }

    /// Appends one byte.
    public func write(byte: UInt8) throws(DeskError) {
        buffer.append(byte)
        if buffer.count >= OutputSink.blockSize { try flush() }
    }

    /// Writes a line of text for diagnostics, ignoring failures (stderr must never fail a run).
    public func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        try? flush()
    }

    /// Writes bytes after everything buffered without first copying them into the buffer:
    /// for large blocks (a checked file copied out), where that copy was a tenth of `show`.
    public func writeThrough(_ bytes: UnsafeRawBufferPointer) throws(DeskError) {
        try flush()
        switch target {
        case .memory: captured.append(contentsOf: bytes)
        case .fd(let fd): try writeAll(fd, bytes)
        }
    }

    /// Sends bytes `offset..<offset + count` of the regular file `source` after everything
    /// buffered, with sendfile (the kernel copies; the bytes never pass through this process).
    /// Answers how many were sent: fewer than `count`, maybe none, when the kernel cannot send
    /// between these descriptors (a memory sink, an O_APPEND target, an old kernel), and the
    /// caller writes the rest itself. A broken pipe counts as sent, as later writes are dropped.
    public func send(file source: Int32, offset: Int64, count: Int64) throws(DeskError) -> Int64 {
        guard case .fd(let fd) = target else { return 0 }
        try flush()
        if brokenPipe { return count }
        var at = off_t(offset)
        var sent: Int64 = 0
        while sent < count {
            let n = sendfile(fd, source, &at, Int(min(count - sent, 1 << 30)))
            if n > 0 {
                sent += Int64(n)
                continue
            }
            if n == 0 { return sent }  // the file ended early: the caller's read decides
            switch errno {
            case EINTR: continue
            case EPIPE:
                brokenPipe = true
                return count
            default:
                // EINVAL, ENOSYS and the like: no sending here. Any other failure need not be
                // the write's (the read side may have failed): the caller's plain copy goes on
                // from here and finds out which, with its own messages.
                return sent
            }
        }
        return sent
    }

    /// Writes out everything buffered.
    public func flush() throws(DeskError) {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        switch target {
        case .memory:
            captured.append(contentsOf: buffer)
        case .fd(let fd):
            let failure: DeskError? = buffer.withUnsafeBytes { raw in
                do throws(DeskError) { try writeAll(fd, raw) } catch { return error }
                return nil
            }
            if let failure { throw failure }
        }
    }

    /// Writes all of `raw` to `fd`; a broken pipe marks the sink and drops the rest.
    func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer) throws(DeskError) {
        if brokenPipe || raw.isEmpty { return }
        guard let base = raw.baseAddress else { return }
        var off = 0
        while off < raw.count {
            let n = Glibc.write(fd, base + off, raw.count - off)
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EPIPE {
                    brokenPipe = true
                    return
                }
                throw .io("\(name): write failed: \(systemMessage(code))")
            }
            off += n
        }
    }
}
