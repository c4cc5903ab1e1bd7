// Finding where the plain bytes of a JSON string end, sixteen bytes per step. Inside a string
// only four kinds of byte need a decision: the closing quote, a backslash, a control character
// (refused) and a non-ASCII byte (UTF-8 to validate); everything else is skipped. A ticket is
// mostly string bytes, so this search is the inner loop of every command's validating scan.

/// The search for the first byte of a string body that needs a decision.
enum StringScan {
    /// Whether `c` ends a run of plain string bytes: a quote, a backslash, a control character
    /// (below 0x20) or a non-ASCII byte (0x80 and above). The definition the word-at-a-time
    /// search must agree with.
    @inline(__always) static func isSpecial(_ c: UInt8) -> Bool {
        c == 0x22 || c == 0x5C || c < 0x20 || c >= 0x80
    }

    /// The offset of the first byte at or after `from` for which `isSpecial` holds, or `end`
    /// when none before `end`; never reads at or past `end`. Sixteen bytes per step while
    /// sixteen remain, then one step of eight, then byte by byte (`firstSpecialBytewise`).
    @inline(__always)
    static func firstSpecial(_ base: UnsafeRawPointer, from: Int, end: Int) -> Int {
        var p = from
        while p &+ 16 <= end {
            let v = (base + p).loadUnaligned(as: SIMD16<UInt8>.self)
            // Lane by lane (wrapping byte arithmetic, nothing crosses lanes): for a byte below
            // 0x80 the high bit of (v ^ 0x22) - 1 is set exactly when it is a quote, of
            // (v ^ 0x5C) - 1 when a backslash, of v - 0x20 when a control character; v's own
            // high bit marks non-ASCII. (Ordinary SIMD operators, which the compiler turns
            // into byte-wise SSE2 instructions; no comparison, which it does not.)
            let flags = (((v ^ 0x22) &- 1) | ((v ^ 0x5C) &- 1) | (v &- 0x20) | v) & 0x80
            let halves = unsafeBitCast(flags, to: SIMD2<UInt64>.self)
            let low = UInt64(littleEndian: halves[0]), high = UInt64(littleEndian: halves[1])
            if low | high != 0 {
                return low != 0 ? p &+ low.trailingZeroBitCount >> 3 : p &+ 8 &+ high.trailingZeroBitCount >> 3
            }
            p &+= 16
        }
        if p &+ 8 <= end {
            // The same test on one 64-bit word: here a borrow can run into the next byte up,
            // but only out of a byte that is itself flagged (a plain byte never borrows), so
            // the lowest flag is still exactly the first special byte.
            let ones: UInt64 = 0x0101_0101_0101_0101
            let w = UInt64(littleEndian: (base + p).loadUnaligned(as: UInt64.self))
            let flags = (((w ^ (ones &* 0x22)) &- ones) | ((w ^ (ones &* 0x5C)) &- ones) | (w &- (ones &* 0x20)) | w)
                & (ones &* 0x80)
            if flags != 0 { return p &+ flags.trailingZeroBitCount >> 3 }
            p &+= 8
        }
        return firstSpecialBytewise(base, from: p, end: end)
    }

    /// `firstSpecial` one byte at a time: the last few bytes of a buffer, and the exact twin
    /// the tests hold the word-at-a-time search to.
    @inline(__always)
    static func firstSpecialBytewise(_ base: UnsafeRawPointer, from: Int, end: Int) -> Int {
        var p = from
        while p < end, !isSpecial(base.load(fromByteOffset: p, as: UInt8.self)) { p &+= 1 }
        return p
    }
}
