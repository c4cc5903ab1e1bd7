// Masking a survey comment without building the requester's values when none can be in it.
// `ContactMask.Known.add(requester:)` splits every requester string into its name parts as
// Strings and scalar arrays: for a report that was an eighth of its time, spent on comments
// that almost never name the requester. A byte test rules that out first, and only when it
// cannot (or when a value holds anything unusual) are the values built; the masked text is the
// same either way.

extension TicketFacts {
    /// `comment` masked as `ContactMask.text` masks it with the requester's values (the value
    /// at `requester` in the line `b`) known.
    static func masked(_ comment: String, _ b: UnsafeRawBufferPointer, _ requester: Range<Int>?) -> String {
        var known = ContactMask.Known()
        if let r = requester, RequesterFilter.mayOccur(b, r, in: comment),
            let v = try? JSONParser.parse(UnsafeRawBufferPointer(rebasing: b[r]))
        {
            known.add(requester: v)
        }
        // With no requester value to look for, only an address (an `@`) or a phone number (an
        // ASCII digit) is masked: a comment holding neither is the masked text itself, returned
        // without ContactMask's copy of its scalars.
        // (Searched in the contiguous bytes: `contains` over the UTF-8 view went through the
        // view's index a byte at a time.)
        var text = comment
        if known.values.isEmpty && !text.withUTF8({ $0.contains(where: { $0 == 0x40 || $0 &- 0x30 < 10 }) }) { return comment }
        return ContactMask.text(comment, known: known)
    }
}

/// Whether any value `ContactMask.Known` takes from a requester could occur in a text.
///
/// A known value is a requester string (or number) trimmed, or one of its parts split at spaces,
/// ideographic spaces and middle dots. Cut a value at those separators into tokens: the whole
/// holds all its tokens, a part is one token, so a value can occur (ASCII letters in any case)
/// only when one of its tokens does, or every token does. Anything that could make Swift's
/// trimming or grapheme splitting cut elsewhere (escapes, control characters, other white
/// space, combining marks, scripts other than ASCII, the Latin-1 letters U+00C0–U+00FF and
/// CJK ideographs) or that could match
/// the mask (`*`) answers true, and the values are then built the slow, exact way.
enum RequesterFilter {
    /// False only when no known value of the requester at `r` can occur in `text`.
    static func mayOccur(_ b: UnsafeRawBufferPointer, _ r: Range<Int>, in text: String) -> Bool {
        var t = text
        return t.withUTF8 { s in
            let hay = UnsafeRawBufferPointer(s)
            return walk(b, r, Haystack(hay), depth: 0)
        }
    }

    /// The text searched, with the set of its bytes (ASCII letters lower-cased): a token with a
    /// byte the text lacks cannot occur, decided without a search. Why: most tokens (addresses,
    /// phone numbers, names) fail on a byte, and searching the comment for each was most of
    /// the filter's work.
    struct Haystack {
        let bytes: UnsafeRawBufferPointer
        var present = BitSet256()

        init(_ bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
            for c in bytes { present.insert(Int(RequesterFilter.lower(c))) }
        }

        /// Whether the (lower-cased) byte occurs in the text.
        @inline(__always) func has(_ c: UInt8) -> Bool { present.contains(Int(RequesterFilter.lower(c))) }
    }

