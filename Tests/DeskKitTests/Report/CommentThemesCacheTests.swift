// The comment themes' cache of repeated comments (counts folded in late) against adding each
// comment's terms straight into a dictionary: the same themes for any sequence, any split into
// parts merged together, and a fold in the middle.
import Testing

@testable import DeskKit

@Suite struct CommentThemesCacheTests {
    static let pool = [
        "Quick and helpful, thanks!", "服务态度很好", "Very patient agent.", "问题解决得很快，非常满意！", "Took far too long.",
        "OK, took a bit longer than expected.", "谢谢，响应很慢。", "VPN断线，VPN again", "Café CAFÉ naïve", "Cafe\u{301} cafe\u{301}",
        "响应很慢", "slow slow slow", "", "x",
    ]

    /// Each comment's terms added one by one, without any cache.
    static func direct(_ comments: [String], _ vocabulary: ThemeVocabulary) -> [String: Theme] {
        var out: [String: Theme] = [:]
        for c in comments {
            let terms = CommentThemes.terms(c, vocabulary: vocabulary).map { (term: $0.0, isWord: $0.1) }
            CommentThemes.count(terms, of: c, times: 1, into: &out)
        }
        return out
    }

    @Test func cachedCountsAreTheDirectCounts() {
        let vocabulary = ThemeVocabulary(["慢", "slow", "vpn", "agent"])
        var g = SplitMix64(state: 77)
        for round in 0..<40 {
            let comments = (0..<Int(g.int(0...60))).map { _ in Self.pool[Int(g.int(0...Int64(Self.pool.count - 1)))] }
            let expected = Self.direct(comments, vocabulary)
            var whole = CommentThemes()
            for c in comments { whole.add(c, vocabulary: vocabulary) }
            #expect(whole.themes == expected, "round \(round)")
            // Two parts merged, with a fold in the middle of the first.
            let cut = Int(g.int(0...Int64(comments.count)))
            var first = CommentThemes(), second = CommentThemes()
            for (i, c) in comments[..<cut].enumerated() {
                first.add(c, vocabulary: vocabulary)
                if i == cut / 2 { first.fold() }
            }
            for c in comments[cut...] { second.add(c, vocabulary: vocabulary) }
            first.merge(second)
            #expect(first.themes == expected, "round \(round) cut \(cut)")
            #expect(first.counts == expected.mapValues(\.count))
        }
    }
}
