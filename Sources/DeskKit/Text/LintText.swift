// LintText: a normalised text prepared for phrase matching. On top of TextNormalizer it
// removes what varies between two ways of saying the same words without changing them:
// modal particles (啊, 呀, 呢, 吧, 哦, 嘛, 啦 ...), spaces inside Chinese, "已经" → "已", the polite 您
// as 你, Cantonese function characters as Mandarin (冇 → 没, 咗 → 了, 佢 → 他), letters spaced
// out one by one ("o k", "d o n e"), and English contractions written out ("don't" → "do not",
// "can't" → "can not", "I'm" → "i am", also without the apostrophe: "dont", "im").
// Phrases and texts go through the same steps, so they are compared like with like. Every key
// scalar keeps the span of normalised scalars it came from, so a match can quote the original.
// It also marks quoted spans (“…”, "…", '…', 「…」, 『…』, 《…》) and splits clauses.

/// A text in the form phrases are matched on.
public struct LintText: Sendable {
    /// The normalised text it was made from.
    public let normalized: NormalizedText
    /// The key scalars.
    public let scalars: [Unicode.Scalar]
    /// The key text.
    public let text: String
    /// For each key scalar, the span of normalised scalars it came from.
    let from: [Range<Int>]
    /// For each key scalar, whether it lies inside quotation marks (the marks included).
    public let quoted: [Bool]
    /// UTF-8 offset of each key scalar in `text`, and the end.
    let offsets: [Int]
    /// The key scalar range of each clause, in order, without edge spaces (see `clauseRanges(_:)`).
    public let clauseRanges: [Range<Int>]

    /// Modal particles and fillers dropped inside words (they add tone, not meaning).
    static let particles: Set<Unicode.Scalar> = [
        "啊", "呀", "呢", "吧", "哦", "噢", "嘛", "啦", "呗", "哟", "喔", "嘞", "咯", "诶", "欸", "呃", "嗯",
        // Cantonese sentence particles (in both forms: normalisation simplifies 喎 to 㖞, 囉 to 啰).
        "喎", "㖞", "囉", "啰", "喇", "㗎", "啫",
    ]
    /// Cantonese function characters read as their Mandarin counterparts, one for one, so the
    /// families' Mandarin phrases match Cantonese replies ("催都冇用" is "催都没用", "知道咗" is
    /// "知道了", "叫佢再試" is "叫他再试"). Only characters that Mandarin does not use otherwise.
    static let cantonese: [Unicode.Scalar: Unicode.Scalar] = ["冇": "没", "咗": "了", "佢": "他", "嘅": "的", "喺": "在", "咪": "别"]
    /// `particles` as sorted values: looked up for every scalar, without hashing.
    static let particleValues: [UInt32] = particles.map(\.value).sorted()

    /// English contractions and their apostrophe-less spellings, written out.
    static let contractions: [String: String] = [
        "don't": "do not", "dont": "do not", "doesn't": "does not", "doesnt": "does not", "didn't": "did not",
        "didnt": "did not", "can't": "can not", "cant": "can not", "cannot": "can not", "won't": "will not",
        "wont": "will not", "isn't": "is not", "isnt": "is not", "aren't": "are not", "wasn't": "was not",
        "weren't": "were not", "haven't": "have not", "hasn't": "has not", "hadn't": "had not", "couldn't": "could not",
        "couldnt": "could not", "shouldn't": "should not", "wouldn't": "would not", "i'm": "i am", "im": "i am",
        "i've": "i have", "ive": "i have", "i'll": "i will", "i'd": "i would", "you're": "you are", "youre": "you are",
        "you've": "you have", "you'll": "you will", "you'd": "you would", "we're": "we are", "we've": "we have",
        "we'll": "we will", "it's": "it is", "that's": "that is", "thats": "that is", "what's": "what is",
        "whats": "what is", "there's": "there is", "theres": "there is", "here's": "here is", "let's": "let us",
        "who's": "who is", "gonna": "going to", "wanna": "want to", "ain't": "is not",
    ]
    /// `contractions` as scalars by the key's first letter (a–z), compared in place: every
    /// Latin word is looked up, and building a String and hashing it per word was a large part
    /// of preparing a text. A word is Latin letters and apostrophes (all below U+0300, where
    /// String equality is scalar equality) and every key is ASCII, so this finds exactly what
    /// the dictionary finds.
    static let contractionsByLetter: [[(key: [Unicode.Scalar], value: [Unicode.Scalar])]] = {
        var table = [[(key: [Unicode.Scalar], value: [Unicode.Scalar])]](repeating: [], count: 26)
        for (k, v) in contractions {
            guard let f = k.unicodeScalars.first, f.value >= 0x61, f.value <= 0x7A else { continue }
            table[Int(f.value - 0x61)].append((Array(k.unicodeScalars), Array(v.unicodeScalars)))
        }
        return table
    }()

