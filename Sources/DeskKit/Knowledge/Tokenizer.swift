// Text -> search terms, the same way for articles, tickets and queries: normalised text
// (TextNormalizer: full-width, traditional characters and case folded)
// split into Latin words (stemmed, stop words dropped) and runs of CJK characters cut into
// overlapping bigrams (打印机 -> 打印, 印机), which find Chinese words without a dictionary.
// A lone CJK character is a term of its own. Glossary concepts found in the text are added as
// language-neutral terms, so 打印机 and printer meet.

/// One term of a text.
struct Term: Sendable, Equatable {
    /// What is indexed: a stemmed word, a CJK bigram or character, or `@N` for glossary concept N.
    var key: String
    /// What a reader recognises: the word as written (folded), the bigram, the concept's label.
    var surface: String
}

enum Tokenizer {
    /// The terms of `text`, in order, with repeats.
    static func terms(_ text: String) -> [Term] {
        let scalars = Array(TextNormalizer.fold(text).unicodeScalars)
        var out: [Term] = []
        var words: [String] = []
        var i = 0
        let n = scalars.count
        while i < n {
            let s = scalars[i]
            if isCJK(s) {
                var j = i
                while j < n && isCJK(scalars[j]) { j += 1 }
                if j - i == 1 {
                    let c = String(Character(s))
                    out.append(Term(key: c, surface: c))
                } else {
                    for k in i..<(j - 1) {
                        var v = String.UnicodeScalarView()
                        v.append(scalars[k])
                        v.append(scalars[k + 1])
                        let b = String(v)
                        out.append(Term(key: b, surface: b))
                    }
                }
                words.append("")  // a CJK run separates English phrases
                i = j
            } else if isWordScalar(s) {
                var j = i
                var v = String.UnicodeScalarView()
                while j < n && isWordScalar(scalars[j]) {
                    v.append(scalars[j])
                    j += 1
                }
                let word = String(v)
                let stem = Stemmer.stem(word)
                words.append(stem)
                if !Stemmer.stopWords.contains(word) { out.append(Term(key: stem, surface: word)) }
                i = j
            } else {
                i += 1
            }
        }
        for c in Glossary.shared.concepts(folded: scalars, stems: words) {
            out.append(Term(key: "@\(c)", surface: Glossary.shared.labels[c]))
        }
        return out
    }

    /// CJK ideographs, kana and hangul: scripts written without spaces.
    @inline(__always) static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xF900 && v <= 0xFAFF)
            || (v >= 0x3040 && v <= 0x30FF) || (v >= 0xAC00 && v <= 0xD7AF)
    }

    /// Letters and digits of scripts written with spaces.
    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) }
        return !isCJK(s) && (s.properties.isAlphabetic || s.properties.numericType != nil)
    }
}

/// A small suffix stripper: the same word in its usual English forms gets one key
/// (connect, connects, connected, connecting, connection -> connect). Not Porter: only the
/// endings that matter for support tickets, applied once, never leaving fewer than 3 letters.
enum Stemmer {
    static let suffixes: [(String, String)] = [
        ("ations", ""), ("ation", ""), ("ions", ""), ("ion", ""), ("ings", ""), ("ing", ""),
        ("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ed", ""), ("es", ""), ("ers", "er"), ("s", ""),
    ]

    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "from", "by", "as",
        "is", "are", "was", "were", "be", "been", "am", "it", "its", "this", "that", "these", "those", "i", "me",
        "my", "we", "our", "you", "your", "he", "she", "they", "them", "their", "his", "her", "do", "does", "did",
        "have", "has", "had", "so", "if", "then", "than", "there", "here", "when", "what", "which", "who", "how",
        "can", "could", "would", "should", "will", "just", "all", "any", "some", "again", "also", "very", "too",
        "please", "hi", "hello", "thanks", "thank", "after", "before", "since", "now", "get", "got", "still",
        "about", "into", "out", "up", "keep", "keeps", "every", "time", "one",
    ]

    /// The stem of a folded word.
    static func stem(_ word: String) -> String {
        guard word.utf8.count > 3, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        var w = word
        for (suffix, replacement) in suffixes where w.hasSuffix(suffix) {
            let base = w.utf8.count - suffix.utf8.count
            guard base >= 3 else { continue }
            if suffix == "s" && (w.hasSuffix("ss") || w.hasSuffix("us") || w.hasSuffix("is")) { break }
            w = String(w.dropLast(suffix.count)) + replacement
            break
        }
        // One final e, so update/updated/updating meet; and a doubled last consonant (dropped -> drop).
        if w.utf8.count > 4 && w.hasSuffix("e") { w.removeLast() }
        if w.utf8.count > 4, let last = w.utf8.last, w.utf8.dropLast().last == last, !"aeiouls".utf8.contains(last) {
            w.removeLast()
        }
        return w
    }
}
