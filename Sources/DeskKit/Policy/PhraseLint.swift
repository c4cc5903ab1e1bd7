// The policy's wording rules, applied to public replies and resolution fields (seed 004: 服务
// 忌语, 禁止使用“?”回复, BRT回复规范; SPEC §4). Phrases come in families (Policy.PhraseFamily):
// each phrase counts anywhere in the agent's own words, as a whole clause, or as the whole
// text. Texts and phrases are compared in LintText form (normalised, particles and spacing
// removed, contractions written out). Words inside quotation marks, and clauses that are
// conditional ("如果这个不行…", "if this doesn't work…") or that deny or report ("不是因为…",
// "not because…", "您说…"), are not taken as the agent's own words. A reply with no content, or
// one that says only "done" in some words, is refused, and so is a holding reply with no time;
// a reply the families pass is then read whole by the policy's reply model. A resolution field
// is measured by the information left once vague phrases and filler are taken out
// (docs/POLICY.md).

/// Checks replies and resolution fields against the policy's phrase families.
public struct PhraseLint: Sendable {
    /// One thing wrong with a text.
    public struct Finding: Sendable, Equatable {
        /// The family that matched, or nil for a finding about the text as a whole.
        public var family: Policy.PhraseFamily?
        /// What the user typed for the match (empty for a whole-text finding).
        public var typed: String
        /// The message, ready for a refusal.
        public var message: String
    }

    let families: [Policy.PhraseFamily]
    /// One matcher over every family's `anywhere` phrases (key form).
    let anywhere: KeywordMatcher
    /// Family index of each `anywhere` keyword.
    let anywhereFamily: [Int]
    /// The two ends of every `anywhere` phrase written with a gap ("combination of … factors"):
    /// one matcher over both ends of all of them, each keyword's pair and end, and each pair's
    /// family (see `gapPairs`).
    let gapEnds: KeywordMatcher
    let gapEnd: [(pair: Int, second: Bool)]
    let gapFamily: [Int]
    /// Clause-scope phrases (key form) → family indices.
    let clauseTable: ScalarKeyTable<[Int]>
    /// Whole-text phrases (key form) → family indices.
    let wholeTable: ScalarKeyTable<[Int]>
    /// Commitments that make a family phrase before them a hedge (PhraseFollowUps.swift).
    let followUps: PhraseFollowUps
    /// The reply model the policy names (ReplyModel.load), read when the families find nothing.
    let model: ReplyModel?
    /// The model refuses at or above this posterior (policy phrases.model_threshold).
    let modelThreshold: Double

    /// A field below this many information units says too little (see `information`): three
    /// Chinese characters of content ("能登录") or one plain English word of six letters.
    public static let minimumUnits = 6
    /// The result may be shorter: what works now is often one word beside a cause and a solution
    /// that say the rest ("Dead PSU | Swapped PSU | Boots", "交换机坏 | 换新机 | 网通了"); two
    /// characters or a four-letter word, while "done" words stay refused by their families.
    public static let minimumResultUnits = 4

    /// The least information field `field` must carry.
    static func minimumUnits(for field: String) -> Int { field == "result" ? minimumResultUnits : minimumUnits }

    /// The checks of `policy`, with the reply model it names (`ReplyModel.load`); nil leaves
    /// replies to the phrase families alone (resolution fields never use the model).
    public init(policy: Policy, replyModel: ReplyModel?) {
        model = replyModel
        modelThreshold = policy.replyModelThreshold
        families = policy.allFamilies
        followUps = PhraseFollowUps(families)
        var words: [String] = []
        var owner: [Int] = []
        var ends: [String] = []
        var endOwner: [(pair: Int, second: Bool)] = []
        var pairFamily: [Int] = []
        var clause: [String: [Int]] = [:]
        var whole: [String: [Int]] = [:]
        for (i, f) in families.enumerated() {
            for p in f.anywhere {
                if let (first, second) = PhraseLint.gapEnds(p) {
                    endOwner += [(pairFamily.count, false), (pairFamily.count, true)]
                    ends += [first, second]
                    pairFamily.append(i)
                    continue
                }
                words.append(LintText.key(p))
                owner.append(i)
            }
            for p in f.clause { clause[PhraseLint.bare(LintText.key(p)), default: []].append(i) }
            for p in f.whole { whole[PhraseLint.bare(LintText.key(p)), default: []].append(i) }
        }
        anywhere = KeywordMatcher(words)
        anywhereFamily = owner
        gapEnds = KeywordMatcher(ends)
        gapEnd = endOwner
        gapFamily = pairFamily
        clauseTable = ScalarKeyTable(clause)
        wholeTable = ScalarKeyTable(whole)
    }

    // MARK: matching

    /// A phrase found in a text: its family, the key range, and whether it counts as the
    /// agent's own words.
    struct Match {
        var family: Int
        var range: Range<Int>
        var own: Bool
    }