    /// The written-out form of the contraction `word` (scalars `range` of `src`), or nil.
    static func contraction(_ src: [Unicode.Scalar], _ range: Range<Int>) -> [Unicode.Scalar]? {
        let f = src[range.lowerBound].value
        guard f >= 0x61 && f <= 0x7A else { return nil }
        for (k, v) in contractionsByLetter[Int(f - 0x61)] where k.count == range.count {
            var same = true
            for (n, u) in k.enumerated() where src[range.lowerBound + n] != u {
                same = false
                break
            }
            if same { return v }
        }
        return nil
    }

    /// Prepares `text` (as typed).
    public init(_ text: String) { self.init(normalized: TextNormalizer.normalize(text)) }

    /// Prepares an already normalised text.
    public init(normalized n: NormalizedText) {
        normalized = n
        let src = n.scalars
        var out: [Unicode.Scalar] = []
        var from: [Range<Int>] = []
        func isLetter(_ i: Int) -> Bool { i >= 0 && i < src.count && LintText.isLatinLetter(src[i]) }
        var i = 0
        while i < src.count {
            let u = src[i]
            if LintText.isLatinLetter(u) || (u == "'" && isLetter(i - 1) && isLetter(i + 1)) {
                // A Latin word (apostrophes inside it included).
                var j = i
                while j < src.count && (LintText.isLatinLetter(src[j]) || (src[j] == "'" && isLetter(j - 1) && isLetter(j + 1))) { j += 1 }
                if let replacement = LintText.contraction(src, i..<j) {
                    for r in replacement {
                        out.append(r)
                        from.append(i..<j)
                    }
                } else {
                    for k in i..<j {
                        out.append(src[k])
                        from.append(i..<j)
                    }
                }
                i = j
                continue
            }
            if u == " " {
                let prev = i > 0 ? src[i - 1] : " "
                let next = i + 1 < src.count ? src[i + 1] : " "
                // Spaces in Chinese carry nothing; letters spaced one by one form a word.
                let cjk = TextNormalizer.isHan(prev) || TextNormalizer.isHan(next)
                let spelled = isLetter(i - 1) && !isLetter(i - 2) && isLetter(i + 1) && !isLetter(i + 2)
                if cjk || spelled {
                    i += 1
                    continue
                }
            }
            if LintText.isParticle(u) {
                i += 1
                continue
            }
            if u == "经", let last = out.last, last == "已" {
                from[from.count - 1] = from[from.count - 1].lowerBound..<(i + 1)
                i += 1
                continue
            }
            // The polite 您 says what 你 says: "您自己去问" is "你自己去问".
            out.append(u == "您" ? "你" : (u.value >= 0x4E00 ? LintText.cantonese[u] ?? u : u))
            from.append(i..<(i + 1))
            i += 1
        }
        // Spelled-out letters joined above may leave a doubled space; keep the form single-spaced.
        var s2: [Unicode.Scalar] = []
        var f2: [Range<Int>] = []
        for (k, u) in out.enumerated() {
            if u == " ", s2.last == " " || s2.isEmpty { continue }
            s2.append(u)
            f2.append(from[k])
        }
        if s2.last == " " {
            s2.removeLast()
            f2.removeLast()
        }
        scalars = s2
        self.from = f2
        text = TextNormalizer.string(s2[...])
        var offs: [Int] = []
        var o = 0
        for u in s2 {
            offs.append(o)
            o += UTF8.width(u)
        }
        offs.append(o)
        offsets = offs
        quoted = LintText.quotedSpans(s2)
        clauseRanges = LintText.clauseRanges(s2)
    }

