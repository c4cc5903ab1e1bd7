// The byte buffer `queue` formats its text rows into: written through a pointer, each row's
// room reserved once. Why: a row is a dozen short fields, and `Array.append(contentsOf:)` per
// field cost more than the bytes themselves over a million rows.

/// A growable byte buffer written through a pointer; its bytes are copied out once.
struct QueueRowBuffer: ~Copyable {
    private var base: UnsafeMutableRawPointer
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 256)
        base = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 1)
    }

    deinit { base.deallocate() }

    /// Makes room for `n` more bytes: every `put` after it, up to `n` bytes, needs no check.
    mutating func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        let grown = max(capacity * 2, count + n)
        let fresh = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 1)
        fresh.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = fresh
        capacity = grown
    }

    @inline(__always)
    mutating func put(_ b: UnsafeRawBufferPointer) {
        guard let from = b.baseAddress, b.count > 0 else { return }
        (base + count).copyMemory(from: from, byteCount: b.count)
        count += b.count
    }

    @inline(__always)
    mutating func put(_ bytes: [UInt8]) { bytes.withUnsafeBytes { put($0) } }

    @inline(__always)
    mutating func put(_ byte: UInt8) {
        base.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    /// The `n` bytes written at `offset` (before the end), written again at the end.
    @inline(__always)
    mutating func repeatBytes(at offset: Int, count n: Int) {
        (base + count).copyMemory(from: base + offset, byteCount: n)
        count += n
    }

    /// `n` spaces (none when `n` is not positive).
    @inline(__always)
    mutating func spaces(_ n: Int) {
        guard n > 0 else { return }
        (base + count).initializeMemory(as: UInt8.self, repeating: 0x20, count: n)
        count += n
    }

    /// The low two digits of `v` (0 to 99 as written by `QueueRows.digits(v, 2, …)`).
    @inline(__always)
    mutating func twoDigits(_ v: Int) {
        base.storeBytes(of: UInt8(0x30 + (v / 10) % 10), toByteOffset: count, as: UInt8.self)
        base.storeBytes(of: UInt8(0x30 + v % 10), toByteOffset: count + 1, as: UInt8.self)
        count += 2
    }

    /// The position of the next byte, to measure what was written since.
    var mark: Int { count }

    /// A decimal integer, as `String(v)` writes it (at most 20 bytes).
    mutating func number(_ v: Int64) {
        if v < 0 { put(UInt8(ascii: "-")) }
        var m = v.magnitude
        var n = 0
        var t = m
        repeat { n += 1; t /= 10 } while t > 0
        for k in stride(from: n - 1, through: 0, by: -1) {
            base.storeBytes(of: UInt8(0x30 + m % 10), toByteOffset: count + k, as: UInt8.self)
            m /= 10
        }
        count += n
    }

    /// The bytes written.
    var bytes: [UInt8] { Array(UnsafeRawBufferPointer(start: base, count: count)) }
}
