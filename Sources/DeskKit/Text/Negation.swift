// Negation: whether a keyword found in normalised text stands in a negated clause ("the
// system did not crash", "nothing was lost", "没有崩溃", "并未丢失"). The look-back stays within
// the keyword's clause (back to , . ; ! ? 。 or a line break) and covers the last few words or
// Chinese characters before it. Words that contain a negator but say that something fails
// ("cannot", "can't", "won't", "unable"; 无法, 不能, 没法, 不了, 不断, 不停) do not negate: they are
// the failure; nor do A-not-A questions (是不是, 有没有, 会不会).

/// Negation look-back over normalised (TextNormalizer) UTF-8 text.
public enum Negation {
    /// English negators (whole words).
    static let english: [[UInt8]] = [
        "not", "no", "never", "without", "nothing", "none", "neither", "nor", "didn't", "doesn't", "isn't", "wasn't",
        "aren't", "weren't", "hasn't", "haven't", "hadn't", "don't", "dont", "didnt", "doesnt", "isnt", "wasnt",
        // "Nothing's wrong, just asking", "nothing's lost": the contraction is still "nothing".
        "nothing's", "nothings",
    ].map { Array($0.utf8) }
    /// The longest English negator, in bytes: longer words are not compared.
    static let longestEnglish = english.map(\.count).max() ?? 0
    /// Chinese negators.
    static let chinese: [[UInt8]] = ["没有", "没", "不", "未", "无", "并非", "别"].map { Array($0.utf8) }
    /// Chinese words holding a negator that mean a failure (or "non-stop"), not a negation.
    static let chineseFailures: [[UInt8]] = [
        "无法", "不能", "没法", "没能", "不了", "不断", "不停", "不上", "不到", "不出", "不开", "不动", "不进", "不稳",
        "不对", "不行", "不正常", "不可用", "不见", "没反应", "没了", "没有反应", "没有响应", "没信号", "没有信号", "不显示", "不工作",
        "无响应", "未知", "不着急", "不急",
        // A-不-A questions ask; they deny nothing: "是不是被盗号了" is no "not stolen".
        "是不是", "有没有", "会不会", "能不能", "要不要", "对不对", "行不行", "可不可以",
        // Conjunctions and quantities: "不过" is "but", "不少" is "quite a few".
        "不过", "不仅", "不但", "不久", "不少", "不管",
    ].map { Array($0.utf8) }

    /// Whether the clause punctuation of normalised text ends just before byte `end`: . ; ! ? a
    /// line break or 。 always, and with `commas` also , : and 、 (a comma ends the span a
    /// negator or a guess reaches, not a question). One owner for the clause marks the
    /// look-back (`isNegated`), the guess (`isGuessed`) and the classifier's "the ones named are
    /// fine" (`Classifier.clauseSaysFine`) read.
    @inline(__always)
    static func endsClause(_ bytes: [UInt8], before end: Int, commas: Bool) -> Bool {
        guard end > 0 else { return false }
        let b = bytes[end - 1]
        if b == 0x2E || b == 0x3B || b == 0x21 || b == 0x3F || b == 0x0A { return true }
        if commas && (b == 0x2C || b == 0x3A) { return true }
        // 。 is E3 80 82, 、 is E3 80 81.
        return end >= 3 && bytes[end - 3] == 0xE3 && bytes[end - 2] == 0x80 && (b == 0x82 || commas && b == 0x81)
    }

    /// Whether the text just before byte offset `start` of `bytes` negates what follows. Works
    /// on the bytes alone (no String is built): it runs for every keyword found.
    public static func isNegated(_ bytes: [UInt8], before start: Int) -> Bool {
        // Clause start: the last separator before `start` (at most 40 bytes back).
        var a = start
        var steps = 0
        while a > 0 && steps < 40 {
            if endsClause(bytes, before: a, commas: true) { break }
            a -= 1
            steps += 1
        }
        while a < start && (bytes[a] & 0xC0) == 0x80 { a += 1 }
        guard a < start else { return false }
        // English: any of the last four words (split at space, - / and '(').
        var end = start
        var words = 0
        var i = start
        while i > a && words < 4 {
            let b = bytes[i - 1]
            if b == 0x20 || b == 0x2D || b == 0x2F || b == 0x28 {
                if end > i { if isEnglishNegator(bytes, i, end) { return true }; words += 1 }
                end = i - 1
            }
            i -= 1
        }
        if words < 4 && end > a && isEnglishNegator(bytes, a, end) { return true }
        // Chinese: the last six characters, failure words taken out first.
        var t = start
        var chars = 0
        while t > a && chars < 6 {
            t -= 1
            while t > a && (bytes[t] & 0xC0) == 0x80 { t -= 1 }
            chars += 1
        }
        guard start - t >= 3 else { return false }
        // A negator found is checked against the failure words that could cover it (most
        // windows hold no negator at all, so nothing more is read and nothing is allocated).
        for n in chinese where n.count <= start - t {
            var k = t
            while k + n.count <= start {
                if bytes[k] == n[0] && bytes[k..<(k + n.count)].elementsEqual(n) && !Negation.covered(bytes, k, t, start) { return true }
                k += 1
            }
        }
        return false
    }