    /// Every family phrase in `t`, in text order.
    func matches(in t: LintText) -> [Match] {
        var out: [Match] = []
        // Clauses as key ranges, compared in place: no String per clause.
        let clauses = t.clauseRanges
        let hedges = clauses.map { PhraseLint.hedge(t, $0) }
        func clauseIndex(_ at: Int) -> Int? { clauses.firstIndex { $0.contains(at) } }
        // Latin phrases end at a word end too ("ok" is not in "okta").
        func endsWord(_ b: Int) -> Bool {
            !(b < t.scalars.count && LintText.isLatinLetter(t.scalars[b - 1]) && LintText.isContent(t.scalars[b]))
        }
        var found: [(family: Int, range: Range<Int>)] = []
        for o in anywhere.occurrences(in: t.text) {
            let a = t.index(ofUTF8: o.range.lowerBound)
            let b = t.index(ofUTF8: o.range.upperBound)
            guard a < b, endsWord(b) else { continue }
            found.append((anywhereFamily[o.id], a..<b))
        }
        if !gapFamily.isEmpty {
            var ends: [(pair: Int, second: Bool, range: Range<Int>)] = []
            for o in gapEnds.occurrences(in: t.text) {
                let a = t.index(ofUTF8: o.range.lowerBound)
                let b = t.index(ofUTF8: o.range.upperBound)
                guard a < b, endsWord(b) else { continue }
                ends.append((gapEnd[o.id].pair, gapEnd[o.id].second, a..<b))
            }
            for (pair, range) in PhraseLint.gapPairs(ends, clauseOf: clauseIndex) { found.append((gapFamily[pair], range)) }
        }
        for (family, r) in found {
            let (a, b) = (r.lowerBound, r.upperBound)
            let quoted = t.quoted[a..<b].contains(true)
            var own = !quoted
            if own, let c = clauseIndex(a) {
                // A phrase that itself opens the condition ("if you'd read the guide…") is what
                // the agent says, not a condition on something else.
                var h = hedges[c]
                let opens = a <= PhraseLint.bare(t.scalars, clauses[c]).lowerBound
                if h.conditional && opens { h.conditional = false }
                // An English condition after a taboo that opens the clause leaves it said:
                // "Take it up with my manager if you are unhappy" (in Chinese the condition
                // comes first: "不满意的话…").
                if opens && h.beforeIsLatin && families[family].kind == .taboo { h.before = nil }
                own = !h.covers(a, b)
            }
            if own, PhraseLint.isDenied(t.scalars, at: a) { own = false }
            out.append(Match(family: family, range: a..<b, own: own))
        }
        for (ci, c) in clauses.enumerated() {
            let quoted = t.quoted[c].allSatisfy { $0 }
            for f in clauseTable.value(t.scalars, PhraseLint.bare(t.scalars, c)) ?? [] {
                out.append(Match(family: f, range: c, own: !quoted && !hedges[ci].conditional))
            }
        }
        if !t.scalars.isEmpty {
            for f in wholeTable.value(t.scalars, PhraseLint.bare(t.scalars, 0..<t.scalars.count)) ?? [] {
                out.append(Match(family: f, range: 0..<t.scalars.count, own: true))
            }
        }
        followUps.release(&out, in: t)
        // In text order; at one start the longest phrase first, so a message quotes all of it.
        return out.sorted { ($0.range.lowerBound, -$0.range.count, $0.family) < ($1.range.lowerBound, -$1.range.count, $1.family) }
    }

    /// Whether the phrase found at key index `a` is denied where it stands: "不是你操作的问题"
    /// denies what "是你操作…" would claim, "not a skill issue" what "skill issue" would (only
    /// with an article after "not": "you did not read the manual" still says it).
    static func isDenied(_ u: [Unicode.Scalar], at a: Int) -> Bool {
        if u[a] == "是", a > 0, u[a - 1] == "不" { return true }
        for w in ["not a ", "not an "] {
            let n = w.unicodeScalars.count
            if a >= n, u[(a - n)..<a].elementsEqual(w.unicodeScalars) { return true }
        }
        return false
    }

    /// The most key characters a gap phrase's two ends may have between them.
    public static let maximumGap = 48

