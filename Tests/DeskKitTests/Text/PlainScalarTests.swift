// The claims the phrase lint's in-place comparisons rest on: `LintText.isContent` answers as
// the Unicode property tables do on its fast ranges, "plain" scalars are their own canonical
// form and one grapheme each (so String equality and `hasPrefix` are scalar comparisons on
// them), ScalarKeyTable answers what the String dictionary answers, and the phrase lint reads
// canonically equivalent texts that are not plain exactly as before (through Strings).
import Foundation
import Testing

@testable import DeskKit

@Suite struct PlainScalarTests {
    @Test func isContentFastRangesAgreeWithTheProperties() {
        for v in Array(0..<0x80) + Array(0x4E00...0x9FFF) {
            guard let u = Unicode.Scalar(UInt32(v)) else { continue }
            #expect(LintText.isContent(u) == (u.properties.isAlphabetic || u.properties.numericType != nil), "U+\(String(v, radix: 16))")
            #expect(PhraseLint.isNumeric(u) == (u.properties.numericType != nil))
        }
    }

    @Test func plainScalarsAreTheirOwnCanonicalFormAndGrapheme() {
        var checked = 0
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v), LintText.isPlain(u) else { continue }
            let s = String(Character(u))
            #expect(s.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([u]), "U+\(String(v, radix: 16))")
            #expect(u.properties.canonicalCombiningClass == .notReordered)
            // Followed by a plain letter it stays a grapheme of its own.
            #expect((s + "a").count == 2 && ("a" + s).count == 2, "U+\(String(v, radix: 16))")
            checked += 1
        }
        #expect(checked > 27_000)
        // Not plain: a combining accent, a compatibility ideograph (equal to 若 as a String), CR.
        for u: Unicode.Scalar in ["\u{301}", "\u{F974}", "\r", "가"] { #expect(!LintText.isPlain(u)) }
        #expect("\u{F974}" == "若")
    }

    @Test func scalarKeyTableAnswersAsTheDictionary() {
        let dict = ["fixed": 1, "已处理": 2, "ok": 3, "e\u{301}t\u{e9}": 4, "": 5]
        let table = ScalarKeyTable(dict)
        let plainOnly = ScalarKeyTable(["fixed": 1, "已处理": 2])
        for probe in ["fixed", "fixe", "fixedx", "已处理", "已处", "ok", "\u{e9}te\u{301}", "", "x", "\u{F974}"] {
            let s = Array(probe.unicodeScalars)
            #expect(table.value(s, 0..<s.count) == dict[probe], "\(probe)")
            #expect(plainOnly.value(s, 0..<s.count) == ["fixed": 1, "已处理": 2][probe], "\(probe)")
        }
        // A range inside a longer text.
        let s = Array("xx已处理yy".unicodeScalars)
        #expect(plainOnly.value(s, 2..<5) == 2)
        #expect(plainOnly.value(s, 1..<5) == nil)
    }

    @Test func canonicallyEquivalentTextsStillReadAsStrings() {
        let lint = PhraseLint(policy: .builtin, replyModel: nil)
        // "若" as a compatibility ideograph opens a condition as the unified one does (a String
        // prefix), so the taboo after it is not the agent's own in either spelling.
        #expect(lint.review(reply: "若这个不行，请告诉我").isEmpty == lint.review(reply: "\u{F974}这个不行，请告诉我").isEmpty)
        // A decomposed accent in a resolution field: the same verdicts as the precomposed form.
        #expect(lint.review(field: "cause", "cach\u{e9} corrupted").map(\.message).count
            == lint.review(field: "cause", "cache\u{301} corrupted").map(\.message).count)
    }
}
