// Comment themes for the monthly feedback analysis (seed 000 §四.(二).2 反馈分析): which words
// come back in survey comments. Latin text is split into lower-cased words; Chinese, which has
// no spaces, into overlapping character bigrams ("响应很慢" -> 响应, 应很, 很慢). Stop words are
// dropped. A term counts once per comment, so one long rant does not make a theme.

/// Counts terms across comments.
public struct CommentThemes: Sendable {
    /// Comments mentioning each term.
    public internal(set) var counts: [String: Int] = [:]

    public init() {}

    /// Common English words and Chinese bigrams that carry no theme.
    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "from", "by", "as",
        "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "i", "me", "my",
        "we", "our", "you", "your", "he", "she", "they", "them", "their", "so", "too", "very", "not", "no", "did",
        "do", "does", "had", "has", "have", "just", "than", "then", "there", "here", "all", "any", "some", "more",
        "much", "also", "only", "again", "after", "before", "about", "into", "out", "up", "can", "could", "would",
        "will", "should", "thanks", "thank", "please", "ok", "okay", "still", "even", "what", "when", "which",
        "who", "how", "why", "if", "s", "t", "don", "didn", "wasn", "isn",
        "我们", "你们", "他们", "这个", "那个", "一个", "就是", "但是", "还是", "可以", "已经", "非常", "没有",
        "不是", "什么", "怎么", "因为", "所以", "而且", "然后", "时候", "谢谢", "感谢", "一下", "有点", "比较",
    ]

    /// Adds one comment's terms.
    public mutating func add(_ comment: String) {
        let terms = CommentThemes.terms(comment)
        // A term counts once per comment; most comments have a handful of terms, so a linear
        // look back is cheaper than building a set for each.
        if terms.count <= 32 {
            for (i, term) in terms.enumerated() where !terms[..<i].contains(term) { counts[term, default: 0] += 1 }
        } else {
            var seen = Set<String>()
            for term in terms where seen.insert(term).inserted { counts[term, default: 0] += 1 }
        }
    }

    /// The `limit` most frequent terms, ties broken by the term's text (code point order).
    public func top(_ limit: Int = 10) -> [(term: String, count: Int)] {
        let sorted = counts.sorted { a, b in
            a.value != b.value ? a.value > b.value : Array(a.key.unicodeScalars.map(\.value)).lexicographicallyPrecedes(b.key.unicodeScalars.map(\.value))
        }
        return sorted.prefix(limit).map { ($0.key, $0.value) }
    }

    /// Whether a scalar is a CJK ideograph.
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
    }

    /// The terms of a text, in order, stop words removed.
    public static func terms(_ text: String) -> [String] {
        var out: [String] = []
        // The current word: ASCII letters and digits are lower-cased into `ascii` as they come
        // (the common case, no String work per character); a word with any other letter is
        // kept as scalars and lower-cased by the standard library.
        var ascii: [UInt8] = []
        var other = String.UnicodeScalarView()
        var isASCII = true
        var scalars = 0
        var han: [Unicode.Scalar] = []
        func keep(_ w: String) {
            if !stopWords.contains(w) { out.append(w) }
        }
        func flushWord() {
            if scalars >= 2 {
                if isASCII {
                    if !ascii.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { keep(String(decoding: ascii, as: UTF8.self)) }
                } else {
                    let w = String(other).lowercased()
                    if !w.allSatisfy(\.isNumber) { keep(w) }
                }
            }
            ascii.removeAll(keepingCapacity: true)
            other = String.UnicodeScalarView()
            isASCII = true
            scalars = 0
        }
        func flushHan() {
            if han.count >= 2 {
                for i in 0..<(han.count - 1) {
                    var s = String.UnicodeScalarView()
                    s.append(han[i])
                    s.append(han[i + 1])
                    let b = String(s)
                    if !stopWords.contains(b) { out.append(b) }
                }
            }
            han.removeAll(keepingCapacity: true)
        }
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                let c = UInt8(v)
                let lower = c | 0x20
                let isLetter = lower >= 0x61 && lower <= 0x7A
                guard isLetter || (c >= 0x30 && c <= 0x39) else {
                    flushWord()
                    flushHan()
                    continue
                }
                flushHan()
                if isASCII { ascii.append(isLetter ? lower : c) } else { other.append(s) }
                scalars += 1
            } else if isHan(s) {
                flushWord()
                han.append(s)
            } else if s.properties.isAlphabetic {
                flushHan()
                if isASCII {
                    // The word so far (lower-cased ASCII) carries on as scalars.
                    other = String(decoding: ascii, as: UTF8.self).unicodeScalars
                    isASCII = false
                }
                other.append(s)
                scalars += 1
            } else {
                flushWord()
                flushHan()
            }
        }
        flushWord()
        flushHan()
        return out
    }
}
