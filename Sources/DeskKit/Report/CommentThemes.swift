// Comment themes for the monthly feedback analysis (seed 000 §四.(二).2 反馈分析): what survey
// comments keep saying, as phrases a manager can read. Two kinds of term:
// - a clause that recurs as a unit: a comment is cut at punctuation (both scripts) into clauses,
//   stop words are trimmed from their edges ("OK, took a bit longer than expected." -> "took a
//   bit longer than expected"); a clause is a theme once two comments say it;
// - a known word of the policy (its classification keywords, e.g. 很慢, 密码, slow, vpn) wherever
//   it occurs, so Chinese, which has no spaces, yields words and never arbitrary bigrams.
// A term counts once per comment; each keeps one example comment, masked when shown.
#if canImport(Glibc)
import Glibc
#endif

/// Lower-cased words found in text by their bytes: English words at word starts, Chinese
/// anywhere. Why bytes: every comment of a month is searched for a hundred-odd keywords.
public struct ThemeVocabulary: Sendable {
    /// The words, lower-cased, distinct, as UTF-8.
    let words: [[UInt8]]
    /// Indices into `words` by first byte.
    let byFirst: [[Int]]

    /// A vocabulary of these words (lower-cased; empty ones dropped).
    public init(_ list: [String]) {
        var seen = Set<String>()
        var words: [[UInt8]] = []
        for w in list {
            let l = w.lowercased()
            if !l.isEmpty, seen.insert(l).inserted { words.append(Array(l.utf8)) }
        }
        words.sort { $0.lexicographicallyPrecedes($1) }
        var byFirst = [[Int]](repeating: [], count: 256)
        for (i, w) in words.enumerated() { byFirst[Int(w[0])].append(i) }
        self.words = words
        self.byFirst = byFirst
    }

    static func isWordByte(_ c: UInt8) -> Bool {
        let l = c | 0x20
        return (l >= 0x61 && l <= 0x7A) || (c >= 0x30 && c <= 0x39)
    }

    /// The words found in lower-cased text, each once, in vocabulary order. English words must
    /// start at a word start; with `wholeWords` they must also end at a word end.
    func matches(_ text: [UInt8], wholeWords: Bool, first: Bool = false) -> [Int] {
        var found: [Int] = []
        guard !words.isEmpty else { return found }
        for i in text.indices {
            let candidates = byFirst[Int(text[i])]
            if candidates.isEmpty { continue }
            let ascii = text[i] < 0x80
            if ascii, i > 0, ThemeVocabulary.isWordByte(text[i - 1]) { continue }
            for c in candidates {
                let w = words[c]
                guard i + w.count <= text.count else { continue }
                var same = true
                for k in 1..<w.count where text[i + k] != w[k] {
                    same = false
                    break
                }
                guard same else { continue }
                if ascii, wholeWords, i + w.count < text.count, ThemeVocabulary.isWordByte(text[i + w.count]),
                    ThemeVocabulary.isWordByte(w[w.count - 1])
                {
                    continue
                }
                if !found.contains(c) { found.append(c) }
                if first { return found }
            }
        }
        return found.sorted()
    }

    /// Whether any word occurs in the text (English at word starts).
    public func firstMatch(in text: String) -> Bool {
        !matches(CommentThemes.asciiLowered(text), wholeWords: false, first: true).isEmpty
    }

    /// The text of a word.
    func word(_ i: Int) -> String { String(decoding: words[i], as: UTF8.self) }
}

/// One theme: in how many comments, whether it is a policy word, and an example.
public struct Theme: Sendable, Equatable {
    public var count: Int
    /// A known word of the policy (shown from one comment); else a clause (shown from two).
    public var vocabulary: Bool
    /// The shortest comment saying it (then the first in code unit order), unmasked.
    public var example: String

    mutating func merge(_ o: Theme) {
        count += o.count
        vocabulary = vocabulary || o.vocabulary
        if Theme.better(o.example, example) { example = o.example }
    }

