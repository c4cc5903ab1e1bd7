// Case-insensitive search for a user's text in ticket strings, through the shared
// normalisation (TextNormalizer.fold: case, full-width forms, traditional to simplified
// Chinese, white-space and punctuation runs), and straight from the line's bytes where that is
// exact. A needle that folds to letters, digits and ideographs only (no space, no punctuation)
// is matched on the bytes with ASCII letters folded whenever the text holds no \uXXXX escape and
// no character the normalisation would turn into something such a needle could match
// (`FoldStability`): then folding only lower-cases ASCII letters and changes separators the
// needle cannot span, so the byte match is the same as comparing folded strings. Anything else
// is decoded and folded.
#if canImport(Glibc)
import Glibc
#endif

/// One search text, folded once.
public struct TextSearch: Sendable {
    /// The folded needle's UTF-8 bytes.
    let needle: [UInt8]
    /// The folded needle.
    let folded: String
    /// Whether a byte match with ASCII folding is exact for this needle.
    public let byteExact: Bool

    /// The folding every search uses.
    public static func fold(_ s: String) -> String { TextNormalizer.fold(s) }

    public init(_ text: String) {
        folded = TextSearch.fold(text)
        needle = Array(folded.utf8)
        byteExact = !folded.unicodeScalars.contains { u in
            u.properties.isWhitespace || TextNormalizer.isPunctuation(u)
                || (u.isASCII && !(u.properties.isAlphabetic || u.properties.numericType != nil))
        }
    }

    /// Whether the decoded string `s` contains the needle, ignoring case.
    public func matches(_ s: String) -> Bool {
        needle.isEmpty || TextSearch.fold(s).contains(folded)
    }

