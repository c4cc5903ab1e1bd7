// The review memo of `desk check`: a remembered review is the one a fresh review gives, texts
// are told apart byte for byte (not by canonical equivalence), and it keeps at most its limit.
import Testing

@testable import DeskKit

@Suite struct ReviewMemoTests {
    @Test func reviewMemoAnswersAsAFreshReview() {
        let lint = PhraseLint(policy: .builtin, replyModel: nil)
        var memo = ReviewMemo(limit: 2)
        // "caché" typed precomposed and decomposed: equal as Strings, quoted as typed.
        let texts = ["cach\u{e9}", "cache\u{301}", "fixed", "已处理", "fixed", "cache\u{301}", "qwer", "已处理", "cach\u{e9}"]
        func bytes(_ f: [PhraseLint.Finding]) -> [[UInt8]] { f.map { Array($0.message.utf8) } }
        // Cause and solution: a result may be shorter (PhraseLint.minimumResultUnits), so
        // "caché" would stand as one.
        for field in ["cause", "solution"] {
            for t in texts {
                let fresh = lint.review(field: field, t)
                #expect(!fresh.isEmpty)
                #expect(bytes(memo.review(field, t, lint)) == bytes(fresh), "\(field) \(t)")
            }
        }
        #expect(memo.kept == 2)
    }
}