    /// The example order: shorter first, then code unit order, so any reading order picks the same.
    static func better(_ a: String, _ b: String) -> Bool {
        let (x, y) = (a.utf8.count, b.utf8.count)
        guard x == y else { return x < y }
        // Same length, most often the same comment again (surveys repeat short comments): one
        // memcmp over both contiguous buffers orders bytes as the element-wise walk does.
        let order = a.utf8.withContiguousStorageIfAvailable { p in
            b.utf8.withContiguousStorageIfAvailable { q in
                guard let pa = p.baseAddress, let qa = q.baseAddress else { return Int32(0) }  // both empty
                return memcmp(pa, qa, x)
            }
        }
        if let o = order, let c = o { return c < 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

/// Counts themes across comments.
public struct CommentThemes: Sendable {
    /// Each term's theme: those folded in so far, and the repeated comments not yet folded.
    public var themes: [String: Theme] { entries.contains(where: { $0.count > 0 }) ? folded() : stored }
    /// The themes of the comments folded in so far (and of those past the cache's bound).
    var stored: [String: Theme] = [:]
    /// The comments already seen, by their bytes, as positions in `entries` (surveys repeat the
    /// same short comments); bounded.
    var cache: [ExactText: Int] = [:]
    /// Each cached comment, its terms, and how many times it was said since it was last folded
    /// into `stored`. Why: adding a repeated comment is then one lookup by its bytes and a
    /// count, where hashing the comment and each term as Strings (Unicode-normalised hashing
    /// for Chinese text) was most of the report's cost per answer. Folding gives the same themes
    /// as adding each comment in turn: counts add up, the kind is an OR and the example is the
    /// least under a total order, so neither the order nor the grouping matters.
    var entries: [(comment: String, terms: [(term: String, isWord: Bool)], count: Int)] = []
    static let cacheLimit = 4096

    public init() {}

    /// Comments mentioning each term.
    public var counts: [String: Int] { themes.mapValues(\.count) }

    /// Edge words that carry no theme, trimmed from a clause's ends.
    static let edgeStopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "so", "then", "also", "just", "well", "yes", "no", "ok", "okay", "i",
        "we", "you", "it", "thanks", "thank", "please", "very", "really", "overall", "anyway", "still", "all",
    ]
    /// Chinese clauses that carry no theme, and conjunctions trimmed from a clause's start.
    static let chineseStopClauses: Set<String> = ["谢谢", "感谢", "多谢", "好的", "还行", "一般", "没有", "没了", "无", "好"]
    static let chineseLeading = ["但是", "不过", "可是", "而且", "所以", "然后", "但", "就是", "还是"]

    /// Adds one comment's themes.
    public mutating func add(_ comment: String, id: String = "", vocabulary: ThemeVocabulary) {
        let key = ExactText(comment)
        if let i = cache[key] {
            entries[i].count += 1
            return
        }
        let terms = CommentThemes.terms(comment, vocabulary: vocabulary).map { (term: $0.0, isWord: $0.1) }
        if entries.count < CommentThemes.cacheLimit {
            cache[key] = entries.count
            entries.append((comment, terms, 1))
        } else {
            CommentThemes.count(terms, of: comment, times: 1, into: &stored)
        }
    }

    /// Counts a comment said `n` times under each of its terms.
    static func count(_ terms: [(term: String, isWord: Bool)], of comment: String, times n: Int, into themes: inout [String: Theme]) {
        for (term, isWord) in terms {
            // One lookup: a new term starts empty (merging into it gives count n, its kind and
            // this comment as the example, as a fresh Theme would).
            themes[term, default: Theme(count: 0, vocabulary: false, example: comment)]
                .merge(Theme(count: n, vocabulary: isWord, example: comment))
        }
    }

    /// `stored` with the cached comments' counts added.
    func folded() -> [String: Theme] {
        var out = stored
        for e in entries where e.count > 0 { CommentThemes.count(e.terms, of: e.comment, times: e.count, into: &out) }
        return out
    }

    /// Folds the cached comments' counts into `stored` (the cache of terms is kept).
    mutating func fold() {
        stored = folded()
        for i in entries.indices { entries[i].count = 0 }
    }

    /// The `limit` most frequent themes (clauses said by at least two comments, policy words
    /// by at least one), ties broken by the term's text (code point order).
    public func top(_ limit: Int = 10) -> [(term: String, count: Int, example: String)] {
        let shown = themes.filter { $0.value.vocabulary || $0.value.count >= 2 }
        let sorted = shown.sorted { a, b in
            a.value.count != b.value.count
                ? a.value.count > b.value.count
                : Array(a.key.unicodeScalars.map(\.value)).lexicographicallyPrecedes(b.key.unicodeScalars.map(\.value))
        }
        return sorted.prefix(limit).map { ($0.key, $0.value.count, $0.value.example) }
    }

    /// ASCII letters lower-cased, other bytes as they are.
    static func asciiLowered(_ s: String) -> [UInt8] {
        // The bytes copied whole, then lowered in place: `map` over the UTF-8 view went a byte
        // at a time through the view's index, a thousand instructions per survey comment.
        var out = Array(s.utf8)
        out.withUnsafeMutableBufferPointer { b in
            for i in b.indices where b[i] &- 0x41 < 26 { b[i] |= 0x20 }
        }
        return out
    }

    /// Whether a scalar ends a clause: sentence punctuation of both scripts, brackets, quotes.
    static func isBreak(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0D, 0x09, 0x21, 0x22, 0x28, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x5B, 0x5D, 0x7B, 0x7D: return true
        case 0x3001, 0x3002, 0xFF01, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F, 0x201C, 0x201D, 0x2026, 0x300C, 0x300D:
            return true
        default: return false
        }
    }


    /// The policy words a comment theme may be: the keywords of the rules that set a priority
    /// or a category (what a ticket is about and how bad it is: 很慢, 密码, vpn, "data loss"),
    /// less the edge stop words. Evidence rules are left out: their words are the grammar of a
    /// request ("could the", "also", "where to", 能不能), which names no theme.
    public static func vocabulary(_ rules: [Policy.Rule]) -> ThemeVocabulary {
        ThemeVocabulary(
            rules.filter { $0.priority != nil || $0.category != nil }.flatMap(\.keywords)
                .filter { !edgeStopWords.contains($0.lowercased()) })
    }

    /// The terms of a comment, each once: (term, is a policy word). Clauses first, in order.
    public static func terms(_ text: String, vocabulary: ThemeVocabulary = ThemeVocabulary([])) -> [(String, Bool)] {
        var out: [(String, Bool)] = []
        func keep(_ t: String, _ word: Bool) {
            if !out.contains(where: { $0.0 == t }) { out.append((t, word)) }
        }
        var clause = String.UnicodeScalarView()
        func flush() {
            if let c = clauseTerm(String(clause)) { keep(c, false) }
            clause = String.UnicodeScalarView()
        }
        for s in text.unicodeScalars {
            if isBreak(s) { flush() } else { clause.append(s) }
        }
        flush()
        for i in vocabulary.matches(asciiLowered(text), wholeWords: true) { keep(vocabulary.word(i), true) }
        return out
    }

    /// A clause as a theme: lower-cased, single-spaced, edge stop words trimmed; English of 2 to
    /// 8 words, Chinese of 2 to 12 characters; nil when nothing of that kind is left.
    static func clauseTerm(_ raw: String) -> String? {
        let hasHan = raw.unicodeScalars.contains(where: TextNormalizer.isHan)
        // The shared normalisation: a theme said in traditional characters, full-width letters
        // or another case is the same theme.
        var words = TextNormalizer.fold(raw).split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
        if hasHan {
            var t = words.joined(separator: " ")
            for lead in chineseLeading where t.hasPrefix(lead) && t.count > lead.count + 1 {
                t = String(t.dropFirst(lead.count))
                break
            }
            guard (2...12).contains(t.count), !chineseStopClauses.contains(t) else { return nil }
            return t
        }
        while let f = words.first, edgeStopWords.contains(f) { words.removeFirst() }
        while let l = words.last, edgeStopWords.contains(l) { words.removeLast() }
        guard (2...8).contains(words.count),
            words.allSatisfy({ w in w.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) || w.allSatisfy(\.isNumber) })
        else { return nil }
        return words.joined(separator: " ")
    }
}

