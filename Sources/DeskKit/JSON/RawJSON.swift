// Reading values straight from the bytes of a JSON text that was already validated whole, without
// building JSONValues: the report needs `resolution.at`, not the cause and solution around it,
// and the ticket's required fields are checked from their bytes. Because the text is known to
// be valid, these readers do not report errors; a range holding another kind of value reads as
// nil.
#if canImport(Glibc)
import Glibc
#endif

/// Readers over byte ranges of a validated JSON text.
public enum RawJSON {
    /// Whether the value at `r` is a string.
    @inline(__always) static func isString(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> Bool {
        r.count >= 2 && b[r.lowerBound] == 0x22
    }

    /// The string body (between the quotes) at `r`, and whether it holds escapes.
    static func body(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> (UnsafeRawBufferPointer, escaped: Bool)? {
        guard isString(b, r) else { return nil }
        let inner = UnsafeRawBufferPointer(rebasing: b[(r.lowerBound + 1)..<(r.upperBound - 1)])
        return (inner, hasBackslash(inner))
    }

    /// Whether the bytes hold a backslash: eight bytes per step for short ones (most values
    /// read are words, names and times, where the call to memchr cost more than the bytes),
    /// memchr beyond.
    @inline(__always) static func hasBackslash(_ s: UnsafeRawBufferPointer) -> Bool {
        guard let base = s.baseAddress else { return false }
        let n = s.count
        if n > 64 { return memchr(base, 0x5C, n) != nil }
        if n < 8 {
            for i in 0..<n where base.load(fromByteOffset: i, as: UInt8.self) == 0x5C { return true }
            return false
        }
        // A word holds a backslash exactly when w ^ 0x5C… has a zero byte (the classic test:
        // a borrow can mark bytes above a zero byte, never a word without one).
        let ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func holds(_ w: UInt64) -> Bool {
            let x = w ^ (ones &* 0x5C)
            return (x &- ones) & ~x & (ones &* 0x80) != 0
        }
        var i = 0
        while i &+ 8 <= n {
            if holds(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return true }
            i &+= 8
        }
        // The last word overlaps the ones before: its bytes are all inside.
        return i < n && holds(base.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self))
    }

    /// The string at `r`, decoded; nil when the value is not a string.
    public static func string(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> String? {
        guard let (inner, escaped) = body(b, r) else { return nil }
        if !escaped { return String(decoding: inner, as: UTF8.self) }
        return JSONParser.decodeString(b, r.lowerBound + 1, r.upperBound - 1, escaped: true)
    }

    /// The word of a closed vocabulary in the string at `r`, matched from its bytes by
    /// `spelled`; a string that does not match (written with escapes, or another word) is
    /// decoded and read as text, so the answer is the same as `string(b, r).flatMap(E.init)`.
    @inline(__always)
    static func word<E: RawRepresentable>(
        _ b: UnsafeRawBufferPointer, _ r: Range<Int>, _ spelled: (UnsafeRawBufferPointer) -> E?
    ) -> E? where E.RawValue == String {
        guard isString(b, r) else { return nil }
        if let v = spelled(UnsafeRawBufferPointer(rebasing: b[(r.lowerBound + 1)..<(r.upperBound - 1)])) { return v }
        return string(b, r).flatMap(E.init(rawValue:))
    }

    /// The RFC 3339 time in the string at `r`; nil when absent, not a string or not a time.
    /// Inlined (a ticket holds a handful of times, each read through here); a failure is
    /// decided out of line.
    @inline(__always)
    public static func instant(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> Instant? {
        guard isString(b, r) else { return nil }
        let inner = UnsafeRawBufferPointer(rebasing: b[(r.lowerBound &+ 1)..<(r.upperBound &- 1)])
        // A time parsed from the raw bytes held no backslash (no RFC 3339 time has one), so it
        // is the decoded text's time: the escape search is left for the rare failure.
        if let t = Instant.parse(inner) { return t }
        return escapedInstant(b, r)
    }

    /// `instant` of a string whose bytes are not a time: the time its decoded text is, when it
    /// holds escapes.
    @inline(never)
    static func escapedInstant(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> Instant? {
        let inner = UnsafeRawBufferPointer(rebasing: b[(r.lowerBound + 1)..<(r.upperBound - 1)])
        guard hasBackslash(inner) else { return nil }
        return Instant(rfc3339: JSONParser.decodeString(b, r.lowerBound + 1, r.upperBound - 1, escaped: true))
    }

    /// The number at `r` as a finite Double; nil for other kinds.
    public static func double(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> Double? {
        guard !r.isEmpty else { return nil }
        let c = b[r.lowerBound]
        // A single digit (survey scores) needs no text conversion.
        if r.count == 1, c >= 0x30, c <= 0x39 { return Double(c - 0x30) }
        guard c == UInt8(ascii: "-") || (c >= 0x30 && c <= 0x39) else { return nil }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: b[r]), as: UTF8.self)
        guard let d = Double(text), d.isFinite else { return nil }
        return d
    }

    /// `true` or `false` at `r`; nil for other kinds.
    public static func bool(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> Bool? {
        guard !r.isEmpty else { return nil }
        switch b[r.lowerBound] {
        case UInt8(ascii: "t"): return true
        case UInt8(ascii: "f"): return false
        default: return nil
        }
    }

    /// Whether the value at `r` is a string equal to `text`. Inlined: a body of the text's own
    /// length is the text exactly when its bytes are (an escape only ever makes the spelling
    /// longer than what it decodes to), so only a longer body is decoded, out of line.
    @inline(__always)
    public static func stringEquals(_ b: UnsafeRawBufferPointer, _ r: Range<Int>, _ text: StaticString) -> Bool {
        guard isString(b, r) else { return false }
        let n = text.utf8CodeUnitCount, count = r.count &- 2
        if count == n { return bytes(b, from: r.lowerBound &+ 1, are: text) }
        return count > n && escapedStringEquals(b, r, text)
    }

    /// `stringEquals` of a body longer than the text: equal only as the decoded text of an
    /// escaped spelling.
    @inline(never)
    static func escapedStringEquals(_ b: UnsafeRawBufferPointer, _ r: Range<Int>, _ text: StaticString) -> Bool {
        guard let (_, escaped) = body(b, r), escaped else { return false }
        return string(b, r) == text.description
    }

    /// Whether the bytes of `b` from `start` are `text`'s (as many as it has; the caller has
    /// checked they are there), compared a byte at a time in place: with the text a constant,
    /// most comparisons decide at the first byte, where a memcmp call cost more than the bytes.
    @inline(__always)
    static func bytes(_ b: UnsafeRawBufferPointer, from start: Int, are text: StaticString) -> Bool {
        guard let base = b.baseAddress else { return text.utf8CodeUnitCount == 0 }
        let p = base + start, t = text.utf8Start
        for i in 0..<text.utf8CodeUnitCount where p.load(fromByteOffset: i, as: UInt8.self) != t[i] { return false }
        return true
    }

    /// Whether a member's key is `name`. Inlined, so the name's bytes are constants for
    /// `bytes(_:from:are:)` (run for every nested member the report reads).
    @inline(__always)
    public static func keyIs(_ b: UnsafeRawBufferPointer, _ m: MemberSpan, _ name: StaticString) -> Bool {
        let r = m.keyRange
        if m.keyEscaped { return escapedKeyIs(b, r, name) }
        return r.count &- 2 == name.utf8CodeUnitCount && bytes(b, from: r.lowerBound &+ 1, are: name)
    }

    /// `keyIs` for a key written with escapes: decoded and compared.
    @inline(never)
    static func escapedKeyIs(_ b: UnsafeRawBufferPointer, _ r: Range<Int>, _ name: StaticString) -> Bool {
        JSONParser.decodeString(b, r.lowerBound + 1, r.upperBound - 1, escaped: true) == name.description
    }

    /// Calls `visit` with each member of the object at `r`; nothing when it is not an object.
    public static func forEachMember(_ b: UnsafeRawBufferPointer, _ r: Range<Int>, _ visit: (MemberSpan) -> Void) {
        guard r.count >= 2, b[r.lowerBound] == UInt8(ascii: "{") else { return }
        var i = skipSpace(b, r.lowerBound + 1, r.upperBound)
        while i < r.upperBound, b[i] == 0x22 {
            let keyEnd = skip(b, i, r.upperBound)
            let key = i..<keyEnd
            let escaped = b.baseAddress.map { memchr($0 + i, 0x5C, keyEnd - i) != nil } ?? false
            let valueStart = skipSpace(b, skipSpace(b, keyEnd, r.upperBound) + 1, r.upperBound)  // past ':'
            let valueEnd = skip(b, valueStart, r.upperBound)
            visit(MemberSpan(keyRange: key, keyEscaped: escaped, valueRange: valueStart..<valueEnd))
            i = skipSpace(b, skipSpace(b, valueEnd, r.upperBound) + 1, r.upperBound)  // past ',' or '}'
        }
    }

    /// Calls `visit` with the range of each element of the array at `r`; nothing when it is
    /// not an array.
    public static func forEachElement(_ b: UnsafeRawBufferPointer, _ r: Range<Int>, _ visit: (Range<Int>) -> Void) {
        guard r.count >= 2, b[r.lowerBound] == UInt8(ascii: "[") else { return }
        var i = skipSpace(b, r.lowerBound + 1, r.upperBound)
        while i < r.upperBound - 1 {
            let end = skip(b, i, r.upperBound)
            visit(i..<end)
            i = skipSpace(b, skipSpace(b, end, r.upperBound) + 1, r.upperBound)  // past ',' or ']'
        }
    }

    /// The position after JSON white space from `i`.
    @inline(__always) static func skipSpace(_ b: UnsafeRawBufferPointer, _ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        return i
    }

    /// The end of the (valid) value starting at `i`, without validating it again: strings end
    /// at the first quote not escaped, containers where their depth returns to zero.
    static func skip(_ b: UnsafeRawBufferPointer, _ i: Int, _ end: Int) -> Int {
        guard i < end else { return end }
        switch b[i] {
        case 0x22: return stringEnd(b, i, end)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var j = i
            while j < end {
                switch b[j] {
                case 0x22: j = stringEnd(b, j, end)
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return j + 1 }
                default: break
                }
                j += 1
            }
            return end
        default:
            var j = i
            while j < end {
                let c = b[j]
                if c == UInt8(ascii: ",") || c == UInt8(ascii: "}") || c == UInt8(ascii: "]") || c == 0x20 || c == 0x0A
                    || c == 0x0D || c == 0x09
                {
                    break
                }
                j += 1
            }
            return j
        }
    }

    /// The position after the string whose opening quote is at `i`.
    static func stringEnd(_ b: UnsafeRawBufferPointer, _ i: Int, _ end: Int) -> Int {
        guard let base = b.baseAddress else { return end }
        var j = i + 1
        while j < end {
            guard let hit = memchr(base + j, 0x22, end - j) else { return end }
            let q = UnsafeRawPointer(hit) - base
            // A quote preceded by an odd number of backslashes is escaped.
            var k = q - 1
            while k > i, b[k] == 0x5C { k -= 1 }
            if (q - 1 - k) % 2 == 0 { return q + 1 }
            j = q + 1
        }
        return end
    }

    /// Whether the value at `r` is an array with at least one element.
    public static func isNonEmptyArray(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> Bool {
        guard r.count >= 2, b[r.lowerBound] == UInt8(ascii: "[") else { return false }
        var i = r.lowerBound + 1
        while i < r.upperBound, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        return i < r.upperBound - 1
    }

    /// Whether `needle` occurs in `range` of `buf`. memchr finds candidates for the needle's
    /// byte at `anchor` (give a byte that is rare in the text: each candidate costs a memcmp);
    /// memcmp checks the whole needle around it.
    public static func contains(_ buf: UnsafeRawBufferPointer, _ range: Range<Int>, _ needle: StaticString, anchor: Int = 0) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard n > 0, anchor >= 0, anchor < n, range.count >= n, let base = buf.baseAddress else { return false }
        let key = Int32(needle.utf8Start[anchor])
        // The anchor byte of a match lies in [first, last].
        var p = base + range.lowerBound + anchor
        let last = base + range.upperBound - n + anchor
        while p <= last {
            guard let hit = memchr(p, key, last - p + 1) else { return false }
            if memcmp(UnsafeRawPointer(hit) - anchor, needle.utf8Start, n) == 0 { return true }
            p = UnsafeRawPointer(hit) + 1
        }
        return false
    }
}
