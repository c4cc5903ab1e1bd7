// Finding where the plain bytes of a JSON string end, eight bytes per step. Inside a string
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
    /// when none before `end`; never reads at or past `end`. A 64-bit word per step while eight
    /// bytes remain, then byte by byte (`firstSpecialBytewise`). (Measured: two words per step
    /// cost 2% more of the report, a SIMD16 vector 1% less in release but twenty times more in
    /// the debug build the tests run.)
    @inline(__always)
    static func firstSpecial(_ base: UnsafeRawPointer, from: Int, end: Int) -> Int {
        var p = from
        while p &+ 8 <= end {
            let f = flags(UInt64(littleEndian: (base + p).loadUnaligned(as: UInt64.self)))
            if f != 0 { return p &+ f.trailingZeroBitCount >> 3 }
            p &+= 8
        }
        return firstSpecialBytewise(base, from: p, end: end)
    }

    /// The high bit of each byte of `w` (byte i at bits 8i) whose byte is special, exact for the
    /// lowest special byte. For a byte b below 0x80: b ^ 0x02 is below 0x21 exactly when b is a
    /// control character or a quote (0x22 becomes 0x20, 0x00-0x1F stay below 0x20, and no other
    /// byte lands there), so the high bit of (b ^ 0x02) - 0x21 marks both; the high bit of
    /// (b ^ 0x5C) - 1 marks a backslash; b's own high bit marks non-ASCII. A subtraction borrows
    /// into the next byte up only out of a byte that is itself special (a plain byte never
    /// borrows), so no byte below the first special one is flagged; bytes above it may be, and
    /// are never read. (Seven operations a word; the quote and the controls tested apart took
    /// nine.)
    @inline(__always)
    static func flags(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        return (((w ^ (ones &* 0x02)) &- (ones &* 0x21)) | ((w ^ (ones &* 0x5C)) &- ones) | w) & (ones &* 0x80)
    }

    /// The end of the run of pairs of three-byte UTF-8 characters from `from` whose lead bytes
    /// are E1-EC or EE-EF and whose other two bytes are continuation bytes (most CJK text: the
    /// sequences valid on that check alone, as the parser's one-character check reads them),
    /// six bytes a step out of one 64-bit word; never reads at or past `end`. Why: a ticket's
    /// Chinese text was a character per step, a tenth of the validating scan.
    @inline(__always)
    static func threeBytePairs(_ base: UnsafeRawPointer, from: Int, end: Int) -> Int {
        var p = from
        while p &+ 8 <= end {
            let w = UInt64(littleEndian: (base + p).loadUnaligned(as: UInt64.self))
            // Bytes 0 and 3 are 0xE_ leads, bytes 1, 2, 4 and 5 are 10xxxxxx; the leads' low
            // nibbles are in {1…12, 14, 15} (bit n of 0xDFFE: not E0, not ED).
            guard w & 0x0000_C0C0_F0C0_C0F0 == 0x0000_8080_E080_80E0,
                  ((0xDFFE as UInt64) >> (w & 0xF)) & ((0xDFFE as UInt64) >> ((w >> 24) & 0xF)) & 1 != 0 else { break }
            p &+= 6
        }
        return p
    }

    /// `threeBytePairs` a byte at a time: the twin the tests hold it to.
    static func threeBytePairsBytewise(_ base: UnsafeRawPointer, from: Int, end: Int) -> Int {
        func valid(_ i: Int) -> Bool {
            let lead = base.load(fromByteOffset: i, as: UInt8.self)
            return (lead &- 0xE1 < 12 || lead &- 0xEE < 2) && base.load(fromByteOffset: i + 1, as: UInt8.self) & 0xC0 == 0x80
                && base.load(fromByteOffset: i + 2, as: UInt8.self) & 0xC0 == 0x80
        }
        var p = from
        while p + 8 <= end, valid(p), valid(p + 3) { p += 6 }
        return p
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
