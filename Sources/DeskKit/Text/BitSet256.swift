// A set of 256 small numbers (byte values, hash buckets) as four machine words: inserting and
// testing is a shift and a mask, no allocation. The reply lint keeps a clause's scalar pairs in
// one (a filter that rules out most markers without a scan); the report's requester filter the
// bytes of a comment (a token with a byte the comment lacks cannot occur in it).

/// 256 bits, for numbers 0...255 (higher bits of a larger number are ignored).
struct BitSet256: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init() {}

    @inline(__always) mutating func insert(_ k: Int) {
        let m = UInt64(1) << UInt64(k & 63)
        switch (k >> 6) & 3 {
        case 0: words.0 |= m
        case 1: words.1 |= m
        case 2: words.2 |= m
        default: words.3 |= m
        }
    }

    @inline(__always) func contains(_ k: Int) -> Bool {
        let m = UInt64(1) << UInt64(k & 63)
        switch (k >> 6) & 3 {
        case 0: return words.0 & m != 0
        case 1: return words.1 & m != 0
        case 2: return words.2 & m != 0
        default: return words.3 & m != 0
        }
    }
}
