// Case-insensitive search for a user's text in ticket strings, straight from the bytes of the
// line where that is exact. Folding lives in one function (`TextSearch.fold`) so a shared
// normalisation can replace it. A needle whose non-ASCII characters have no case (Chinese,
// digits, punctuation) is matched on the bytes with ASCII letters folded: no character outside
// ASCII can then fold into it, so the byte match is the same as comparing folded strings. Any
// other needle, and a string holding JSON escapes, is decoded and folded first.
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

    /// The case folding every search uses.
    public static func fold(_ s: String) -> String { s.lowercased() }

    public init(_ text: String) {
        folded = TextSearch.fold(text)
        needle = Array(folded.utf8)
        byteExact = text.unicodeScalars.allSatisfy { s in
            s.isASCII || (s.properties.lowercaseMapping == String(s) && s.properties.uppercaseMapping == String(s))
        }
    }

    /// Whether the decoded string `s` contains the needle, ignoring case.
    public func matches(_ s: String) -> Bool {
        needle.isEmpty || TextSearch.fold(s).contains(folded)
    }

    /// Whether the JSON string value at `r` of `b` contains the needle; false for other kinds.
    public func matchesString(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> Bool {
        guard let (inner, escaped) = RawJSON.body(b, r) else { return false }
        if byteExact && !escaped { return occurs(in: inner) }
        guard let s = RawJSON.string(b, r) else { return false }
        return matches(s)
    }

    /// Whether the needle occurs in `hay` with ASCII letters folded. Candidates for the first
    /// byte are found with memchr (both cases of a letter), the rest compared by hand.
    public func occurs(in hay: UnsafeRawBufferPointer) -> Bool {
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
            if j == n { return true }
            i = at + 1
        }
        return false
    }
}
