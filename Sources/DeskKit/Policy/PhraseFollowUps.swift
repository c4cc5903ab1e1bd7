// PhraseFollowUps: a family phrase said on the way to a next step is a hedge, not the answer.
// "I don't know the cause yet, but I've opened a case and will update you by 3pm" keeps the
// reply; "I don't know." is refused (seed 004 服务忌语: 我不知道; its politer form is "我帮您确认
// 一下，稍后给您答复"). Each family lists its commitments in the policy (`unless_followed_by`);
// a match of the family stops counting as the agent's own words when one of them follows it
// later in the same text. Kept apart from PhraseLint so that matching stays as it is.

/// The policy families' follow-up commitments, compiled once.
struct PhraseFollowUps: Sendable {
    /// One matcher over every family's commitments (LintText key form).
    let matcher: KeywordMatcher
    /// Family index of each commitment.
    let family: [Int]
    /// Whether a family (by index) lists any commitment.
    let listed: [Bool]

    init(_ families: [Policy.PhraseFamily]) {
        var words: [String] = []
        var owner: [Int] = []
        for (i, f) in families.enumerated() {
            for p in f.unlessFollowedBy {
                words.append(LintText.key(p))
                owner.append(i)
            }
        }
        matcher = KeywordMatcher(words)
        family = owner
        listed = families.map { !$0.unlessFollowedBy.isEmpty }
    }

    /// Marks as not the agent's own every match of `found` that a commitment of its family
    /// follows in `t`. The text is searched only when such a match is there.
    func release(_ found: inout [PhraseLint.Match], in t: LintText) {
        guard found.contains(where: { $0.own && listed[$0.family] }) else { return }
        // Latest start (scalar index) of a commitment, per family: a phrase before it is followed.
        var last: [Int: Int] = [:]
        for o in matcher.occurrences(in: t.text) {
            let at = t.index(ofUTF8: o.range.lowerBound)
            let f = family[o.id]
            if at > last[f] ?? -1 { last[f] = at }
        }
        guard !last.isEmpty else { return }
        for i in found.indices where found[i].own {
            if let at = last[found[i].family], at >= found[i].range.upperBound { found[i].own = false }
        }
    }
}