    /// An ASCII capital as its small letter, any other byte as it is.
    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    /// The values inside the JSON value at `r` (keys ignored but `department`, whose values
    /// ContactMask.Known leaves out; every other member counted, which only answers true more
    /// often).
    static func walk(_ b: UnsafeRawBufferPointer, _ r: Range<Int>, _ s: Haystack, depth: Int) -> Bool {
        guard !r.isEmpty else { return false }
        switch b[r.lowerBound] {
        case 0x22:
            guard let (inner, escaped) = RawJSON.body(b, r) else { return true }
            return escaped || valueMayOccur(inner, s)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            // Requesters are flat objects; a deep one is left to the exact path.
            guard depth < 8, let base = b.baseAddress else { return true }
            // The members' values (an array's elements) walked in place, strings skipped eight
            // bytes a step: RawJSON.forEachMember's closure and a memchr per string cost more
            // than the tokens they found (the line is valid, so only the ends need finding).
            let isObject = b[r.lowerBound] == UInt8(ascii: "{")
            let end = r.upperBound - 1  // the closing bracket
            @inline(__always) func space(_ i: Int) -> Int {
                var i = i
                while i < end, b[i] <= 0x20 { i += 1 }
                return i
            }
            @inline(__always) func stringEnd(_ i: Int) -> Int {
                var p = i + 1
                while true {
                    p = StringScan.firstSpecial(base, from: p, end: end)
                    guard p < end else { return end }
                    if b[p] == 0x22 { return p + 1 }
                    p += b[p] == 0x5C ? 2 : 1
                }
            }
            var i = space(r.lowerBound + 1)
            while i < end {
                var department = false
                if isObject {
                    guard b[i] == 0x22 else { break }
                    let keyEnd = stringEnd(i)
                    // ContactMask.Known takes no value of a `department` member (escaped keys
                    // are walked: true more often).
                    department = bytesSpell(UnsafeRawBufferPointer(rebasing: b[(i + 1)..<(keyEnd - 1)]), "department")
                    i = space(space(keyEnd) + 1)  // past the key and its ':'
                    guard i < end else { break }
                }
                let valueEnd = b[i] == 0x22 ? stringEnd(i) : RawJSON.skip(b, i, end)
                if !department, walk(b, i..<valueEnd, s, depth: depth + 1) { return true }
                i = space(valueEnd)
                guard i < end, b[i] == UInt8(ascii: ",") else { break }
                i = space(i + 1)
            }
            return false
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return valueMayOccur(UnsafeRawBufferPointer(rebasing: b[r]), s)
        default:
            return false  // true, false, null: no value
        }
    }

    /// One string's (or number's) bytes against the text.
    static func valueMayOccur(_ v: UnsafeRawBufferPointer, _ s: Haystack) -> Bool {
        // Tokens are looked for as they are cut (no array of them per value): a part that
        // occurs answers true when there are several, and the whole needs every one.
        var start = 0, i = 0, middleDot = false
        var tokens = 0, anyOccurs = false, allOccur = true
        let n = v.count
        func cut(_ end: Int) {
            guard end > start else { return }
            tokens += 1
            // A part is kept on its own only with three scalars when ASCII (two otherwise): a
            // token under three bytes is ASCII here (any other two-byte character answered
            // true), so a short one that occurs ("Li" in "reliable") needs the whole to.
            if contains(s, UnsafeRawBufferPointer(rebasing: v[start..<end])) {
                if end - start >= 3 { anyOccurs = true }
            } else {
                allOccur = false
            }
        }
        while i < n {
            let c = v[i]
            if c == 0x20 {
                cut(i)
                i += 1
                start = i
            } else if c == 0x2A || c < 0x20 || c == 0x7F {
                return true  // could match the mask, or is white space or a control
            } else if c < 0x80 {
                i += 1
            } else if c == 0xC2, i + 1 < n, v[i + 1] == 0xB7 {
                cut(i)
                middleDot = true
                i += 2
                start = i
            } else if c == 0xE3, i + 2 < n, v[i + 1] == 0x80, v[i + 2] == 0x80 {
                cut(i)
                i += 3
                start = i
            } else if c >= 0xE4 && c <= 0xE9 && i + 2 < n {
                i += 3  // a CJK ideograph: never white space, never joins its neighbours
            } else if c == 0xC3, i + 1 < n {
                // U+00C0–U+00FF (`ü` of Müller): letters and two signs, never white space or a
                // combining mark; ContactMask folds only ASCII case, so their bytes compare as
                // its scalars do. (Such names took the exact path, a sixth of the masking.)
                i += 2
            } else {
                return true
            }
        }
        cut(n)
        // Only separators: nothing is added, unless a middle dot (not white space) is kept.
        guard tokens > 0 else { return middleDot }
        if anyOccurs && tokens > 1 { return true }  // a part of its own
        return allOccur
    }

    /// Whether `needle` occurs in the text, ASCII letters in any case.
    static func contains(_ text: Haystack, _ needle: UnsafeRawBufferPointer) -> Bool {
        let hay = text.bytes
        let m = needle.count
        guard m > 0, m <= hay.count else { return m == 0 }
        for c in needle where !text.has(c) { return false }
        let first = lower(needle[0])
        for i in 0...(hay.count - m) where lower(hay[i]) == first {
            var k = 1
            while k < m && lower(hay[i + k]) == lower(needle[k]) { k += 1 }
            if k == m { return true }
        }
        return false
    }
}
