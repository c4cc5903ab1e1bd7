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

    /// Writes out everything buffered.
    public func flush() throws(DeskError) {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        switch target {
        case .memory:
            captured.append(contentsOf: buffer)
        case .fd(let fd):
            if brokenPipe { return }
            let failure: Int32? = buffer.withUnsafeBytes { raw -> Int32? in
                var off = 0
                while off < raw.count {
                    let n = Glibc.write(fd, raw.baseAddress! + off, raw.count - off)
                    if n < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    off += n
                }
                return nil
            }
            if let code = failure {
                if code == EPIPE {
                    brokenPipe = true
                    return
                }
                throw .io("\(name): write failed: \(systemMessage(code))")
            }
        }
    }
}
