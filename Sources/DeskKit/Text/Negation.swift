// Negation: whether a keyword found in normalised text stands in a negated clause ("the
// system did not crash", "nothing was lost", "没有崩溃", "并未丢失"). The look-back stays within
// the keyword's clause (back to , . ; ! ? 。 or a line break) and covers the last few words or
// Chinese characters before it. Words that contain a negator but say that something fails
// ("cannot", "can't", "won't", "unable"; 无法, 不能, 没法, 不了, 不断, 不停) do not negate: they are
// the failure.

/// Negation look-back over normalised (TextNormalizer) UTF-8 text.
public enum Negation {
    /// English negators (whole words).
    static let english: Set<String> = [
        "not", "no", "never", "without", "nothing", "none", "neither", "nor", "didn't", "doesn't", "isn't", "wasn't",
        "aren't", "weren't", "hasn't", "haven't", "hadn't", "don't", "nobody's", "dont", "didnt", "doesnt", "isnt", "wasnt",
    ]
    /// Chinese negators.
    static let chinese: [String] = ["没有", "没", "不", "未", "无", "并非", "别"]
    /// Chinese words holding a negator that mean a failure (or "non-stop"), not a negation.
    static let chineseFailures: [String] = [
        "无法", "不能", "没法", "没能", "不了", "不断", "不停", "不上", "不到", "不出", "不开", "不动", "不进", "不稳",
        "不对", "不行", "不正常", "不可用", "不见", "没反应", "没了", "没有反应", "没有响应", "没信号", "没有信号", "不显示", "不工作",
        "无响应", "未知", "不着急", "不急",
    ]

    /// Whether the text just before byte offset `start` of `bytes` negates what follows.
    public static func isNegated(_ bytes: [UInt8], before start: Int) -> Bool {
        // Clause start: the last separator before `start`.
        var a = start
        var steps = 0
        while a > 0 && steps < 40 {
            let b = bytes[a - 1]
            if b == 0x2C || b == 0x2E || b == 0x3B || b == 0x21 || b == 0x3F || b == 0x0A || b == 0x3A { break }
            // 。 (E3 80 82) and 、 (E3 80 81) end a clause as well.
            if a >= 3 && bytes[a - 3] == 0xE3 && bytes[a - 2] == 0x80 && (b == 0x82 || b == 0x81) { break }
            a -= 1
            steps += 1
        }
        // Align to a scalar start.
        while a < start && (bytes[a] & 0xC0) == 0x80 { a += 1 }
        guard a < start else { return false }
        let window = String(decoding: bytes[a..<start], as: UTF8.self)
        // English: any of the last four words.
        let words = window.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" || $0 == "(" }).suffix(4)
        if words.contains(where: { english.contains(String($0)) }) { return true }
        // Chinese: the last six characters, failure words taken out first.
        var tail = String(window.unicodeScalars.suffix(6))
        for f in chineseFailures where tail.contains(f) { tail = tail.replacingSubstring(f, with: "|") }
        return chinese.contains { tail.contains($0) }
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
