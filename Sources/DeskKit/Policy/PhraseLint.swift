// The policy's wording rules, applied to replies and resolutions (seed 004: 服务忌语 and the
// BRT reply rules; SPEC §4). Taboo phrases are found anywhere in a text in one pass (or, for
// a lone "?", only as the whole text); a resolution field is vague when it is empty, too short
// to mean anything, or nothing but a vague phrase once case, spaces and punctuation are ignored.

/// Checks texts against the policy's vague and taboo phrase lists.
public struct PhraseLint: Sendable {
    let contains: [Policy.Taboo]
    let whole: [Policy.Taboo]
    let matcher: KeywordMatcher
    let vague: Set<String>

    /// A text shorter than this many units is too short to state a cause, solution or result.
    /// A Chinese character counts 2, a Latin letter or digit 1: "已重启" (6) is refused,
    /// "重启客户端" (10) and "cleared cache" (12) pass.
    public static let minimumUnits = 8

    public init(policy: Policy) {
        contains = policy.taboo.filter { $0.match == .contains }
        whole = policy.taboo.filter { $0.match == .whole }
        matcher = KeywordMatcher(contains.map { PhraseLint.foldQuotes($0.phrase) })
        vague = Set(policy.vaguePhrases.map(PhraseLint.normalized))
    }

    /// The taboo phrases in `text`, in policy order.
    public func taboos(in text: String) -> [Policy.Taboo] {
        var found = matcher.matches(in: PhraseLint.foldQuotes(text)).map { contains[$0] }
        let trimmed = text.trimmed
        found += whole.filter { $0.phrase == trimmed }
        return found
    }

    /// Why `text` cannot serve as a cause, solution or result, or nil when it can.
    public func vagueness(of text: String) -> String? {
        let n = PhraseLint.normalized(text)
        if n.isEmpty { return "it is empty" }
        if vague.contains(n) { return "'\(text.trimmed)' is a vague phrase; say what was found, done and achieved" }
        if PhraseLint.units(text) < PhraseLint.minimumUnits { return "'\(text.trimmed)' is too short to mean anything" }
        return nil
    }

    /// Lower-case letters, digits and CJK characters only.
    static func normalized(_ s: String) -> String {
        String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }

    static func units(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { acc, u in
            if u.value >= 0x2E80 && u.properties.isAlphabetic { return acc + 2 }
            if u.properties.isAlphabetic || u.properties.numericType != nil { return acc + 1 }
            return acc
        }
    }

    /// Typographic apostrophes as ASCII, so "I don’t know" matches "I don't know".
    static func foldQuotes(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "\u{2019}" || $0 == "\u{2018}" }) else { return s }
        return String(s.map { $0 == "\u{2019}" || $0 == "\u{2018}" ? "'" : $0 })
    }
}