/// Masks contact data inside free text (a survey comment may carry an address or a number).
public enum CommentMask {
    /// E-mail addresses as `w***@example.com`, runs of 7 or more digits (spaces, dashes, dots,
    /// brackets and a leading + allowed between them) as `***34`.
    public static func mask(_ text: String) -> String {
        // E-mail addresses: a token around '@' with a dot after it.
        var out = ""
        var token = ""
        func flush() {
            if let at = token.firstIndex(of: "@"), at > token.startIndex, token[at...].contains(".") {
                out += Redaction.maskEmail(token)
            } else {
                out += token
            }
            token = ""
        }
        for ch in text {
            if ch.isWhitespace || ch == "，" || ch == "。" || ch == "," || ch == ";" || ch == "(" || ch == ")" || ch == "<" || ch == ">" {
                flush()
                out.append(ch)
            } else {
                token.append(ch)
            }
        }
        flush()
        return maskDigits(out)
    }

    /// Runs of 7+ digits (with phone punctuation between) -> `***` and the last two digits.
    static func maskDigits(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber || (chars[i] == "+" && i + 1 < chars.count && chars[i + 1].isNumber) else {
                out.append(chars[i])
                i += 1
                continue
            }
            var j = i
            var digits = ""
            var end = i
            while j < chars.count {
                let c = chars[j]
                if c.isASCII && c.isNumber {
                    digits.append(c)
                    end = j + 1
                } else if !(c == " " || c == "-" || c == "." || c == "(" || c == ")" || c == "+") {
                    break
                }
                j += 1
            }
            if digits.count >= 7 {
                out += "***" + String(digits.suffix(2))
            } else {
                out += String(chars[i..<end])
            }
            i = max(end, i + 1)
        }
        return out
    }
}
