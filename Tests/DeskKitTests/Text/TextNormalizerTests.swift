// TextNormalizer: each step on its own, the offsets back to the original, and the ASCII fast
// path agreeing with the general one.
import Testing

@testable import DeskKit

@Suite struct TextNormalizerTests {
    @Test func fullWidthAndSpacesFoldToASCII() {
        #expect(TextNormalizer.fold("ＯＫ") == "ok")
        #expect(TextNormalizer.fold("Ｉ　ｄｏｎ＇ｔ　ｋｎｏｗ") == "i don't know")
        #expect(TextNormalizer.fold("我\u{3000}不知道") == "我 不知道")
        #expect(TextNormalizer.fold("ｈｅｌｌｏ，ｗｏｒｌｄ！") == "hello,world!")
        #expect(TextNormalizer.fold("zero\u{200B}width") == "zerowidth")
        #expect(TextNormalizer.fold("￥１００") == "¥100")
    }

    @Test func otherCompatibilityForms() {
        #expect(TextNormalizer.fold("ﬁxed") == "fixed")
        #expect(TextNormalizer.fold("①②") == "12")
        #expect(TextNormalizer.fold("𝐃𝐨𝐧𝐞") == "done")
        #expect(TextNormalizer.fold("x²") == "x2")
        #expect(TextNormalizer.fold("wait…") == "wait.")
        #expect(TextNormalizer.fold("don’t") == "don't")
        #expect(TextNormalizer.fold("non‑core") == "non-core")
        #expect(TextNormalizer.fold("Ⓞⓚ") == "ok")
    }

    /// The rest of NFKC, from the generated table: Kangxi radicals and compatibility
    /// ideographs (text copied from PDFs), small and vertical punctuation, half-width katakana,
    /// Roman numerals, letter-like symbols; and a combining mark composed with its base.
    @Test func generatedCompatibilityFormsAndComposition() {
        #expect(TextNormalizer.fold("\u{2F2F}\u{2F8F}") == "工行")  // Kangxi radicals for 工 and 行
        #expect(TextNormalizer.fold("\u{F9D1}") == "六")  // a CJK compatibility ideograph
        #expect(TextNormalizer.fold("能登录吗\u{FE56}") == "能登录吗?")  // small question mark
        #expect(TextNormalizer.fold("\u{FE30}") == ".")  // vertical two dots: "..", then one mark
        #expect(TextNormalizer.fold("Ⅲ号机") == "iii号机")
        #expect(TextNormalizer.fold("38℃") == "38°c")
        #expect(TextNormalizer.fold("\u{FF76}\u{FF9E}") == "ガ")  // half-width ｶﾞ
        #expect(TextNormalizer.fold("cafe\u{301}") == "café")
        #expect(TextNormalizer.fold("CAFE\u{301}") == "café")
        #expect(TextNormalizer.fold("don\u{B4}t") == "don't")
        // The quote still points at what was typed, mark included.
        let n = TextNormalizer.normalize("cafe\u{301} ok")
        #expect(n.text == "café ok")
        #expect(n.original(scalars: 0..<4) == "cafe\u{301}")
        // The table is read whole, in code point order (the lookup is a binary search).
        let t = TextNormalizer.compatibility
        #expect(t.keys.count == 4866 && t.starts.count == t.keys.count + 1 && zip(t.keys, t.keys.dropFirst()).allSatisfy { $0 < $1 })
        #expect(TextNormalizer.compositions.count == 649)
        // A mark that composes with nothing stays.
        #expect(TextNormalizer.fold("x\u{301}") == "x\u{301}")
    }

    /// Characters the phrase lists and keywords use, written in their traditional, Taiwan or
    /// Hong Kong forms (from OpenCC's variant tables), read as the lists write them.
    @Test func variantFormsOfListCharactersFold() {
        for (typed, folded) in [
            ("乾淨", "干净"), ("我正忙著呢", "我正忙着呢"), ("瞭解", "了解"), ("衹能", "只能"), ("祇能", "只能"), ("彷彿", "仿佛"),
        ] {
            #expect(TextNormalizer.fold(typed) == folded, "\(typed)")
        }
    }

    @Test func traditionalBecomesSimplified() {
        #expect(TextNormalizer.fold("這個不行") == "这个不行")
        #expect(TextNormalizer.fold("業務中斷、數據丟失") == "业务中断、数据丢失")
        #expect(TextNormalizer.fold("低優先級:用戶咨詢") == "低优先级:用户咨询")
        #expect(TextNormalizer.fold("已處理") == "已处理")
        #expect(TextNormalizer.simplified("a") == nil)
        #expect(TextNormalizer.simplified("万") == nil)
        #expect(TextNormalizer.traditionalToSimplified.count > 3000)
    }

    @Test func caseWhiteSpaceAndRepeatedPunctuation() {
        #expect(TextNormalizer.fold("  Done  ") == "done")
        #expect(TextNormalizer.fold("ÉCOLE") == "école")
        #expect(TextNormalizer.fold("a \t b") == "a b")
        #expect(TextNormalizer.fold("line one\n\n  line two") == "line one\nline two")
        #expect(TextNormalizer.fold("？？？") == "?")
        #expect(TextNormalizer.fold("??？") == "?")
        #expect(TextNormalizer.fold("好了。。。") == "好了。")
        #expect(TextNormalizer.fold("ok!!!") == "ok!")
        // Different marks are kept; only a run of the same one collapses.
        #expect(TextNormalizer.fold("?!?!") == "?!?!")
        #expect(TextNormalizer.fold("") == "")
        #expect(TextNormalizer.fold("   ") == "")
    }

    @Test func offsetsQuoteWhatWasTyped() {
        let typed = "您好，這個不行！！！ ＯＫ"
        let n = TextNormalizer.normalize(typed)
        #expect(n.text == "您好,这个不行! ok")
        let matcher = KeywordMatcher(["这个不行", "ok"])
        let found = matcher.occurrences(in: n.text)
        #expect(found.map(\.id) == [0, 1])
        #expect(found.map { n.original(utf8: $0.range) } == ["這個不行", "ＯＫ"])
        // A collapsed run quotes the whole run.
        let bang = n.scalars.firstIndex(of: "!") ?? -1
        #expect(n.original(scalars: bang..<(bang + 1)) == "！！！")
        #expect(n.original(scalars: 0..<0) == "")
        #expect(n.scalarIndex(ofUTF8: n.text.utf8.count) == n.scalars.count)
        #expect(n.utf8Offset(ofScalar: n.scalars.count) == n.text.utf8.count)
    }

    @Test func asciiPathAgreesWithTheGeneralOne() {
        var rng = SplitMix64(state: 7)
        let alphabet = Array("aB ?!.\t\n-'`Zz09,,")
        for _ in 0..<500 {
            let len = Int(rng.next() % 16)
            let s = String((0..<len).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            #expect(TextNormalizer.fold(s) == TextNormalizer.normalize(s).text, "\(s.debugDescription)")
        }
    }
}
