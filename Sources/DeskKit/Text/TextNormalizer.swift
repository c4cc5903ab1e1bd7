// TextNormalizer: the one way desk reads words. Every language judgement (taboo and vague
// phrases, resolution quality, classification keywords, knowledge-base search) compares text
// through `TextNormalizer.normalize`, so "这个不行" and "這個不行" (traditional characters),
// "ＯＫ" (full-width), "Ok" and "ok!!!" read the same, and "O　K" (an ideographic space) reads as
// "o k". Each normalised scalar remembers the span of the original it
// came from, so a message can quote what the user typed rather than the folded form.
//
// Steps, per scalar of the input, in this order:
// 1. Compatibility forms (the part of Unicode NFKC that changes how a desk text reads; see
//    `compatibility` for the exact coverage): full-width ASCII U+FF01–FF5E and the full-width
//    signs U+FFE0–FFE6 to their ASCII/Latin-1 forms; the ideographic space U+3000 and every
//    other space character to U+0020; zero-width characters (U+200B–200D, U+2060, U+FEFF,
//    soft hyphen) removed; half-width CJK punctuation U+FF61–FF64 to 。「」、; "…" "‥" "․" to
//    dots; "‼" "⁇" "⁈" "⁉" to two marks; Latin ligatures U+FB00–FB06; circled, parenthesised,
//    superscript and subscript digits; circled letters; mathematical alphanumerics
//    U+1D400–1D7FF (bold, italic, script... letters and digits) to ASCII. Every other
//    character whose NFKC form differs from itself takes that form (CompatibilityTable.swift,
//    generated from the Unicode Character Database): Kangxi radicals and CJK compatibility
//    ideographs to the unified ideographs, small and vertical punctuation forms (﹖ ︰),
//    half-width katakana, Roman numerals, enclosed and parenthesised ideographs and letters,
//    letter-like symbols (℃ № ™). A combining mark composes with the scalar before it when
//    Unicode has the composed form ("e" + U+0301 -> "é"; "ｶ" "ﾞ" -> "ガ"), as NFKC does.
// 2. Typographic apostrophes (’ ‘ ʼ ´ `) to ', and hyphen look-alikes (U+2010–2015, U+2212) to -.
// 3. Traditional to simplified Chinese (TraditionalSimplifiedTable.swift, from OpenCC).
// 4. Case folding (Unicode lower-case mapping).
// 5. Runs of white space become one space, or one line break when the run holds one, and the
//    ends are trimmed; a run of one repeated punctuation mark becomes one mark ("???" → "?",
//    "。。。" → "。", "!!!" → "!").

/// Text after normalisation, with the way back to what was typed.
public struct NormalizedText: Sendable, Equatable {
    /// The text as typed.
    public let original: String
    /// The normalised text.
    public let text: String
    /// The normalised text's scalars.
    public let scalars: [Unicode.Scalar]
    /// For each normalised scalar, the UTF-8 offset in `original` where its source starts.
    let sourceStart: [Int]
    /// For each normalised scalar, the UTF-8 offset in `original` where its source ends.
    let sourceEnd: [Int]
    /// For each normalised scalar, its UTF-8 offset in `text` (one more entry: the end).
    let textOffset: [Int]

    /// The original text behind normalised scalars `range` (scalar indices into `scalars`):
    /// what the user typed, for quoting in a message.
    public func original(scalars range: Range<Int>) -> String {
        let r = range.clamped(to: 0..<scalars.count)
        guard !r.isEmpty else { return "" }
        return NormalizedText.slice(original, sourceStart[r.lowerBound]..<sourceEnd[r.upperBound - 1])
    }

    /// The original text behind the UTF-8 byte range `range` of `text` (as `KeywordMatcher`
    /// reports occurrences).
    public func original(utf8 range: Range<Int>) -> String {
        original(scalars: scalarIndex(ofUTF8: range.lowerBound)..<scalarIndex(ofUTF8: range.upperBound))
    }

