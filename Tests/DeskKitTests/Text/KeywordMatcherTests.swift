// The one-pass keyword matcher against a naive scan.
import Testing

@testable import DeskKit

@Suite struct KeywordMatcherTests {
    @Test func findsOverlappingChineseAndEnglishKeywords() {
        let m = KeywordMatcher(["系统崩溃", "崩溃", "crash", "data loss", "sso", "he", "she", "hers"])
        #expect(m.matchedKeywords(in: "昨晚系统崩溃了, App CRASHES on export") == ["系统崩溃", "崩溃", "crash"])
        #expect(m.matchedKeywords(in: "Possible DATA LOSS after sync") == ["data loss"])
        // ASCII keywords start at a word boundary: "sso" is not inside "lasso", "he" not in "she".
        #expect(m.matchedKeywords(in: "lasso") == [])
        #expect(m.matchedKeywords(in: "SSO loop; ushers") == ["sso"])
        // "he" starts the word "hers", so it matches there (prefix at a word start).
        #expect(m.matchedKeywords(in: "she said hers") == ["he", "she", "hers"])
        #expect(m.matchedKeywords(in: "she") == ["she"])
        // A hyphen between letters joins a word: no "crash" in "non-crash", but after a space or
        // at the start of the text a hyphen is punctuation.
        #expect(m.matchedKeywords(in: "a non-crash exit") == [])
        #expect(m.matchedKeywords(in: "-crash, - crash") == ["crash"])
    }

    @Test func agreesWithANaiveScanOnPseudoRandomTexts() {
        let words = ["ab", "bab", "abc", "c", "bca", "无法", "无法登录", "登录", "a"]
        let m = KeywordMatcher(words)
        var seed: UInt64 = 42
        let alphabet = ["a", "b", "c", " ", "无", "法", "登", "录"]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<12 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text += alphabet[Int(seed >> 33) % alphabet.count]
            }
            let bytes = Array(text.utf8)
            let naive = words.indices.filter { k in
                let w = Array(words[k].utf8)
                guard w.count <= bytes.count else { return false }
                return (0...(bytes.count - w.count)).contains { i in
                    Array(bytes[i..<(i + w.count)]) == w
                        && !(KeywordMatcher.isWordByte(w[0]) && i > 0 && KeywordMatcher.isWordByte(bytes[i - 1]))
                }
            }
            #expect(m.matches(in: text) == naive, "text: \(text)")
        }
    }
}
