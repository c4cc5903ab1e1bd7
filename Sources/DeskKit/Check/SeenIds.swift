// The ids `desk check` has seen, for the duplicate-id rule, in under 15 bytes per id. A
// `[String: (file, line)]` cost about 75 bytes per id (the String, its storage, the table's
// slack), 75 MB over a million tickets. Here each id is a 64-bit fingerprint and the number of
// the line it was first seen on, 12 bytes, in open-addressing tables kept 82–90% full (about 14 bytes per id).
//
// Exactness (docs/CHECK.md): two equal ids have equal fingerprints, so a duplicate is never
// missed. Two different ids are taken for one only if their fingerprints collide: for n
// distinct ids the chance of any such pair is below n²/2^65 (3·10⁻⁸ for a million ids,
// 3·10⁻⁴ for a hundred million); ids are not chosen to collide (it is no cryptographic hash).
//
// Memory: the table is cut into 64 shards by the fingerprint's top bits, each in its own
// pages (mmap), grown by a tenth when 9/10 full into new pages and the old pages returned at
// once: a grow never holds more than one shard twice, and no heap holes are left behind.
#if canImport(Glibc)
import Glibc
#endif

/// A set of ids, each with the (global) line it was first seen on.
final class SeenIds {
    /// One entry: the fingerprint in two halves (so the stride is 12 bytes) and the line;
    /// line 0 marks an empty slot.
    struct Slot {
        var lo: UInt32
        var hi: UInt32
        var line: UInt32
    }

    struct Shard {
        var slots: UnsafeMutablePointer<Slot>? = nil
        var capacity = 0
        var count = 0
        var bytes = 0
    }

    static let shardBits = 6
    private var shards = [Shard](repeating: Shard(), count: 1 << SeenIds.shardBits)
    static let pageSize = max(4096, Int(sysconf(Int32(_SC_PAGESIZE))))

    /// Ids held.
    private(set) var count = 0

    /// Slots looked at by `insert` so far (beyond each id's home slot): a test keeps the
    /// probing short.
    private(set) var probes = 0

    /// Bytes of pages the shards hold.
    var reservedBytes: Int { shards.reduce(0) { $0 + $1.bytes } }

    deinit {
        for s in shards where s.slots != nil { SeenIds.unmap(s) }
    }

    /// The fingerprint of `id`: a 64-bit multiply-xorshift hash of its UTF-8 bytes and length.
    static func fingerprint(_ id: String) -> UInt64 {
        var s = id
        return s.withUTF8 { buf -> UInt64 in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(buf.count) &* 0xC2B2_AE3D_27D4_EB4F)
            var i = 0
            while i < buf.count {
                var w: UInt64 = 0
                var k = 0
                while k < 8 && i + k < buf.count {
                    w |= UInt64(buf[i + k]) << (8 * UInt64(k))
                    k += 1
                }
                h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 31
                i += 8
            }
            // The finaliser of MurmurHash3: every input bit reaches every output bit.
            h ^= h >> 33
            h = h &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 33
            h = h &* 0xC4CE_B9FE_1A85_EC53
            h ^= h >> 33
            return h
        }
    }

    /// Adds `id` first seen on `line` (at least 1) and returns nil, or returns the line it
    /// was first seen on.
    func insert(_ id: String, line: UInt32) -> UInt32? {
        let f = SeenIds.fingerprint(id)
        let s = Int(f >> UInt64(64 - SeenIds.shardBits))
        if shards[s].count * 10 >= shards[s].capacity * 9 { grow(s) }
        let slot = Slot(lo: UInt32(truncatingIfNeeded: f), hi: UInt32(truncatingIfNeeded: f >> 32), line: max(1, line))
        guard let base = shards[s].slots else { return nil }
        let cap = shards[s].capacity
        var at = SeenIds.home(f, cap)
        for _ in 0..<cap {
            let e = base[at]
            if e.line == 0 {
                base[at] = slot
                shards[s].count += 1
                count += 1
                return nil
            }
            if e.lo == slot.lo && e.hi == slot.hi { return e.line }
            probes += 1
            at += 1
            if at == cap { at = 0 }
        }
        return nil  // a full shard that could not grow
    }

    /// The home slot of fingerprint `f` in a shard of `cap` slots (its low half scaled).
    @inline(__always) static func home(_ f: UInt64, _ cap: Int) -> Int {
        // Parenthesised: `>>` binds tighter than `&*` in Swift.
        Int(((f & 0xFFFF_FFFF) &* UInt64(cap)) >> 32)
    }

    /// Moves shard `s` into pages a tenth larger (at least one page more).
    private func grow(_ s: Int) {
        let old = shards[s]
        let want = max(old.bytes + SeenIds.pageSize, old.bytes + old.bytes / 10)
        let bytes = (want + SeenIds.pageSize - 1) / SeenIds.pageSize * SeenIds.pageSize
        guard let raw = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), raw != MAP_FAILED else {
            // Out of address space: keep the full shard (lookups still terminate while a slot
            // is free; a completely full shard cannot take more ids and reports none).
            return
        }
        // Fresh anonymous pages are zero: every slot empty.
        let cap = bytes / MemoryLayout<Slot>.stride
        let slots = raw.bindMemory(to: Slot.self, capacity: cap)
        if let from = old.slots {
            for i in 0..<old.capacity where from[i].line != 0 {
                let e = from[i]
                var at = SeenIds.home(UInt64(e.lo) | UInt64(e.hi) << 32, cap)
                while slots[at].line != 0 {
                    at += 1
                    if at == cap { at = 0 }
                }
                slots[at] = e
            }
            SeenIds.unmap(old)
        }
        shards[s] = Shard(slots: slots, capacity: cap, count: old.count, bytes: bytes)
    }

    private static func unmap(_ s: Shard) {
        if let p = s.slots { _ = munmap(UnsafeMutableRawPointer(p), s.bytes) }
    }
}