    /// The index of the normalised scalar that starts at or contains UTF-8 offset `offset` of
    /// `text` (`scalars.count` at or after the end).
    public func scalarIndex(ofUTF8 offset: Int) -> Int {
        var lo = 0
        var hi = scalars.count
        // The last scalar whose start is <= offset; an offset at the end maps to the count.
        if offset >= textOffset[scalars.count] { return scalars.count }
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if textOffset[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The UTF-8 offset in `text` of normalised scalar `index`.
    public func utf8Offset(ofScalar index: Int) -> Int { textOffset[max(0, min(index, scalars.count))] }

    static func slice(_ s: String, _ r: Range<Int>) -> String {
        let u = s.utf8
        let a = u.index(u.startIndex, offsetBy: max(0, min(r.lowerBound, u.count)))
        let b = u.index(u.startIndex, offsetBy: max(0, min(r.upperBound, u.count)))
        return String(s[a..<b])
    }
}

/// Normalisation of text for every language judgement (see the file header for the steps).
public enum TextNormalizer {
    /// `text` normalised, with the way back to the original for quoting.
    public static func normalize(_ text: String) -> NormalizedText {
        let (out, starts, ends) = run(text, track: true)
        var textOffset: [Int] = []
        textOffset.reserveCapacity(out.count + 1)
        var o = 0
        for m in out {
            textOffset.append(o)
            o += UTF8.width(m)
        }
        textOffset.append(o)
        return NormalizedText(
            original: text, text: string(out[...]), scalars: out, sourceStart: starts, sourceEnd: ends, textOffset: textOffset)
    }

    /// The normalisation loop; with `track` false no offsets are kept (for `fold`).
    static func run(_ text: String, track: Bool) -> ([Unicode.Scalar], [Int], [Int]) {
        var out: [Unicode.Scalar] = []
        var starts: [Int] = []
        var ends: [Int] = []
        out.reserveCapacity(text.unicodeScalars.count)
        var offset = 0
        var pendingSpace = false
        var pendingNewline = false
        var spaceStart = 0
        var mapped: [Unicode.Scalar] = []
        // Whitespace seen before the scalar at `start` becomes one space (or one line break),
        // except at the very start; its span covers the whitespace it replaces.
        @inline(__always) func flushSpace(before start: Int) {
            if !out.isEmpty {
                out.append(pendingNewline ? "\n" : " ")
                if track {
                    starts.append(spaceStart)
                    ends.append(start)
                }
            }
            pendingSpace = false
            pendingNewline = false
        }
        for u in text.unicodeScalars {
            let start = offset
            offset += UTF8.width(u)
            mapped.removeAll(keepingCapacity: true)
            let v = u.value
            // Fast paths for the scalars most text is made of: a unified Han ideograph only
            // needs its simplified form (no case, no space, no punctuation).
            if v >= 0x4E00 && v <= 0x9FFF {
                if pendingSpace { flushSpace(before: start) }
                let t = bmpSimplified[Int(v - 0x4E00)]
                out.append(t == 0 ? u : Unicode.Scalar(UInt32(t)) ?? u)
                if track {
                    starts.append(start)
                    ends.append(offset)
                }
                continue
            }
            fold(u, into: &mapped)
            for m in mapped {
                if m.value < 0x80 ? (m.value == 0x20 || (m.value >= 0x09 && m.value <= 0x0D)) : m.properties.isWhitespace {
                    if !pendingSpace { spaceStart = start }
                    pendingSpace = true
                    if m == "\n" || m == "\r" || m == "\u{2028}" || m == "\u{2029}" || m == "\u{0B}" || m == "\u{0C}" {
                        pendingNewline = true
                    }
                    continue
                }
                if pendingSpace { flushSpace(before: start) }
                // A combining mark composes with the scalar before it where Unicode has the
                // composed form (NFKC's composition step).
                if m.value >= 0x300, let last = out.last, let c = composed(last, m) {
                    out[out.count - 1] = c
                    if track { ends[ends.count - 1] = offset }
                    continue
                }
                // A repeated punctuation mark widens the span of the one kept.
                if let last = out.last, last == m, m.value < 0x80 ? isASCIIPunctuation(UInt8(m.value)) : isPunctuation(m) {
                    if track { ends[ends.count - 1] = offset }
                    continue
                }
                out.append(m)
                if track {
                    starts.append(start)
                    ends.append(offset)
                }
            }
        }
        return (out, starts, ends)
    }

    /// `text` normalised, without the offsets (cheaper: for matching only). Plain ASCII text
    /// takes a byte-level path.
    public static func fold(_ text: String) -> String {
        var t = text
        if let ascii = t.withUTF8({ buf -> String? in buf.allSatisfy({ $0 < 0x80 }) ? foldASCII(buf) : nil }) {
            return ascii
        }
        return string(run(text, track: false).0[...])
    }

    /// The String of `scalars`, encoded to UTF-8 in one pass (appending them to a String's
    /// scalar view one by one was a large part of preparing a text).
    public static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var n = 0
        for u in scalars { n += UTF8.width(u) }
        return String(unsafeUninitializedCapacity: n) { buf in
            var i = 0
            for u in scalars {
                UTF8.encode(u) { b in
                    buf[i] = b
                    i += 1
                }
            }
            return i
        }
    }

    /// The same steps as `normalize` on ASCII bytes: lower case, white-space runs, repeated
    /// punctuation.
    static func foldASCII(_ buf: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: foldASCIIBytes(buf), as: UTF8.self)
    }