    /// Whether the JSON string value at `r` of `b` contains the needle; false for other kinds.
    public func matchesString(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> Bool {
        guard let (inner, escaped) = RawJSON.body(b, r) else { return false }
        if byteExact && FoldStability.isStable(inner) && (!escaped || !TextSearch.hasUnicodeEscape(inner)) {
            // Escapes other than \uXXXX decode to punctuation or white space, which the needle
            // cannot hold: the raw bytes answer, once a hit starting on an escape's letter (the
            // n of \n) is passed over.
            return occurs(in: inner, escaped: escaped)
        }
        guard let s = RawJSON.string(b, r) else { return false }
        return matches(s)
    }

    /// Whether the needle surely does not occur in the JSON text `b` (a whole line): the text
    /// folds stably, holds no \uXXXX escape, and the raw bytes do not hold the needle.
    public func surelyAbsent(in b: UnsafeRawBufferPointer) -> Bool {
        byteExact && !occurs(in: b) && !TextSearch.hasUnicodeEscape(b) && FoldStability.isStable(b)
    }

    /// Whether JSON text holds a `\u` escape (a backslash that is not itself escaped, then u).
    static func hasUnicodeEscape(_ b: UnsafeRawBufferPointer) -> Bool {
        guard let base = b.baseAddress else { return false }
        var i = 0
        while i < b.count {
            guard let hit = memchr(base + i, 0x5C, b.count - i) else { return false }
            let at = UnsafeRawPointer(hit) - base
            if at + 1 < b.count && b[at + 1] == UInt8(ascii: "u") { return true }
            i = at + 2  // past the escaped character, so `\\u` is not taken for `\u`
        }
        return false
    }

    /// Whether the needle occurs in `hay` with ASCII letters folded. Candidates for the first
    /// byte are found with memchr (both cases of a letter), the rest compared by hand.
    /// With `escaped`, `hay` is the body of a JSON string and a candidate whose first byte
    /// follows an odd run of backslashes (an escape's letter) does not count; the needle holds
    /// no backslash, so no other byte of a hit can belong to an escape.
    public func occurs(in hay: UnsafeRawBufferPointer, escaped: Bool = false) -> Bool {
        let n = needle.count
        guard n > 0 else { return true }
        guard hay.count >= n, let base = hay.baseAddress else { return false }
        let first = needle[0]
        let other: UInt8? = (first >= 0x61 && first <= 0x7A) ? first - 0x20 : nil
        let last = hay.count - n
        var i = 0
        var nextLower = -1
        var nextUpper = other == nil ? Int.max : -1
        while i <= last {
            if nextLower < i {
                nextLower = memchr(base + i, Int32(first), last - i + 1).map { UnsafeRawPointer($0) - base } ?? Int.max
            }
            if let other, nextUpper < i {
                nextUpper = memchr(base + i, Int32(other), last - i + 1).map { UnsafeRawPointer($0) - base } ?? Int.max
            }
            let at = min(nextLower, nextUpper)
            if at == Int.max { return false }
            var j = 1
            while j < n {
                var c = hay[at + j]
                if c >= 0x41 && c <= 0x5A { c += 0x20 }
                if c != needle[j] { break }
                j += 1
            }
            if j == n {
                guard escaped else { return true }
                var k = at - 1
                while k >= 0 && hay[k] == 0x5C { k -= 1 }
                if (at - 1 - k) % 2 == 0 { return true }
            }
            i = at + 1
        }
        return false
    }
}

/// Which characters beyond ASCII a byte match may pass over as they are: a bit per scalar, set
/// when folding changes it into something a needle of letters, digits and ideographs could
/// match or lose a separator over (upper case, full-width letters and digits, traditional
/// Chinese, zero-width characters); a character folding to punctuation or white space is left
/// clear. Built once, on first use, from TextNormalizer itself, so it cannot disagree with it.
enum FoldStability {
    /// A bit per scalar of the Basic Multilingual Plane.
    static let unstable: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        func mark(_ v: UInt32) { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) }
        // fold(u) is [u] exactly when the compatibility step keeps u, u has no simplified
        // form and does not change when lower-cased (TextNormalizer.fold(_:into:)). Han
        // ideographs and Hangul syllables have
        // no case and no compatibility form: of them only the traditional ones change, marked
        // from the table.
        func isHan(_ v: UInt32) -> Bool { (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v) }
        var out: [Unicode.Scalar] = []
        for v in UInt32(0x80)..<0x10000 where !isHan(v) {
            guard let u = Unicode.Scalar(v) else { continue }
            out.removeAll(keepingCapacity: true)
            TextNormalizer.compatibility(u, into: &out)
            if out.count == 1 && out[0] == u && !u.properties.changesWhenLowercased { continue }
            // Folding to punctuation or white space (full-width ，！, the ideographic space)
            // is harmless: the needle holds neither, and such a mark still separates what is
            // around it, as the character did. Folding to nothing (zero-width) is not.
            if !out.isEmpty && out.allSatisfy({ TextNormalizer.isPunctuation($0) || $0.properties.isWhitespace }) { continue }
            mark(v)
        }
        for k in TextNormalizer.traditionalToSimplified.keys where k < 0x10000 { mark(k) }
        return bits
    }()

    /// Whether a byte match may pass over `v` as it is. Beyond the Basic Multilingual Plane only Han
    /// ideographs without a simplified form count as stable (emoji and mathematical letters
    /// are rare in tickets; a text holding them is decoded and folded).
    static func isStable(scalar v: UInt32) -> Bool {
        if v < 0x10000 { return unstable[Int(v >> 6)] & (1 << UInt64(v & 63)) == 0 }
        guard (0x20000...0x3134F).contains(v), let u = Unicode.Scalar(v) else { return false }
        return TextNormalizer.simplified(u) == nil
    }

    /// Whether every character of the valid UTF-8 `b` may be passed over as it is.
    static func isStable(_ b: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = b.count
        guard let base = b.baseAddress else { return true }
        while i < n {
            // ASCII runs eight bytes at a time: most of a line is ASCII.
            while i + 8 <= n, (base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            var v: UInt32
            var len: Int
            if c >= 0xF0 { v = UInt32(c & 0x07); len = 4 } else if c >= 0xE0 { v = UInt32(c & 0x0F); len = 3 } else { v = UInt32(c & 0x1F); len = 2 }
            guard i + len <= n else { return false }
            for k in 1..<len { v = (v << 6) | UInt32(b[i + k] & 0x3F) }
            if !isStable(scalar: v) { return false }
            i += len
        }
        return true
    }
}