    /// The two ends, in key form, of an `anywhere` phrase written with a gap: "…" (or "...")
    /// stands for up to `maximumGap` characters of the same clause ("combination of … factors"
    /// finds "a combination of environmental and configuration-related factors"); nil for a
    /// plain phrase. Why: the same brush-off comes with words inserted, and listing each
    /// insertion is a list of the sentences seen.
    static func gapEnds(_ phrase: String) -> (String, String)? {
        let marked = phrase.replacingSubstring("...", with: "…")
        let parts = marked.split(separator: "…", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let first = LintText.key(String(parts[0])), second = LintText.key(String(parts[1]))
        guard !first.isEmpty, !second.isEmpty else { return nil }
        return (first, second)
    }

    /// Each gap phrase found: a first end, then the nearest second end of the same phrase that
    /// starts after it, in the same clause, at most `maximumGap` characters on; the range runs
    /// from the first end's start to the second's end.
    static func gapPairs(
        _ ends: [(pair: Int, second: Bool, range: Range<Int>)], clauseOf: (Int) -> Int?
    ) -> [(pair: Int, range: Range<Int>)] {
        var out: [(pair: Int, range: Range<Int>)] = []
        for first in ends where !first.second {
            let clause = clauseOf(first.range.lowerBound)
            let next = ends.filter {
                $0.second && $0.pair == first.pair && $0.range.lowerBound >= first.range.upperBound
                    && $0.range.lowerBound - first.range.upperBound <= maximumGap && clauseOf($0.range.lowerBound) == clause
            }.min { $0.range.lowerBound < $1.range.lowerBound }
            if let next { out.append((first.pair, first.range.lowerBound..<next.range.upperBound)) }
        }
        return out
    }

    /// The clause without edge punctuation and spaces, for clause and whole comparisons.
    static func bare(_ s: String) -> String {
        let u = Array(s.unicodeScalars)
        var a = 0
        var b = u.count
        while a < b && !LintText.isContent(u[a]) { a += 1 }
        while b > a && !LintText.isContent(u[b - 1]) { b -= 1 }
        return TextNormalizer.string(u[a..<b])
    }

    /// `range` of `u` without edge punctuation and spaces: `bare` as a range.
    static func bare(_ u: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
        var a = range.lowerBound
        var b = range.upperBound
        while a < b && !LintText.isContent(u[a]) { a += 1 }
        while b > a && !LintText.isContent(u[b - 1]) { b -= 1 }
        return a..<b
    }

    /// How a clause stands: conditional as a whole, or with a marker that makes what follows
    /// it (a denial, a report of someone else's words) or precedes it ("…的话", "… if …") not
    /// the agent's own claim.
    struct Hedge {
        var conditional = false
        /// Key index after which matches are hedged.
        var after: Int? = nil
        /// Key index before which matches are hedged.
        var before: Int? = nil
        /// Whether `before` is an English condition (" if ", " unless ", " when ").
        var beforeIsLatin = false
        func covers(_ a: Int, _ b: Int) -> Bool {
            if conditional { return true }
            if let x = after, a >= x { return true }
            if let y = before, b <= y { return true }
            return false
        }
    }

    /// Clause openers that make the clause a condition, not a statement.
    static let conditionalOpeners = [
        "如果", "假如", "假设", "要是", "若是", "若", "万一", "倘若", "如若", "即使", "就算", "一旦", "if ", "unless ",
        "in case ", "even if ", "should you ", "should it ", "should the ", "should this ", "should that ", "should there ",
        "should any", "should your ", "should we ", "whether ", "suppose ", "assuming ",
    ]
    /// Markers after which words are a denial or someone else's words.
    static let reportMarkers = [
        "不是因为", "并不是因为", "并非", "并不是", "而不是", "不是您", "不会说", "不要说", "别说", "绝不说", "不应该说", "您说", "你说", "您提到",
        "您反馈", "您问的", "您问到", "您问过", "提示", "报错", "显示为", "状态为", "状态是", "标记为", "not because", "not that", "rather than",
        "instead of", "never say", "will not say", "would never say", "not say", "you said", "you mentioned", "you asked",
        "you wrote", "error says", "message says", "it says", "says", "reads", "shows", "status is", "marked as",
        "labelled", "labeled", "called",
        // Owning the requester's trouble ("Sorry, I know this is the third time you've had to
        // chase it") acknowledges what the impatient form throws back.
        "i know this is", "i know that this is", "sorry this is", "sorry that this is", "i realise this is", "i realize this is",
        "我知道这已经是", "抱歉这已经是",
    ]
    /// Markers after a phrase that make it a condition ("…的话", "… if …").
    static let trailingConditions = ["的话", " if ", " unless ", " when ", "如果", "时候"]

    /// How the clause at key range `range` of `t` stands, read in place. The opener test
    /// compares scalars when the clause is plain (LintText.isPlain, where that is what
    /// `hasPrefix` gives), and takes `hasPrefix` otherwise.
    static func hedge(_ t: LintText, _ range: Range<Int>) -> Hedge {
        var h = Hedge()
        let u = t.scalars
        if t.isPlain(range) && conditionalOpenersArePlain {
            h.conditional = conditionalOpenerScalars.contains { o in
                o.count <= range.count && o.indices.allSatisfy { u[range.lowerBound + $0] == o[$0] }
            }
        } else {
            let text = t.slice(range)
            h.conditional = conditionalOpeners.contains(where: { text.hasPrefix($0) })
        }
        // The clause's pairs of neighbouring scalars as bits: a marker whose first pair's bit
        // is clear cannot occur in it, so most markers are ruled out without a scan.
        var pairs = Bigrams()
        if range.count >= 2 {
            for i in range.lowerBound..<(range.upperBound - 1) { pairs.insert(u[i], u[i + 1]) }
        }
        func find(_ mu: [Unicode.Scalar]) -> Int? {
            guard let f = mu.first, mu.count <= range.count else { return nil }
            if mu.count >= 2 && !pairs.contains(f, mu[1]) { return nil }
            let latin = LintText.isLatinLetter(f)
            search: for i in range.lowerBound...(range.upperBound - mu.count) where u[i] == f {
                for k in 1..<mu.count where u[i + k] != mu[k] { continue search }
                // Latin markers start at a word start.
                if latin, i > range.lowerBound, LintText.isLatinLetter(u[i - 1]) { continue }
                return i
            }
            return nil
        }
        for m in reportMarkerScalars {
            // "你说" reports the requester's words only with 你 as the subject: "跟你说过好几遍了"
            // is the agent's own (told *you*).
            if let i = find(m), !(m.first == "你" && i > range.lowerBound && toObject.contains(u[i - 1])) { h.after = min(h.after ?? Int.max, i) }
        }
        for m in trailingConditionScalars {
            if let i = find(m), i >= (h.before ?? 0), !persistenceScalars.contains(where: { p in
                i + p.count <= range.upperBound && p.indices.allSatisfy { u[i + $0] == p[$0] }
            }) {
                h.before = i
                h.beforeIsLatin = m.first == " "
            }
        }
        return h
    }
    /// A set of scalar pairs as 256 bits (a pair's bit from a multiplicative hash): a filter
    /// with false positives only.
    struct Bigrams {
        var bits = BitSet256()

        @inline(__always) static func bit(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int {
            Int(truncatingIfNeeded: ((a.value &* 0x9E37_79B1) ^ b.value) &* 0x85EB_CA6B >> 24)
        }

        mutating func insert(_ a: Unicode.Scalar, _ b: Unicode.Scalar) { bits.insert(Bigrams.bit(a, b)) }

        func contains(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool { bits.contains(Bigrams.bit(a, b)) }
    }

    static let conditionalOpenerScalars = conditionalOpeners.map { Array($0.unicodeScalars) }
    static let conditionalOpenersArePlain = conditionalOpenerScalars.allSatisfy { $0.allSatisfy(LintText.isPlain) }

    /// The markers as scalars, split once.
    /// (您 written as 你, as LintText keys it.)
    static let reportMarkerScalars = reportMarkers.map { Array($0.replacingSubstring("您", with: "你").unicodeScalars) }
    static let trailingConditionScalars = trailingConditions.map { Array($0.unicodeScalars) }
    /// Prepositions that make the 你 after them an object ("跟你说", "给你说", "对你说").
    static let toObject: Set<Unicode.Scalar> = ["跟", "和", "给", "对", "向", "同"]
    /// Trailing conditions that only say when to come back ("… and revert if the problem
    /// persists"): the clause before them is still said outright, not on a condition.
    static let persistence = [
        " if the problem persists", " if the issue persists", " if it persists", " if the problem continues", " if the issue continues",
        " if it continues", " if it happens again", " if this happens again", " if it recurs", " if the problem recurs", " if the issue recurs",
    ]
    static let persistenceScalars = persistence.map { Array($0.unicodeScalars) }

    // MARK: substance

    /// Courtesy and sign-off phrases (key form): part of a polite reply, but no answer.
    static let courtesy: [String] = [
        "您好", "你好", "大家好", "谢谢", "感谢", "多谢", "请确认", "请查收", "请知悉", "请验证", "请您确认", "请核实", "如有问题", "有问题", "随时联系",
        "联系我们", "再联系", "祝好", "祝您", "工作愉快", "辛苦了", "不客气", "打扰了", "hi", "hello", "hey", "dear", "thanks",
        "thank you", "many thanks", "please confirm", "please check", "please verify", "let me know", "let us know",
        "feel free", "reach out", "get in touch", "have a nice day", "have a good day", "regards", "best", "cheers",
        "kind regards", "best regards", "理解与支持", "理解和支持", "欢迎随时", "随时与我们联系", "竭诚为您服务", "如后续还有", "后续还有",
        "还有其他问题", "还有任何问题", "其他问题", "任何问题", "请您放心", "放心使用", "祝工作顺利", "有问题再联系", "再联系",
        "anything else", "if there's anything else", "if there is anything else", "感谢对我们工作的支持", "对我们工作的支持",
        "thank you for reaching out", "thanks for reaching out", "thanks so much for reaching out", "we value your feedback",
        "value your feedback", "have a wonderful day", "have a lovely day", "have a great day", "we really appreciate your patience",
        "appreciate your patience", "感谢您的耐心", "感谢耐心", "greatly", "our dedicated team", "dedicated team", "your concern",
        "感谢您的宝贵意见", "宝贵意见", "祝您生活愉快", "生活愉快", "您反映的情况", "反映的情况", "hope you're having", "hope you are having",
        "lovely week", "great week", "don't hesitate to reach out", "do not hesitate to reach out", "don't hesitate", "do not hesitate",
        "just letting you know", "just to let you know", "thanks for flagging", "thank you for flagging", "for flagging this",
        "thanks for letting us know", "thank you for letting us know", "thanks for raising this", "thanks for reporting this",
        "感谢您的反馈", "感谢反馈", "如有疑问", "重新提单", "再提单", "revert", "if the issue persists", "if the problem persists",
        "if it persists", "如问题仍存在", "如仍有问题",
        // Ticket-system and call-centre boilerplate: said to every requester, so no answer to this one.
        "thank you for contacting", "thanks for contacting", "thank you for using", "thanks for using", "感谢您的使用", "感谢使用",
        "for contacting us", "感谢您联系", "感谢联系",
        "对本次服务进行评价", "请对本次服务", "进行评价", "is there anything else i can", "anything else i can assist", "assist you with",
        "apologise for any inconvenience", "apologize for any inconvenience", "sorry for any inconvenience", "any inconvenience caused",
        "inconvenience caused", "patience and understanding", "带来的不便", "深表歉意", "敬请谅解",
    ]
    /// The desk's own name ("the IT Service Desk", 服务台) is courtesy too: it names no part of
    /// the problem (the names a signature line is known by, ReplyFrame.signatureDesks).
    static let courtesyMatcher = KeywordMatcher(courtesy.map(LintText.key) + ReplyFrame.signatureDesks)
    /// English words that carry no content on their own.
    static let stopWords: Set<String> = [
        "the", "a", "an", "it", "this", "that", "these", "those", "is", "was", "are", "were", "be", "been", "being", "has",
        "have", "had", "to", "of", "for", "and", "or", "on", "in", "at", "by", "with", "now", "already", "all", "your", "my",
        "our", "you", "we", "i", "me", "us", "issue", "issues", "problem", "problems", "ticket", "request", "case", "please",
        "just", "also", "so", "then", "as", "its", "from", "if", "need", "needs", "anything", "else", "any", "other",
        "further", "more", "help", "question", "questions", "again", "should", "will", "would", "do",
        "does", "did", "am", "not", "no", "yes", "up", "out", "there", "here", "they", "them", "their", "still", "very",
        "really", "ok", "okay", "well", "some", "thing", "things", "stuff", "everything", "something", "sir", "madam",
        "team", "which", "what", "who", "how", "when", "where", "why", "about", "into", "over", "after",
        "before", "let", "know", "get", "got", "go", "one", "item", "etc",
        // A guess says nothing found: "user error probably" is no cause.
        "probably", "maybe", "perhaps", "possibly", "likely", "guess", "seems", "think",
        // The requester, as Chinese 用户 is a function word: "user to let us know" says nothing.
        "user", "users",
    ]
    /// Chinese characters that carry no content on their own (function words, pronouns).
    static let functionHan: Set<Unicode.Scalar> = [
        "的", "了", "已", "经", "是", "在", "和", "与", "及", "把", "被", "给", "都", "就", "也", "还", "再", "又", "很", "太",
        "吗", "这", "那", "个", "您", "你", "我", "们", "他", "她", "它", "该", "此", "其", "之", "而", "并", "或", "等", "着",
        "过", "地", "得", "请", "下", "一", "些", "啥", "么", "什",
    ]
    /// Chinese words that carry no content on their own (two characters).
    static let functionWords = ["问题", "工单", "情况", "目前", "现在", "一下", "用户", "这边", "那边", "方面", "处理", "操作", "事情", "可能", "估计", "大概", "也许", "应该", "好像", "似乎"]

    // The word lists above as tables read in place (no String or hashing per word; see
    // ScalarKeyTable and LintText.isPlain for why the answers are the same).
    static let stopWordTable = ScalarKeyTable(stopWords)
    static let functionWordTable = ScalarKeyTable(Set(functionWords))
    static let functionHanValues: [UInt32] = functionHan.map(\.value).sorted()
    static let fillerTable = ScalarKeyTable(fillers)

    /// Whether `u` has a numeric type (ASCII answered without the property tables: only the
    /// digits have one there).
    @inline(__always) static func isNumeric(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x80 ? (u.value >= 0x30 && u.value <= 0x39) : u.properties.numericType != nil
    }

    /// Information units of `t`, skipping `skip`: 2 per Han character of content, a Latin word
    /// of content its length (at most 6), a number or identifier 2 (none at all without a word),
    /// keyboard mash 0.
    static func information(_ t: LintText, skip: [Bool]) -> (units: Int, mash: [String]) {
        var units = 0
        // Numbers and identifiers add detail to words but say nothing alone.
        var wordUnits = 0
        var mash: [String] = []
        let s = t.scalars
        var i = 0
        while i < s.count {
            if skip[i] {
                i += 1
                continue
            }
            let u = s[i]
            if TextNormalizer.isHan(u) {
                if i + 1 < s.count, !skip[i + 1], functionWordTable.contains(s, i..<(i + 2)) {
                    i += 2
                    continue
                }
                if !LintText.sortedContains(functionHanValues, u.value) {
                    // The same character three times or more is mash ("啊啊啊", "哈哈哈").
                    var j = i
                    while j < s.count && s[j] == u && !skip[j] { j += 1 }
                    if j - i >= 3 {
                        mash.append(t.original(i..<j))
                        i = j
                        continue
                    }
                    units += 2
                    wordUnits += 2
                } else if i > 0, i + 1 < s.count, !skip[i - 1], !skip[i + 1], isContentHan(s[i - 1]), isContentHan(s[i + 1]) {
                    // Inside a word between two content characters ("借还通": borrowing and
                    // returning work), a function character is part of the word.
                    units += 2
                    wordUnits += 2
                }
                i += 1
                continue
            }
            if LintText.isContent(u) {
                var j = i
                while j < s.count && !skip[j] && LintText.isContent(s[j]) && !TextNormalizer.isHan(s[j]) { j += 1 }
                // The word read in place: no String unless it is quoted.
                let word = i..<j
                if word.contains(where: { isNumeric(s[$0]) }) {
                    // A number or an identifier ("500", "v2", "KB5031"): detail, not a statement.
                    units += 2
                } else if isMash(t, word) {
                    mash.append(t.original(word))
                } else if word.count >= 2 && !stopWordTable.contains(s, word) {
                    units += min(word.count, 6)
                    wordUnits += min(word.count, 6)
                }
                i = j
                continue
            }
            i += 1
        }
        return (wordUnits == 0 ? 0 : units, mash)
    }

    /// A Han character that is not a function character.
    static func isContentHan(_ u: Unicode.Scalar) -> Bool {
        TextNormalizer.isHan(u) && !LintText.sortedContains(functionHanValues, u.value)
    }

    static let keyboardRows = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890"]
    /// The rows as scalars, forwards and backwards.
    static let keyboardRowScalars = keyboardRows.flatMap { r in [Array(r.unicodeScalars), Array(r.unicodeScalars.reversed())] }

    /// Whether `needle` occurs in `hay`, scalar by scalar (for ASCII both ways, the same as
    /// `String.contains`, without its searcher's allocations).
    static func contains(_ h: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        guard needle.count <= h.count else { return false }
        return (0...(h.count - needle.count)).contains { i in (0..<needle.count).allSatisfy { h[i + $0] == needle[$0] } }
    }

    /// `isMash(_:typed:)` for the word at key range `r` of `t`, read in place (the typed form
    /// is only built for the last test).
    static func isMash(_ t: LintText, _ r: Range<Int>) -> Bool {
        let u = t.scalars
        guard r.count >= 3 else { return false }
        if r.allSatisfy({ u[$0] == u[r.lowerBound] }) { return true }
        if r.count >= 4 {
            if r.allSatisfy({ u[$0].isASCII }) {
                for row in keyboardRowScalars where row.count >= r.count {
                    for a in 0...(row.count - r.count) where r.indices.allSatisfy({ row[a + $0 - r.lowerBound] == u[$0] }) {
                        return true
                    }
                }
            }
        }
        guard r.count >= 4, r.allSatisfy({ LintText.isLatinLetter(u[$0]) }) else { return false }
        if r.contains(where: { "aeiouy".unicodeScalars.contains(u[$0]) }) { return false }
        let capitals = t.original(r).unicodeScalars.allSatisfy { !($0.value >= 0x61 && $0.value <= 0x7A) }
        return !capitals
    }

    /// Whether a word looks typed at random: a run along a keyboard row ("asdf", "qwer"), one
    /// letter repeated ("aaaa"), or four or more letters without a vowel that were not typed
    /// in capitals (an acronym such as "DNS" or "HTTPS" is fine).
    static func isMash(_ word: String, typed: String) -> Bool {
        let u = Array(word.unicodeScalars)
        guard u.count >= 3 else { return false }
        if Set(u).count == 1 { return true }
        if u.count >= 4 {
            // The rows are ASCII: a word with any other scalar is in none of them.
            if u.allSatisfy({ $0.isASCII }) {
                for row in keyboardRowScalars where contains(row, u) { return true }
            }
        }
        let letters = u.filter(LintText.isLatinLetter)
        guard letters.count == u.count, u.count >= 4 else { return false }
        let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u", "y"]
        if letters.contains(where: vowels.contains) { return false }
        let capitals = typed.unicodeScalars.allSatisfy { !($0.value >= 0x61 && $0.value <= 0x7A) }
        return !capitals
    }

    /// Key positions that are not substance: matched vague and unknown-cause phrases, courtesy
    /// phrases, quotation marks and punctuation.
    func skipMask(_ t: LintText, _ found: [Match]) -> [Bool] {
        var skip = [Bool](repeating: false, count: t.scalars.count)
        for m in found where families[m.family].kind != .taboo {
            for k in m.range { skip[k] = true }
        }
        PhraseLint.skipWords(PhraseLint.courtesyMatcher, t, &skip)
        // A clause that restates the subject ("关于您反映的申报系统提交问题", "regarding your
        // login issue") says nothing new about it.
        for c in t.clauseRanges where PhraseLint.restates(t.slice(c)) {
            for k in c { skip[k] = true }
        }
        // A greeting clause ("Hi Joan,", "Dear team,") is courtesy, the name in it no detail.
        for c in t.clauseRanges where c.count <= 20 && ReplyFrame.isGreeting(t.slice(c)) {
            for k in c { skip[k] = true }
        }
        // An address such as "李工" / "王老师" before a comma is courtesy too.
        for c in t.clauseRanges where c.count >= 2 && c.count <= 4 && c.allSatisfy({ TextNormalizer.isHan(t.scalars[$0]) }) {
            let address: Bool
            if t.isPlain(c) {
                // Plain scalars: `hasSuffix` is a scalar comparison.
                address = PhraseLint.addressSuffixScalars.contains { x in
                    x.count <= c.count && x.indices.allSatisfy { t.scalars[c.upperBound - x.count + $0] == x[$0] }
                }
            } else {
                let text = t.slice(c)
                address = PhraseLint.addressSuffixes.contains { text.hasSuffix($0) }
            }
            if address {
                for k in c { skip[k] = true }
            }
        }
        return skip
    }

    /// Marks in `skip` every occurrence of `matcher`'s words in `t` that stands as a word (a
    /// Latin word is not the start or end of a longer one: "done" is not in "undone").
    static func skipWords(_ matcher: KeywordMatcher, _ t: LintText, _ skip: inout [Bool]) {
        for o in matcher.occurrences(in: t.text) {
            let a = t.index(ofUTF8: o.range.lowerBound)
            let b = t.index(ofUTF8: o.range.upperBound)
            if b < t.scalars.count, LintText.isLatinLetter(t.scalars[b - 1]), LintText.isContent(t.scalars[b]) { continue }
            if a > 0, a < t.scalars.count, LintText.isLatinLetter(t.scalars[a]), LintText.isLatinLetter(t.scalars[a - 1]) { continue }
            for k in a..<b { skip[k] = true }
        }
    }

    /// Whether clause `c` of `t` is a question: "?" after it (at most a space between), or 是否 /
    /// 是不是 / 有没有 in it.
    static func asks(_ t: LintText, _ c: Range<Int>) -> Bool {
        var k = c.upperBound
        while k < t.scalars.count && t.scalars[k] == " " { k += 1 }
        if k < t.scalars.count && t.scalars[k] == "?" { return true }
        if c.upperBound > c.lowerBound && t.scalars[c.upperBound - 1] == "?" { return true }
        let text = t.slice(c)
        return ["是否", "是不是", "有没有"].contains { text.contains($0) }
    }

    /// The subject a "done" phrase is said of, when it only names the problem: the clause up to
    /// 问题 / 情况 / 故障 right before the phrase ("冰箱温度告警的问题已解决"), or a clause that ends in
    /// issue / problem / 问题 beside it ("Done — refund approval button issue."). Naming the
    /// problem back says nothing about what was found or done.
    static func skipRestatedSubject(_ t: LintText, _ done: [Range<Int>], _ skip: inout [Bool]) {
        let nouns: [[Unicode.Scalar]] = ["问题", "情况", "故障", "issue", "problem", "issues", "problems"].map { Array($0.unicodeScalars) }
        func endsWithNoun(_ end: Int, from start: Int) -> Bool {
            nouns.contains { n in
                end - n.count >= start && Array(t.scalars[(end - n.count)..<end]) == n
            }
        }
        for c in t.clauseRanges {
            let bare = PhraseLint.bare(t.scalars, c)
            // A clause that ends naming the problem, with no cause in it ("refund approval button
            // issue"; not "the cause was a DNS problem").
            if endsWithNoun(bare.upperBound, from: bare.lowerBound) {
                let text = t.slice(bare)
                if !["原因", "因为", "由于", "导致", "是", "cause", "because", "due to", "was", "were"].contains(where: { text.contains($0) }) {
                    for k in bare { skip[k] = true }
                    continue
                }
            }
            // The subject right before a done phrase in the same clause (已/已经 between).
            for d in done where c.contains(d.lowerBound) {
                var end = d.lowerBound
                for w in ["已经", "已", "都", "均", "has been", "have been", "was", "is"] {
                    let ws = Array(w.unicodeScalars)
                    if end - ws.count >= c.lowerBound && Array(t.scalars[(end - ws.count)..<end]) == ws { end -= ws.count; break }
                }
                while end > c.lowerBound && t.scalars[end - 1] == " " { end -= 1 }
                if endsWithNoun(end, from: c.lowerBound) {
                    for k in c.lowerBound..<end { skip[k] = true }
                }
            }
        }
    }

    /// Whether a clause only names the subject: it opens with 关于 / regarding / about and ends
    /// with 问题 / issue / problem / request / 情况.
    static func restates(_ clause: String) -> Bool {
        let c = ReplyFrame.stripEnd(LintText.key(clause).trimmed)
        guard c.unicodeScalars.count <= 40 else { return false }
        let opens = ["关于", "对于", "针对", "regarding", "about your", "with regard to", "concerning", "re:"].contains { c.hasPrefix($0) }
        let ends = ["问题", "情况", "事宜", "issue", "problem", "request", "query", "ticket"].contains { c.hasSuffix($0) }
        return opens && ends
    }

    /// Endings of a clause that make it an address ("李工", "王老师").
    static let addressSuffixes = ["工", "老师", "经理", "总"]
    static let addressSuffixScalars = addressSuffixes.map { Array($0.unicodeScalars) }

    // MARK: checks

    /// Why a public reply cannot be sent: taboo phrases with a politer wording, a reply with no
    /// content or a lone "?", one that says only "done" or brushes the requester off in some
    /// words, a holding reply that agrees no time (HoldingReply.swift), or one the reply model
    /// reads as such (ReplyModel.swift). Empty when it may go.
    public func review(reply typed: String) -> [Finding] {
        // Quoted history under the reply is others' words (MailText); the greeting and sign-off
        // say nothing to the problem (ReplyFrame). A one-line reply has no frame lines to take
        // off, only a sign-off sentence at its end; a frame-only reply is short.
        let reply = MailText.ownPart(typed)
        let multiline = reply.utf8.contains(0x0A)
        let t = LintText(multiline ? ReplyFrame.body(reply) : ReplyFrame.withoutTrailingSignOff(reply))
        let found = matches(in: t)
        var out = taboos(found, t)
        if let p = TemplatePlaceholder.first(in: reply) {
            out.append(
                Finding(
                    family: nil, typed: p,
                    message: "the reply still holds a template placeholder (\(p)); write what it stands for before sending (seed 004 BRT回复规范)"))
        }
        if !PhraseLint.hasWords(t) || (reply.utf8.count <= ReplyFrame.maxFrameReply && ReplyFrame.isFrameOnly(reply)) {
            let q = t.scalars.contains("?")
            out.append(
                Finding(
                    family: nil, typed: "",
                    message: q
                        ? "a reply of only \"?\" is forbidden (seed 004 禁止使用“?”回复); ask what you need to know in words"
                        : "the reply has no content (only punctuation, digits or filler); say what you found, did or need"))
            return out
        }
        // A "done" word inside a question asks, it does not claim ("请问问题是否已恢复？").
        let clauses = t.clauseRanges
        let vague = found.filter { m in
            m.own && families[m.family].kind == .vague && !(clauses.first { $0.contains(m.range.lowerBound) }.map { PhraseLint.asks(t, $0) } ?? false)
        }
        if !vague.isEmpty {
            // "Done" beside only a vague account of the work ("后台帮您调了一下，应该可以了",
            // "changed something on the server side, should be fine") is still only "done".
            var skip = skipMask(t, found)
            PhraseLint.skipWords(PhraseLint.vagueWorkMatcher, t, &skip)
            PhraseLint.skipTicketNumbers(t, &skip)
            PhraseLint.skipRestatedSubject(t, vague.map(\.range), &skip)
            let info = PhraseLint.information(t, skip: skip)
            if info.units < PhraseLint.gistLeftover {
                let f = families[vague[0].family]
                out.append(
                    Finding(
                        family: f, typed: t.original(vague[0].range),
                        message:
                            "\"\(t.original(vague[0].range))\" alone (\(f.canonical) and the like) is too vague to reply with (\(f.seed ?? "seed 004 BRT回复规范")); say what was found, what was done and the result"
                    ))
            }
        }
        // A reply already refused by a family needs no second reason; otherwise read its gist.
        if out.isEmpty, let g = gist(t, found) {
            out.append(Finding(family: nil, typed: t.original(0..<t.scalars.count), message: "the reply " + g.message))
        }
        if out.isEmpty, holdsWithoutTime(t, found) {
            out.append(
                Finding(
                    family: nil, typed: t.original(0..<t.scalars.count),
                    message: "the reply only says the request is in hand, with no time (seed 004: 约定可能的回复时间，并在约定的回复时间内给予回复); "
                        + "say when you will reply next, or who has it and by when"))
        }
        // Last, the reply read whole (ReplyModel): new wordings of blame, brush-off and "done".
        // Not where the families have already read the wording closely — a phrase quoted,
        // denied or made conditional ("并不是您没说清楚", 报错是“我不知道…”, "不是您电脑的问题"), which n-grams cannot
        // tell from the phrase itself — nor beside a concrete step (a number, a real question,
        // "I've reproduced it") or a step promised at a time ("I'll be with you in a moment").
        if out.isEmpty, let model, !found.contains(where: { !$0.own }), !PhraseLint.deniesBlame(t), !PhraseLint.ownsFault(t),
            !PhraseLint.namesAConcreteStep(t), !PhraseLint.promisesATime(t),
            let p = model.refusal(reply), p.confidence >= modelThreshold
        {
            out.append(
                Finding(
                    family: nil, typed: reply,
                    message: "the reply reads like the replies the service standard refuses: blame, a brush-off or a bare \"done\" "
                        + "(seed 004 服务忌语, BRT回复规范; reply model, " + Classifier.describe(p.confidence, p.evidence, what: "weighing most")
                        + "); say what you found, what you did or will do, and when"))
        }
        return out
    }

    /// Fillers that make no reply: "嗯?", "um??", "what?".
    static let fillers: Set<String> = [
        "um", "umm", "uh", "uhh", "hmm", "hm", "mm", "mmm", "er", "erm", "eh", "huh", "ah", "oh", "emm", "em", "what", "eh",
        "哈", "额", "啥", "什么", "咦", "噢", "哎", "唉", "嘿", "喂", "哼",
        // A connective asked alone ("所以?", "And?") asks nothing: a lone "?" with a word before it.
        "so", "and", "then", "well", "所以", "然后", "那", "那么", "所以呢", "然后呢", "那又怎样", "呢", "嗯", "哦", "啊",
        // "What do you mean?" asked alone asks for nothing in particular.
        "啥意思", "什么意思", "啥情况", "什么情况", "咋回事", "怎么回事", "咋了", "怎么了",
        // ...and in English words, each a filler only where the reply has nothing else: "huh?
        // what do you mean", "Sorry, what is this?", "Come again?".
        "do", "you", "mean", "by", "is", "it", "this", "that", "sorry", "pardon", "come", "again", "exactly",
    ]

    /// Whether the text has a word that is neither a number nor a filler.
    static func hasWords(_ t: LintText) -> Bool {
        let s = t.scalars
        var i = 0
        while i < s.count {
            guard LintText.isContent(s[i]) else {
                i += 1
                continue
            }
            var j = i
            while j < s.count && LintText.isContent(s[j]) { j += 1 }
            if !fillerTable.contains(s, i..<j) && !(i..<j).allSatisfy({ isNumeric(s[$0]) }) { return true }
            i = j
        }
        return false
    }

    /// What a resolution field must say, by field name (cause, solution, result).
    static let wanted: [String: String] = [
        "cause": "say what failed and why (the component, setting or event)",
        "solution": "say what was done, to what",
        "result": "say what works now, as the requester sees it",
    ]

    /// Why `text` cannot stand as resolution field `field` (cause, solution or result): taboo
    /// phrases, an unknown cause, keyboard mash, or too little information once vague phrases
    /// and filler are taken out. Empty when it may stand.
    public func review(field: String, _ text: String) -> [Finding] { reviewKeyed(field: field, text).findings }

    /// `review(field:)` with the text's key form (LintText.key), which `repeatedFields` compares.
    func reviewKeyed(field: String, _ text: String) -> (findings: [Finding], key: String) {
        let t = LintText(text)
        return (review(field: field, t, text), t.text)
    }

    func review(field: String, _ t: LintText, _ text: String) -> [Finding] {
        let found = matches(in: t)
        var out = taboos(found, t)
        let want = PhraseLint.wanted[field] ?? "say what it was"
        if t.scalars.isEmpty {
            out.append(Finding(family: nil, typed: "", message: "it is empty; " + want))
            return out
        }
        if let p = TemplatePlaceholder.first(in: text) {
            out.append(Finding(family: nil, typed: p, message: "'\(text.trimmed)' still holds a template placeholder (\(p)); " + want))
            return out
        }
        if let u = found.first(where: { $0.own && families[$0.family].kind == .unknownCause }) {
            let f = families[u.family]
            out.append(
                Finding(
                    family: f, typed: t.original(u.range),
                    message: "\"\(t.original(u.range))\" gives up on the cause (\(f.canonical) and the like); \(want), or keep the ticket open until it is known"))
            return out
        }
        var skip = skipMask(t, found)
        PhraseLint.skipWords(PhraseLint.corporateWorkMatcher, t, &skip)
        let info = PhraseLint.information(t, skip: skip)
        if info.units < PhraseLint.minimumUnits(for: field) {
            if let v = found.first(where: { $0.own && families[$0.family].kind == .vague }) {
                let f = families[v.family]
                out.append(
                    Finding(
                        family: f, typed: t.original(v.range),
                        message: "'\(text.trimmed)' is vague (\"\(t.original(v.range))\": \(f.canonical) and the like, \(f.seed ?? "seed 004")); \(want)"))
            } else if !info.mash.isEmpty {
                out.append(
                    Finding(
                        family: nil, typed: info.mash.joined(separator: " "),
                        message: "'\(text.trimmed)' looks like keyboard mash (\(info.mash.joined(separator: ", "))); \(want)"))
            } else {
                out.append(Finding(family: nil, typed: "", message: "'\(text.trimmed)' says too little; \(want)"))
            }
        }
        return out
    }

    /// The resolution fields (cause, solution, result, in that order) that only repeat an
    /// earlier one, read alike after normalisation: a title pasted into all three says what was
    /// wrong, not why, what was done or what works now (seed 004 BRT回复规范: 原因、解决方案、结果).
    /// Each with the message for that field; fields that are empty are left to `review(field:)`.
    public static func repeatedFields(_ fields: [(field: String, text: String)]) -> [(field: String, message: String)] {
        repeatedFields(keys: fields.map { (field: $0.field, key: LintText.key($0.text)) })
    }

    /// `repeatedFields` over the fields' key forms, already made (check keeps them with its
    /// remembered reviews).
    static func repeatedFields(keys fields: [(field: String, key: String)]) -> [(field: String, message: String)] {
        var out: [(field: String, message: String)] = []
        var seen: [(field: String, key: String)] = []
        for f in fields {
            let key = f.key
            guard !key.isEmpty else { continue }
            if let first = seen.first(where: { $0.key == key }) {
                out.append((f.field, "repeats the \(first.field) word for word; \(wanted[f.field] ?? "say what it was")"))
            } else {
                seen.append((f.field, key))
            }
        }
        return out
    }

    func taboos(_ found: [Match], _ t: LintText) -> [Finding] {
        var out: [Finding] = []
        var seen: Set<Int> = []
        for m in found where m.own && families[m.family].kind == .taboo && !seen.contains(m.family) {
            seen.insert(m.family)
            let f = families[m.family]
            let typed = t.original(m.range)
            var msg = "\"\(typed)\" is a service taboo phrase (\(f.seed ?? "seed 004 服务忌语"): \(f.canonical))"
            if let s = f.suggestion { msg += "; say instead: \"\(s)\"" }
            out.append(Finding(family: f, typed: typed, message: msg))
        }
        return out
    }
}
