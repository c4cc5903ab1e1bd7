// TextSearch answers on the bytes only where that equals comparing normalised strings: drawn
// texts mixing ASCII, upper case, full-width letters, traditional characters, spaces and
// punctuation must get the same answer from the byte path as from folding both sides.
import Testing
@testable import DeskKit

@Suite struct TextSearchTests {
    /// The JSON string literal of `s` as desk writes it, or with every letter and non-ASCII
    /// character written as a \uXXXX escape.
    func quoted(_ s: String, uEscapes: Bool = false) -> [UInt8] {
        guard uEscapes else {
            var out: [UInt8] = []
            JSONWriter.writeString(s, to: &out)
            return out
        }
        var text = "\""
        for u in s.utf16 {
            if u < 0x80, let c = Unicode.Scalar(u), !c.properties.isAlphabetic, c != "\"", c != "\\", u >= 0x20 {
                text.unicodeScalars.append(c)
            } else {
                let hex = String(u, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return Array((text + "\"").utf8)
    }

    func byteAnswer(_ search: TextSearch, _ hay: String, uEscapes: Bool = false) -> Bool {
        let q = quoted(hay, uEscapes: uEscapes)
        return q.withUnsafeBytes { search.matchesString($0, 0..<q.count) }
    }

    @Test func examples() {
        #expect(byteAnswer(TextSearch("vpn"), "VPN 断线"))
        #expect(byteAnswer(TextSearch("ＶＰＮ"), "vpn drops"))
        #expect(byteAnswer(TextSearch("vpn"), "ＶＰＮ 连接失败"))
        #expect(byteAnswer(TextSearch("连接"), "VPN 連接失敗"))
        #expect(byteAnswer(TextSearch("打印"), "打印机离线"))
        #expect(!byteAnswer(TextSearch("打印"), "扫描仪离线"))
        #expect(byteAnswer(TextSearch("vpn drops"), "VPN   drops!!"))
        #expect(byteAnswer(TextSearch("straße"), "STRASSE") == TextSearch.fold("STRASSE").contains(TextSearch.fold("straße")))
    }

    @Test func bytePathAgreesWithFolding() {
        let alphabet: [String] = ["a", "b", "V", "p", "n", "Ａ", "ｖ", "1", "２", " ", "  ", "!", "!!", "。", "，",
                                  "连", "連", "接", "断", "線", "线", "É", "é", "ß", "\u{200B}", "`", "'", "😀", "\\", "\"", "\n", "\t", "n", "u", "\u{01}"]
        var rng = SplitMix64(state: 13)
        func draw(_ n: Int) -> String { (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined() }
        var byteChecked = 0
        for _ in 0..<4000 {
            let needle = draw(1 + Int(rng.next() % 3))
            let hay = draw(Int(rng.next() % 12))
            let s = TextSearch(needle)
            guard !s.folded.isEmpty else { continue }
            let want = TextSearch.fold(hay).contains(s.folded)
            #expect(byteAnswer(s, hay) == want, "needle \(needle.debugDescription) in \(hay.debugDescription)")
            #expect(byteAnswer(s, hay, uEscapes: true) == want, "needle \(needle.debugDescription) in \(hay.debugDescription), \\u")
            // The whole-line check may only ever rule out what truly is absent.
            let q = quoted(hay)
            if q.withUnsafeBytes({ s.surelyAbsent(in: $0) }) { #expect(!want, "line check: \(needle.debugDescription) in \(hay.debugDescription)") }
            if s.byteExact { byteChecked += 1 }
        }
        #expect(byteChecked > 500)
    }

    @Test func stabilityMatchesTheNormaliser() {
        for v in UInt32(0x80)..<0x10000 {
            guard let u = Unicode.Scalar(v) else { continue }
            var out: [Unicode.Scalar] = []
            TextNormalizer.fold(u, into: &out)
            let separator = !out.isEmpty && out.allSatisfy { TextNormalizer.isPunctuation($0) || $0.properties.isWhitespace }
            if out != [u] && !separator { #expect(!FoldStability.isStable(scalar: v), "U+\(String(v, radix: 16))") }
        }
    }
}
