// Names (owners, categories) read from a line's bytes and numbered, once per reading thread.
// Why: the report counts every ticket by its owner and its category, and building their
// Strings and hashing them into dictionaries per ticket was measurable. A name's String is
// built once; a number is only a hint to PeriodStats, which checks the name it stands for
// before trusting it (so figures merged from other threads' tables stay right).
#if canImport(Glibc)
import Glibc
#endif

/// The distinct string values seen, each numbered and kept as a String.
struct NameTable: Sendable {
    /// The names, by number.
    private(set) var names: [String] = []
    /// Their UTF-8 bytes back to back: name i is `text[starts[i]..<starts[i + 1]]`.
    private var text: [UInt8] = []
    private var starts: [Int] = [0]
    /// Open addressing: a name's number + 1 per slot, 0 when empty; a power of two, at most half
    /// full (empty until the first name, so a table made per ticket costs nothing).
    private var slots: [Int32] = []

    /// How many names are numbered at most; later new names get no number (-1) and their own
    /// String, so a file of all-different names does not grow the table without end.
    static let capacity = 1 << 16

    init() {}

    /// The number (-1 once the table is full) and text of the string value at `r` of a validated
    /// line; nil when the value is not a string. A string written with escapes is numbered by
    /// its decoded text, so both spellings of a name are one name, as they were as dictionary
    /// keys.
    mutating func name(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> (number: Int, text: String)? {
        guard RawJSON.isString(b, r) else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: b[(r.lowerBound + 1)..<(r.upperBound - 1)])
        // memchr, not a byte loop: this runs for two names of every ticket.
        if body.baseAddress.map({ memchr($0, 0x5C, body.count) == nil }) ?? true { return number(body) }
        var decoded = JSONParser.decodeString(b, r.lowerBound + 1, r.upperBound - 1, escaped: true)
        return decoded.withUTF8 { number(UnsafeRawBufferPointer($0)) }
    }

    /// A hash of the bytes: a name of 8 to 16 bytes (most owners and categories) from two
    /// overlapping words, mixed; any other by FNV-1a. Why: hashing byte by byte was most of the
    /// cost of numbering the two names of every ticket.
    private static func hash(_ s: UnsafeRawBufferPointer) -> Int {
        let n = s.count
        if n >= 8, n <= 16, let p = s.baseAddress {
            let a = p.loadUnaligned(as: UInt64.self), b = p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            var h = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &+ UInt64(n))
            h = (h ^ (h >> 31)) &* 0xBF58_476D_1CE4_E5B9
            return Int(truncatingIfNeeded: h ^ (h >> 32))
        }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for c in s { h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    private func equals(_ n: Int, _ s: UnsafeRawBufferPointer) -> Bool {
        let from = starts[n], to = starts[n + 1]
        guard to - from == s.count else { return false }
        guard let b = s.baseAddress else { return true }  // both empty
        return text.withUnsafeBytes { t in
            guard let base = t.baseAddress else { return false }
            let n = s.count
            // Two overlapping words for the usual length (see `hash`), memcmp otherwise.
            if n >= 8, n <= 16 {
                return base.loadUnaligned(fromByteOffset: from, as: UInt64.self) == b.loadUnaligned(as: UInt64.self)
                    && base.loadUnaligned(fromByteOffset: from + n - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            }
            return memcmp(base + from, b, n) == 0
        }
    }

    private mutating func number(_ s: UnsafeRawBufferPointer) -> (number: Int, text: String) {
        if slots.isEmpty { slots = [Int32](repeating: 0, count: 64) }
        let mask = slots.count - 1
        var i = NameTable.hash(s) & mask
        while slots[i] != 0 {
            let n = Int(slots[i]) - 1
            if equals(n, s) { return (n, names[n]) }
            i = (i + 1) & mask
        }
        let n = names.count
        guard n < NameTable.capacity else { return (-1, String(decoding: s, as: UTF8.self)) }
        names.append(String(decoding: s, as: UTF8.self))
        text.append(contentsOf: s)
        starts.append(text.count)
        slots[i] = Int32(truncatingIfNeeded: n + 1)
        if (n + 1) * 2 > slots.count { grow() }
        return (n, names[n])
    }

    /// Doubles the slots and places every name again.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for n in names.indices {
            let h = text.withUnsafeBytes { NameTable.hash(UnsafeRawBufferPointer(rebasing: $0[starts[n]..<starts[n + 1]])) }
            var i = h & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(truncatingIfNeeded: n + 1)
        }
    }
}