    /// Whether `u` is one of `particles` (a binary search: no hashing per scalar).
    static func isParticle(_ u: Unicode.Scalar) -> Bool { sortedContains(particleValues, u.value) }

    /// Whether sorted `values` holds `v`.
    static func sortedContains(_ values: [UInt32], _ v: UInt32) -> Bool {
        guard let lo = values.first, let hi = values.last, v >= lo && v <= hi else { return false }
        var a = 0
        var b = values.count
        while a < b {
            let m = (a + b) / 2
            if values[m] < v { a = m + 1 } else { b = m }
        }
        return a < values.count && values[a] == v
    }

    /// Whether `u` is a scalar for which String comparison is scalar comparison: it is its own
    /// canonical (NFC) form, forms a grapheme of its own, and composes with no neighbour. True
    /// for U+0000–02FF (no combining marks start before U+0300) except CR (CR LF is one
    /// grapheme), and for the unified Han ideographs; false for everything else (combining
    /// marks, CJK compatibility ideographs, which decompose to unified ones, Hangul...). Lookups
    /// on a run of such scalars compare scalars in place; any other run takes the String path,
    /// so the result is always what String equality gives.
    @inline(__always) public static func isPlain(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return (v < 0x300 && v != 0x0D) || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF)
    }

    /// Whether every key scalar of `range` is plain (`isPlain`).
    func isPlain(_ range: Range<Int>) -> Bool {
        for k in range where !LintText.isPlain(scalars[k]) { return false }
        return true
    }

    /// The key form of a phrase (the same steps as a text).
    public static func key(_ phrase: String) -> String { LintText(phrase).text }

    static func isLatinLetter(_ u: Unicode.Scalar) -> Bool {
        (u.value >= 0x61 && u.value <= 0x7A) || (u.value >= 0xDF && u.value <= 0x24F && u.properties.isAlphabetic)
    }

    /// Whether a key scalar is content: a letter, a digit or a Han character.
    public static func isContent(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        // ASCII and the unified Han block answered without the property tables (a test checks
        // these ranges against them).
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        return u.properties.isAlphabetic || u.properties.numericType != nil
    }

    /// What one scalar weighs in the length rules of replies (a question's words, the reply
    /// model's minimum): a Han character 2, another letter or digit 1, anything else 0.
    static func units(_ u: Unicode.Scalar) -> Int {
        isContent(u) ? (TextNormalizer.isHan(u) ? 2 : 1) : 0
    }

    /// The key scalar index at UTF-8 offset `offset` of `text`.
    func index(ofUTF8 offset: Int) -> Int {
        var lo = 0
        var hi = scalars.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if offsets[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// What the user typed for key scalars `range`.
    public func original(_ range: Range<Int>) -> String {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= from.count else { return "" }
        return normalized.original(scalars: from[range.lowerBound].lowerBound..<from[range.upperBound - 1].upperBound)
    }

    /// The key text of scalars `range`.
    public func slice(_ range: Range<Int>) -> String {
        TextNormalizer.string(scalars[range])
    }

    /// The Latin words of the key text (letters, with an apostrophe inside or at an edge), each
    /// with its key range, and after each the index of the sentence it stands in (a sentence
    /// ends at . ! ? ; and their full-width forms, or a line break). For the readers of word
    /// order: hand-offs to a team, reproaches.
    func latinWords() -> [(text: String, range: Range<Int>, sentence: Int)] {
        let u = scalars
        var out: [(text: String, range: Range<Int>, sentence: Int)] = []
        var sentence = 0
        var i = 0
        while i < u.count {
            if LintText.isLatinLetter(u[i]) || u[i] == "'" {
                var j = i
                while j < u.count && (LintText.isLatinLetter(u[j]) || u[j] == "'") { j += 1 }
                var w = String.UnicodeScalarView()
                w.append(contentsOf: u[i..<j])
                out.append((String(w), i..<j, sentence))
                i = j
                continue
            }
            if ".!?;。！？；\n".unicodeScalars.contains(u[i]) { sentence += 1 }
            i += 1
        }
        return out
    }

    // MARK: quotation

    static let pairs: [Unicode.Scalar: Unicode.Scalar] = ["“": "”", "「": "」", "『": "』", "《": "》", "\"": "\"", "'": "'", "„": "“"]

    /// The closing mark of opening mark `u` (`pairs`, as a switch: asked for every scalar).
    @inline(__always) static func closing(_ u: Unicode.Scalar) -> Unicode.Scalar? {
        switch u {
        case "“": return "”"
        case "「": return "」"
        case "『": return "』"
        case "《": return "》"
        case "\"": return "\""
        case "'": return "'"
        case "„": return "“"
        default: return nil
        }
    }

    /// Marks spans between matching quotation marks. An ASCII ' opens only at a word start and
    /// closes only at a word end (so "don't" is no quote); an unclosed mark quotes nothing.
    static func quotedSpans(_ s: [Unicode.Scalar]) -> [Bool] {
        var mask = [Bool](repeating: false, count: s.count)
        var i = 0
        while i < s.count {
            guard let close = closing(s[i]) else {
                i += 1
                continue
            }
            if s[i] == "'" && i > 0 && isContent(s[i - 1]) {
                i += 1
                continue
            }
            var j = i + 1
            var found = -1
            while j < s.count && j - i <= 400 {
                if s[j] == close {
                    let endsWord = j + 1 >= s.count || !isContent(s[j + 1])
                    if close != "'" || endsWord {
                        found = j
                        break
                    }
                }
                if s[j] == "\n" { break }
                j += 1
            }
            if found > i + 1 {
                for k in i...found { mask[k] = true }
                i = found + 1
            } else {
                i += 1
            }
        }
        return mask
    }

    // MARK: clauses

    /// Whether `u` ends a clause: , ! ? ; 。、，！？； a line break, brackets, ~ and … (a switch:
    /// asked for every scalar).
    @inline(__always) static func isSeparator(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case ",", "!", "?", ";", "。", "、", "，", "！", "？", "；", "\n", "(", ")", "（", "）", "~", "～", "【", "】", "…": return true
        default: return false
        }
    }

    /// The clauses' key scalar ranges, split at clause punctuation (a "." or ":" between two
    /// letters or digits, as in "v2.3" or "10:30", does not split).
    static func clauseRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        func flush(_ end: Int) {
            var a = start
            var b = end
            while a < b && scalars[a] == " " { a += 1 }
            while b > a && scalars[b - 1] == " " { b -= 1 }
            if a < b { out.append(a..<b) }
        }
        for (i, u) in scalars.enumerated() {
            var split = LintText.isSeparator(u)
            if u == "." || u == ":" || u == "：" {
                let inside = i > 0 && i + 1 < scalars.count && LintText.isContent(scalars[i - 1]) && LintText.isContent(scalars[i + 1])
                split = !inside
            }
            if split {
                flush(i)
                start = i + 1
            }
        }
        flush(scalars.count)
        return out
    }
}
