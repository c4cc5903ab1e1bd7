// A source file's bytes, mapped read-only (mmap) rather than copied: a search over 100 MB of
// tickets only hashes them and reads the few lines it answers with, so copying and zeroing the
// whole file would cost more than the search. Bytes built in memory are held the same way.
#if canImport(Glibc)
import Glibc
#endif

/// Immutable bytes: a read-only file mapping or an owned copy.
final class FileBytes: @unchecked Sendable {
    // Sendable: the memory is never written after init and is released only in deinit.
    let buffer: UnsafeRawBufferPointer
    private let mapped: Bool

    /// Maps `size` bytes of `fd` (an empty file maps nothing); nil when mmap fails.
    init?(fd: Int32, size: Int) {
        if size == 0 {
            buffer = UnsafeRawBufferPointer(start: nil, count: 0)
            mapped = false
            return
        }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        buffer = UnsafeRawBufferPointer(start: p, count: size)
        mapped = true
    }

    /// A copy of `bytes`.
    init(copying bytes: [UInt8]) {
        let p = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 8)
        bytes.withUnsafeBytes { if let b = $0.baseAddress { p.baseAddress?.copyMemory(from: b, byteCount: bytes.count) } }
        buffer = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(p)[0..<bytes.count])
        mapped = false
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
        } else if let b = buffer.baseAddress {
            b.deallocate()
        }
    }

    var count: Int { buffer.count }

    subscript(i: Int) -> UInt8 { buffer[i] }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R { body(buffer) }
}