    /// `fold(text)` as its scalars, without building the String (the triage model reads the
    /// scalars, every ticket).
    public static func foldedScalars(_ text: String) -> [Unicode.Scalar] {
        var t = text
        if let ascii = t.withUTF8({ buf -> [Unicode.Scalar]? in
            buf.allSatisfy({ $0 < 0x80 }) ? foldASCIIBytes(buf).map { Unicode.Scalar($0) } : nil
        }) {
            return ascii
        }
        return run(text, track: false).0
    }

    /// `foldASCII` as bytes.
    static func foldASCIIBytes(_ buf: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(buf.count)
        var pendingSpace = false
        var pendingNewline = false
        for var b in buf {
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                pendingSpace = true
                if b != 0x20 && b != 0x09 { pendingNewline = true }
                continue
            }
            if pendingSpace {
                if !out.isEmpty { out.append(pendingNewline ? 0x0A : 0x20) }
                pendingSpace = false
                pendingNewline = false
            }
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            if b == 0x60 { b = 0x27 }  // ` as an apostrophe, as in `normalize`
            if let last = out.last, last == b, isASCIIPunctuation(b) { continue }
            out.append(b)
        }
        return out
    }

    @inline(__always) static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }

    /// Whether `u` is a punctuation mark or a symbol (collapsed when repeated; not content).
    public static func isPunctuation(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default: return false
        }
    }

    /// Whether `u` is a Han ideograph (CJK unified ideographs and their extensions).
    public static func isHan(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x20000 && v <= 0x3134F)
            || (v >= 0xF900 && v <= 0xFAFF)
    }

    /// Steps 1–4 for one scalar (white space and repeats are handled by the caller).
    static func fold(_ u: Unicode.Scalar, into out: inout [Unicode.Scalar]) {
        let v = u.value
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A {
                out.append(Unicode.Scalar(UInt8(v) | 0x20))
            } else if v == 0x60 {
                out.append("'")
            } else {
                out.append(u)
            }
            return
        }
        let start = out.count
        compatibility(u, into: &out)
        var i = start
        while i < out.count {
            let m = out[i]
            if let s = simplified(m) {
                out[i] = s
                i += 1
                continue
            }
            if m.properties.changesWhenLowercased {
                let lower = m.properties.lowercaseMapping.unicodeScalars
                out.replaceSubrange(i...i, with: lower)
                i += lower.count
                continue
            }
            i += 1
        }
    }

    /// Step 1 and 2 for one scalar: its compatibility form (possibly several scalars, or none).
    static func compatibility(_ u: Unicode.Scalar, into out: inout [Unicode.Scalar]) {
        let v = u.value
        func ascii(_ s: String) { out.append(contentsOf: s.unicodeScalars) }
        func add(_ value: UInt32) { if let s = Unicode.Scalar(value) { out.append(s) } }
        switch v {
        case 0xFF01...0xFF5E: add(v - 0xFEE0)
        case 0xFFE0: add(0xA2)
        case 0xFFE1: add(0xA3)
        case 0xFFE2: add(0xAC)
        case 0xFFE3: add(0xAF)
        case 0xFFE4: add(0xA6)
        case 0xFFE5: add(0xA5)
        case 0xFFE6: add(0x20A9)
        case 0xFF61: add(0x3002)
        case 0xFF62: add(0x300C)
        case 0xFF63: add(0x300D)
        case 0xFF64: add(0x3001)
        case 0x3000, 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F: add(0x20)
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD: break
        case 0x2024: ascii(".")
        case 0x2025: ascii("..")
        case 0x2026: ascii("...")
        case 0x203C: ascii("!!")
        case 0x2047: ascii("??")
        case 0x2048: ascii("?!")
        case 0x2049: ascii("!?")
        case 0xFB00: ascii("ff")
        case 0xFB01: ascii("fi")
        case 0xFB02: ascii("fl")
        case 0xFB03: ascii("ffi")
        case 0xFB04: ascii("ffl")
        case 0xFB05, 0xFB06: ascii("st")
        case 0x2460...0x2473: ascii(String(v - 0x2460 + 1))
        case 0x2474...0x2487: ascii("(" + String(v - 0x2474 + 1) + ")")
        case 0x2488...0x249B: ascii(String(v - 0x2488 + 1) + ".")
        case 0x24EA: ascii("0")
        case 0x24B6...0x24CF: add(v - 0x24B6 + 0x41)
        case 0x24D0...0x24E9: add(v - 0x24D0 + 0x61)
        case 0x00B9: ascii("1")
        case 0x00B2: ascii("2")
        case 0x00B3: ascii("3")
        case 0x2070: ascii("0")
        case 0x2074...0x2079: add(v - 0x2074 + 0x34)
        case 0x2080...0x2089: add(v - 0x2080 + 0x30)
        case 0x1D400...0x1D6A3:
            // Mathematical alphanumerics: 13 styles of A–Z a–z, 52 scalars each.
            let k = (v - 0x1D400) % 52
            add(k < 26 ? 0x41 + k : 0x61 + k - 26)
        case 0x1D7CE...0x1D7FF: add(0x30 + (v - 0x1D7CE) % 10)
        case 0x2018, 0x2019, 0x02BC, 0x2032, 0x00B4, 0x02B9, 0x02BB: ascii("'")
        case 0x2010...0x2015, 0x2212: ascii("-")
        default:
            if let form = compatibilityForm(v) { out.append(contentsOf: form) } else { out.append(u) }
        }
    }

    /// The NFKC form of code point `v` when it differs from `v` (CompatibilityTable.swift). A
    /// BMP code point is checked against a bit table first: most scalars have no form, and the
    /// miss needs no search.
    @inline(__always) static func compatibilityForm(_ v: UInt32) -> ArraySlice<Unicode.Scalar>? {
        let t = compatibility
        if v <= 0xFFFF && t.bits[Int(v >> 6)] & (1 << UInt64(v & 63)) == 0 { return nil }
        var a = 0
        var b = t.keys.count
        while a < b {
            let m = (a + b) / 2
            if t.keys[m] < v { a = m + 1 } else { b = m }
        }
        guard a < t.keys.count, t.keys[a] == v else { return nil }
        return t.pool[Int(t.starts[a])..<Int(t.starts[a + 1])]
    }

    /// The composed form of `base` followed by combining mark `mark`, or nil.
    @inline(__always) static func composed(_ base: Unicode.Scalar, _ mark: Unicode.Scalar) -> Unicode.Scalar? {
        let m = mark.value
        // Every mark that composes with something is in these ranges (U+0300–0345, U+0653–0655,
        // U+093C–0DCA, U+3099–309A, U+110BA); a quick test keeps the lookup off everything else.
        guard (m >= 0x300 && m <= 0x36F) || (m >= 0x653 && m <= 0x655) || (m >= 0x93C && m <= 0x1B44) || m == 0x3099 || m == 0x309A
            || (m >= 0x110B9 && m <= 0x1193F)
        else { return nil }
        return compositions[UInt64(base.value) << 21 | UInt64(m)]
    }

    /// The compatibility forms as sorted keys, each form a slice of one pool of scalars, and a
    /// bit per BMP code point that has a form.
    struct CompatibilityForms: Sendable {
        var keys: [UInt32] = []
        /// Start of each key's form in `pool`, and the end.
        var starts: [Int32] = [0]
        var pool: [Unicode.Scalar] = []
        var bits = [UInt64](repeating: 0, count: 1024)
    }

    /// `compatibilityData` read once, in one pass over its bytes (entries "CODE FORM;", the form's
    /// scalars joined by ".", all hexadecimal, in code point order).
    static let compatibility: CompatibilityForms = {
        var t = CompatibilityForms()
        t.keys.reserveCapacity(5000)
        t.pool.reserveCapacity(9000)
        var n: UInt32 = 0
        var digits = 0
        var inForm = false
        func number() {
            defer {
                n = 0
                digits = 0
            }
            guard digits > 0 else { return }
            if inForm {
                if let u = Unicode.Scalar(n) { t.pool.append(u) }
            } else {
                t.keys.append(n)
                if n <= 0xFFFF { t.bits[Int(n >> 6)] |= 1 << UInt64(n & 63) }
                inForm = true
            }
        }
        for b in compatibilityData.utf8 {
            switch b {
            case 0x30...0x39: n = n << 4 | UInt32(b - 0x30); digits += 1
            case 0x41...0x46: n = n << 4 | UInt32(b - 0x41 + 10); digits += 1
            case 0x3B:
                number()
                if inForm { t.starts.append(Int32(t.pool.count)) }
                inForm = false
            default: number()
            }
        }
        return t
    }()

    /// `compositionData` read once ("BASE MARK COMPOSED;"), keyed by base << 21 | mark.
    static let compositions: [UInt64: Unicode.Scalar] = {
        var table: [UInt64: Unicode.Scalar] = [:]
        var fields: [UInt32] = []
        var n: UInt32 = 0
        var digits = 0
        for b in compositionData.utf8 {
            switch b {
            case 0x30...0x39: n = n << 4 | UInt32(b - 0x30); digits += 1
            case 0x41...0x46: n = n << 4 | UInt32(b - 0x41 + 10); digits += 1
            default:
                if digits > 0 { fields.append(n) }
                n = 0
                digits = 0
                if b == 0x3B {
                    if fields.count == 3, let c = Unicode.Scalar(fields[2]) { table[UInt64(fields[0]) << 21 | UInt64(fields[1])] = c }
                    fields.removeAll(keepingCapacity: true)
                }
            }
        }
        return table
    }()

    /// The simplified form of a traditional Chinese character, or nil when it has none.
    public static func simplified(_ u: Unicode.Scalar) -> Unicode.Scalar? {
        guard u.value >= 0x3400 else { return nil }
        return traditionalToSimplified[u.value].flatMap(Unicode.Scalar.init)
    }

    /// Simplified forms of U+4E00–9FFF as a flat table (0: unchanged), built once: the lookup
    /// every Chinese character takes, without hashing.
    static let bmpSimplified: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 0x9FFF - 0x4E00 + 1)
        for (k, v) in traditionalToSimplified where k >= 0x4E00 && k <= 0x9FFF && v <= 0xFFFF {
            table[Int(k - 0x4E00)] = UInt16(v)
        }
        return table
    }()

    /// The pairs of `traditionalSimplifiedPairs` as a lookup table, built once.
    static let traditionalToSimplified: [UInt32: UInt32] = {
        var table: [UInt32: UInt32] = [:]
        var key: UInt32? = nil
        for u in traditionalSimplifiedPairs.unicodeScalars where !u.properties.isWhitespace {
            if let k = key {
                table[k] = u.value
                key = nil
            } else {
                key = u.value
            }
        }
        return table
    }()
}