    /// Words that open a yes/no question in English ("is it a hack?", "could we have been
    /// hacked?"): a clause that starts with one (after at most one "so", "and", "or", "but")
    /// and ends in a question mark asks.
    static let englishAsking: [[UInt8]] = [
        "is", "are", "was", "were", "could", "can", "did", "do", "does", "has", "have", "might", "may", "would", "should",
    ].map { Array($0.utf8) }
    static let englishLeading: [[UInt8]] = ["so", "and", "or", "but", "then", "also"].map { Array($0.utf8) }
    /// Chinese marks of a guess put as a question: A-不-A (是不是, 会不会), 难道, 是否, 该不会, or
    /// 可能 before the keyword, in a clause ending in a question mark (a clause ending in 吗 asks
    /// with no mark).
    static let chineseAsking: [[UInt8]] = ["是不是", "会不会", "难道", "是否", "该不会", "可能", "有没有可能", "莫非"].map { Array($0.utf8) }

    /// Whether the keyword at `range` of `bytes` stands in a yes/no question that guesses
    /// ("是不是被黑客攻击了？", "会不会中毒了吗", "is it a hack?", "could we have been hacked?"):
    /// the writer asks whether it happened, and that is no report that it did. A question that
    /// takes it as given ("why was our site hacked?", "谁改了官网？") is not a guess. Why: a
    /// worried user names the scariest cause of a small fault, and the seed's 安全风险 is a risk
    /// found, not one wondered about.
    public static func isGuessed(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        // The clause's end: the next mark (a comma does not end a question), at most 90 bytes
        // on; it must be a question mark, or 吗 (E5 90 97) must stand just before it.
        var e = range.upperBound
        while e < bytes.count && e - range.upperBound < 90 && !endsClause(bytes, before: e + 1, commas: false) { e += 1 }
        guard e < bytes.count, endsClause(bytes, before: e + 1, commas: false) else { return false }
        let asks = bytes[e] == 0x3F
        let ma = e >= 3 && bytes[e - 3] == 0xE5 && bytes[e - 2] == 0x90 && bytes[e - 1] == 0x97
        guard asks || ma else { return false }
        // The clause's start: the last mark (a comma too) before the keyword.
        var a = range.lowerBound
        while a > 0 && range.lowerBound - a < 90 && !endsClause(bytes, before: a, commas: true) { a -= 1 }
        while a < range.lowerBound && (bytes[a] & 0xC0) == 0x80 { a += 1 }
        let before = bytes[a..<range.lowerBound]
        for m in chineseAsking where m.count <= before.count {
            if before.firstRange(of: m) != nil { return true }
        }
        // 吗 at the end makes a yes/no question of the clause ("系统被黑了吗？").
        if ma { return true }
        // English: the clause's first word (or its second, after a leading "so", "and" …).
        var words: [ArraySlice<UInt8>] = []
        var i = a
        while i < range.lowerBound && words.count < 2 {
            while i < range.lowerBound && bytes[i] == 0x20 { i += 1 }
            let w = i
            while i < range.lowerBound && bytes[i] != 0x20 { i += 1 }
            if i > w { words.append(bytes[w..<i]) }
        }
        guard let first = words.first else { return false }
        if englishAsking.contains(where: { first.elementsEqual($0) }) { return true }
        if words.count > 1, englishLeading.contains(where: { first.elementsEqual($0) }) {
            return englishAsking.contains(where: { words[1].elementsEqual($0) })
        }
        return false
    }

    /// Whether byte `k` lies inside a failure word (`chineseFailures`) found wholly within
    /// `from..<to`.
    static func covered(_ bytes: [UInt8], _ k: Int, _ from: Int, _ to: Int) -> Bool {
        for f in chineseFailures where f.count <= to - from {
            var a = max(from, k - f.count + 1)
            while a <= k && a + f.count <= to {
                if bytes[a] == f[0] && bytes[a..<(a + f.count)].elementsEqual(f) { return true }
                a += 1
            }
        }
        return false
    }

    static func isEnglishNegator(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Bool {
        let n = to - from
        guard n >= 2 && n <= longestEnglish else { return false }
        return english.contains { $0.count == n && bytes[from..<to].elementsEqual($0) }
    }
}

extension String {
    /// The string with every occurrence of `target` replaced by `replacement`.
    func replacingSubstring(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
