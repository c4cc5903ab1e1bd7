// Classifier: the policy's classification rules compiled into one keyword matcher, and the
// decision they make for a ticket's text (seed 000 §二.(一).3 priority criteria; SPEC §4).
// Every rule's keywords go into a single automaton over the normalised text (TextNormalizer:
// full-width, traditional characters and case read alike), so one pass over title and
// description finds all rules at once, however many there are; keyword ids map back to rules.
// A keyword of a rule that sets a priority does not count inside a negated clause ("did not
// crash", "没有崩溃"): negation changes whether something happened, not what it is about, so
// category keywords count either way. Rules with `requires` combine others (scope x effect).
// The category is the one with the strongest evidence (the summed weight of its distinct
// keywords found, longer keywords weighing more), not the first hit.
// A rule with `within` asks for its first two required rules near each other, in one clause
// and in that order (a quantifier then a group noun: "every ... scanner", "## ppl"; 门店 then
// 都): their keywords are kept with their places, are not negation-checked one by one
// ("不少门店" is no denial), and the pair counts unless the clause before it is negated ("not
// all stores"). With `any_order` the pair may come either way round ("password was entered",
// "a failed disk"). A rule with `masks` hides the text its keywords cover from every other rule:
// a greeting such as "Hello everyone," or "大家好" says nothing about who is affected.

/// Decides priority, category and tags from a ticket's text under one policy.
public struct Classifier: Sendable {
    public let policy: Policy
    let matcher: KeywordMatcher
    /// Rule index of each keyword id of `matcher`.
    let ruleOfKeyword: [Int]
    /// The keyword as the policy spells it, per keyword id.
    let keywordText: [String]
    /// Evidence weight per keyword id: its length, a Chinese character counting 2.
    let weight: [Int]
    /// Whether a keyword's rule sets a priority (its matches are checked for negation).
    let negatable: [Bool]
    /// Whether a keyword's rule reports a security risk (its matches do not count inside a
    /// yes/no question that guesses: "是不是被黑了？").
    let guessable: [Bool]
    /// For each rule, the indices of the rules it requires and of those it must not have.
    let needs: [(all: [Int], none: [Int])]
    /// Per rule: whether its keywords' places are kept, for a rule with `within`.
    let placed: [Bool]
    /// Per keyword id: whether it belongs to a masking rule (its span hides other keywords).
    let masking: [Bool]
    /// Whether any rule masks (otherwise the masking pass is skipped).
    let anyMask: Bool

    /// The learnt model the policy names, if any (`desk classify --learn`).
    public let model: TriageModel?

    /// Compiles every rule's keywords once; `model` answers where no rule does.
    public init(policy: Policy, model: TriageModel? = nil) {
        self.policy = policy
        self.model = model
        var keywords: [String] = []
        var owner: [Int] = []
        var texts: [String] = []
        var weights: [Int] = []
        var neg: [Bool] = []
        var guess: [Bool] = []
        var masking: [Bool] = []
        let rules = policy.classification.rules
        var placed = [Bool](repeating: false, count: rules.count)
        for r in rules where r.within != nil {
            for id in r.requires.prefix(2) {
                if let j = rules.firstIndex(where: { $0.id == id }) { placed[j] = true }
            }
        }
        self.placed = placed
        for (i, rule) in rules.enumerated() {
            for k in rule.keywords {
                // "##" (a number of ten or more, see numbersAsHash) is kept: folding would
                // collapse the repeated mark to "#", any number.
                let folded = k.hasPrefix("##") ? "##" + TextNormalizer.fold(String(k.dropFirst(2))) : TextNormalizer.fold(k)
                // People type "cant", "doesnt", "wasnt me": a keyword with an apostrophe inside a
                // word also matches without it.
                for form in [folded] + Classifier.withoutApostrophes(folded) {
                    keywords.append(form)
                    owner.append(i)
                    texts.append(k)
                    weights.append(form.unicodeScalars.reduce(0) { $0 + (TextNormalizer.isHan($1) ? 2 : 1) })
                    // Category-only rules say what a ticket is about; every other rule says what happened.
                    neg.append((rule.priority != nil || rule.category == nil) && !placed[i] && !rule.masks)
                    // Only a security risk: a question about a fault ("is the wallboard meant to
                    // show 0?") still reports the fault (measured: the guess check on every rule
                    // lost as many labelled tickets as it won).
                    guess.append(rule.priority != nil && rule.category == "security" && !placed[i] && !rule.masks)
                    masking.append(rule.masks)
                }
            }
        }
        matcher = KeywordMatcher(keywords)
        ruleOfKeyword = owner
        keywordText = texts
        weight = weights
        negatable = neg
        guessable = guess
        self.masking = masking
        anyMask = masking.contains(true)
        var needs: [(all: [Int], none: [Int])] = []
        for r in rules {
            var all: [Int] = []
            var none: [Int] = []
            for id in r.requires {
                let unless = id.hasPrefix("!")
                let name = unless ? String(id.dropFirst()) : id
                if let j = rules.firstIndex(where: { $0.id == name }) {
                    if unless { none.append(j) } else { all.append(j) }
                }
            }
            needs.append((all, none))
        }
        self.needs = needs
    }

    /// `keyword` without the apostrophes that stand between two letters ("can't" -> "cant"), as
    /// a one-element list, or empty when it has none.
    static func withoutApostrophes(_ keyword: String) -> [String] {
        let u = Array(keyword.unicodeScalars)
        func letter(_ i: Int) -> Bool { i >= 0 && i < u.count && u[i].properties.isAlphabetic }
        let drop = u.indices.filter { u[$0] == "'" && letter($0 - 1) && letter($0 + 1) }
        guard !drop.isEmpty else { return [] }
        return [TextNormalizer.string(u.indices.filter { !drop.contains($0) }.map { u[$0] }[...])]
    }

    /// A rule that matched, with the keyword that counts for it (for the reason).
    public struct Hit: Sendable, Equatable {
        public var rule: Policy.Rule
        /// The first of the rule's keywords found (policy order), or for a rule that only
        /// combines others, the evidence of those: `scope_org 'whole office' x effect 'cannot'`.
        public var keyword: String
        /// The summed weight of the rule's distinct keywords found (0 for a combining rule).
        public var weight: Int = 0
    }

    /// Where the priority came from.
    public enum Source: Sendable, Equatable {
        /// Set by hand (`classify --priority`), kept on later runs.
        case manual(by: String, reason: String)
        /// The impact x urgency matrix.
        case matrix(impact: Priority, urgency: Priority)
        /// The highest priority among the matched rules; these rules gave it.
        case rules([Hit])
        /// No rule set a priority; the learnt model did, with this confidence and evidence.
        case model(confidence: Double, evidence: [String])
        /// The rules gave another priority (these hits); the model's answer stood over theirs
        /// (`model_first`, a high at or above `model_raise`, or a medium over a question's form
        /// alone), with this confidence and evidence.
        case overruled(confidence: Double, evidence: [String], over: [Hit])
        /// No rule set a priority: the policy default.
        case fallback
    }

    /// The classification of one ticket.
    public struct Decision: Sendable, Equatable {
        public var priority: Priority
        public var source: Source
        /// The category with the strongest evidence among the matched rules.
        public var category: String?
        /// The strongest rule of the category, for the reason.
        public var categoryHit: Hit?
        /// The model's category prediction when no rule gave a category, or only weak evidence.
        public var categoryModel: TriageModel.Prediction? = nil
        /// The rule whose weak category the model's answer replaced, for the reason.
        public var categoryOverruled: Hit? = nil
        /// Tags of the matched rules, in rule order, each once.
        public var tags: [String]
        /// Every matched rule, in policy order.
        public var hits: [Hit]
        /// The holding rule that kept the learnt model's high from being taken, with the
        /// model's confidence, for the reason.
        public var heldBack: HeldBack? = nil
        /// What the model's evidence is, as the reason names it: "words" (a words model) or
        /// "n-grams" (a character model).
        public var modelEvidence = "n-grams"

        /// A high the learnt model said and a holding rule kept back.
        public struct HeldBack: Sendable, Equatable {
            public var rule: Hit
            public var confidence: Double
        }

        /// The ids of the matched rules that set something (a priority, a category or tags), in
        /// policy order; evidence-only rules (scope, data nouns) are left out.
        public var ruleIds: [String] {
            hits.filter { $0.rule.priority != nil || $0.rule.category != nil || !$0.rule.tags.isEmpty }.map(\.rule.id)
        }

        /// A sentence saying why the ticket got its priority, category and tags.
        public var reason: String {
            var parts: [String] = []
            func quoted(_ h: Hit) -> String { h.rule.keywords.isEmpty ? "\(h.rule.id) (\(h.keyword))" : "\(h.rule.id) ('\(h.keyword)')" }
            switch source {
            case .manual(let by, let why):
                parts.append("priority \(priority.rawValue) set by hand by \(by): \(why)")
            case .matrix(let impact, let urgency):
                parts.append("priority \(priority.rawValue) from impact \(impact.rawValue) x urgency \(urgency.rawValue) by the policy matrix")
            case .rules(let given):
                let names = given.map(quoted).joined(separator: ", ")
                parts.append("priority \(priority.rawValue) from rule\(given.count == 1 ? "" : "s") \(names)")
            case .model(let confidence, let evidence):
                parts.append("priority \(priority.rawValue) from the learnt model (\(Classifier.describe(confidence, evidence, what: modelEvidence)))")
            case .overruled(let confidence, let evidence, let over):
                let lower = over.first?.rule.priority?.rawValue ?? "?"
                parts.append(
                    "priority \(priority.rawValue) from the learnt model (\(Classifier.describe(confidence, evidence, what: modelEvidence))), over \(lower) from rule\(over.count == 1 ? "" : "s") \(over.map(quoted).joined(separator: ", "))")
            case .fallback:
                parts.append((hits.isEmpty ? "no rule matched" : "no priority rule matched") + "; default priority \(priority.rawValue)")
            }
            if let h = heldBack {
                parts.append("the learnt model's high (\(Classifier.describe(h.confidence, []))) held back by rule \(quoted(h.rule))")
            }
            if let c = category, let h = categoryHit {
                parts.append("category \(c) from rule \(quoted(h))")
            } else if let c = category, let m = categoryModel {
                parts.append(
                    "category \(c) from the learnt model (\(Classifier.describe(m.confidence, m.evidence, what: modelEvidence)))"
                        + (categoryOverruled.map { h in ", over \(h.rule.category ?? "?") from rule \(quoted(h))" } ?? ""))
            }
            if !tags.isEmpty { parts.append("tags " + tags.joined(separator: ", ")) }
            return parts.joined(separator: "; ")
        }
    }

    /// The rules that fire for `title` and `description`, in policy order.
    public func hits(title: String?, description: String?) -> [Hit] {
        hits(Folded(title, description))
    }

    /// A ticket's title and description folded once (TextNormalizer.fold), for the rules and
    /// the model alike.
    struct Folded {
        let title: String?
        let description: String?
        init(_ title: String?, _ description: String?) {
            self.title = title.map(TextNormalizer.fold)
            self.description = description.map { TextNormalizer.fold(MailText.withoutDisclaimers($0)) }
        }
        /// What the rules read: a newline between the two keeps a keyword from spanning them.
        var forRules: String? {
            switch (title, description) {
            case (let t?, let d?): return t + "\n" + d
            case (let t?, nil): return t
            case (nil, let d?): return d
            case (nil, nil): return nil
            }
        }
        /// What the model reads: `fold(modelText(title, description))`, which is the non-empty
        /// folded parts joined by a newline (folding trims ends and turns a white-space run
        /// holding a line break into one line break, so folding the parts first is the same).
        var forModel: String {
            switch (title ?? "", description ?? "") {
            case ("", let d): return d
            case (let t, ""): return t
            case (let t, let d): return t + "\n" + d
            }
        }
    }

    /// The rules that fire for a folded title and description, in policy order.
    func hits(_ f: Folded) -> [Hit] {
        guard let folded = f.forRules else { return [] }
        let text = Classifier.numbersAsHash(folded)
        let rules = policy.classification.rules
        var firstKeyword = [Int?](repeating: nil, count: rules.count)
        var weightOfRule = [Int](repeating: 0, count: rules.count)
        var seen = [Bool](repeating: false, count: matcher.keywords.count)
        let bytes = Array(text.utf8)
        // Places of the keywords of rules a `within` rule pairs (empty unless one is found).
        var places: [(rule: Int, keyword: Int, range: Range<Int>)] = []
        let found = matcher.occurrences(in: text)
        // Spans hidden by masking keywords (greetings), found first: a masked keyword may end
        // before the mask does ("大家" in "大家好").
        var masked: [Range<Int>] = []
        if anyMask {
            for o in found where masking[o.id] && Classifier.endsWell(bytes, o.range) { masked.append(o.range) }
        }
        for o in found {
            let k = o.id
            if masking[k] { continue }
            if !masked.isEmpty && masked.contains(where: { $0.lowerBound <= o.range.lowerBound && o.range.upperBound <= $0.upperBound }) {
                continue
            }
            let placedRule = placed[ruleOfKeyword[k]]
            if seen[k] && !placedRule { continue }
            if !Classifier.endsWell(bytes, o.range) || Classifier.isAnswerQuestion(bytes, o.range) { continue }
            if Classifier.isQuotedMark(bytes, o.range) { continue }
            if negatable[k] && Negation.isNegated(bytes, before: o.range.lowerBound) { continue }
            if guessable[k] && Negation.isGuessed(bytes, o.range) { continue }
            if placedRule { places.append((ruleOfKeyword[k], k, o.range)) }
            if seen[k] { continue }
            seen[k] = true
            let r = ruleOfKeyword[k]
            if firstKeyword[r] == nil || k < (firstKeyword[r] ?? k) { firstKeyword[r] = k }
            weightOfRule[r] += weight[k]
        }
        var fired = [Bool](repeating: false, count: rules.count)
        var out: [Hit] = []
        for (r, rule) in rules.enumerated() {
            let n = needs[r]
            guard n.all.allSatisfy({ fired[$0] }), !n.none.contains(where: { fired[$0] }) else { continue }
            if let w = rule.within, n.all.count >= 2 {
                guard let pair = Classifier.nearPair(places, n.all[0], n.all[1], within: w, bytes)
                    ?? (rule.anyOrder ? Classifier.nearPair(places, n.all[1], n.all[0], within: w, bytes).map { ($0.1, $0.0) } : nil)
                else { continue }
                fired[r] = true
                let evidence = "\(rules[n.all[0]].id) '\(keywordText[pair.0])' ~ \(rules[n.all[1]].id) '\(keywordText[pair.1])'"
                let rest = n.all.dropFirst(2).compactMap { j in out.first { $0.rule.id == rules[j].id } }
                    .map { " x " + Classifier.evidence($0) }
                out.append(Hit(rule: rule, keyword: evidence + rest.joined()))
            } else if let k = firstKeyword[r] {
                fired[r] = true
                out.append(Hit(rule: rule, keyword: keywordText[k], weight: weightOfRule[r]))
            } else if rule.keywords.isEmpty && !n.all.isEmpty {
                fired[r] = true
                let evidence = n.all.compactMap { j in out.first { $0.rule.id == rules[j].id } }
                    .map(Classifier.evidence).joined(separator: " x ")
                out.append(Hit(rule: rule, keyword: evidence))
            }
        }
        return out
    }

    /// A required rule's evidence in a combining rule's reason: "malfunction 'down'", or for a
    /// rule that itself combines others, "scope_group (group_quant 'all' ~ group_noun 'store')".
    static func evidence(_ h: Hit) -> String {
        h.rule.keywords.isEmpty ? "\(h.rule.id) (\(h.keyword))" : "\(h.rule.id) '\(h.keyword)'"
    }

    /// The keyword ids of the first keyword of rule `a` followed, at most `w` bytes after its
    /// end and in the same clause, by a keyword of rule `b` ("printer broke after all" is no
    /// "all printers"), when the clause before the pair is not negated; nil when there is none.
    static func nearPair(
        _ places: [(rule: Int, keyword: Int, range: Range<Int>)], _ a: Int, _ b: Int, within w: Int, _ bytes: [UInt8]
    ) -> (Int, Int)? {
        for x in places where x.rule == a {
            for y in places where y.rule == b {
                let (first, second) = (x.range, y.range)
                let gap = second.lowerBound - first.upperBound
                guard gap >= 0, gap <= w else { continue }
                // One clause: no , . ! ? ; or line break between ("Hi all, the projector…" is no
                // "all projectors"; "，" reads "," by now, and "." or "," in a number is a "#").
                let between = bytes[first.upperBound..<second.lowerBound]
                if between.contains(where: { $0 == 0x2C || $0 == 0x2E || $0 == 0x21 || $0 == 0x3F || $0 == 0x3B || $0 == 0x0A }) {
                    continue
                }
                // 。 is E3 80 82.
                let fullStop = between.indices.contains { i in
                    i + 2 < second.lowerBound && bytes[i] == 0xE3 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x82
                }
                if fullStop { continue }
                // "each other", "all other PCs": the rest, or one another, not the ones affected.
                if between.starts(with: Classifier.otherWord) { continue }
                if Negation.isNegated(bytes, before: first.lowerBound) { continue }
                // "同办公室其他同事均安装正常", "all the stores are fine": the ones named are the
                // ones not affected.
                if Classifier.clauseSaysFine(bytes, from: second.upperBound) { continue }
                return (x.keyword, y.keyword)
            }
        }
        return nil
    }

    /// Whether the rest of the clause from byte `from` (up to the clause marks of
    /// `Negation.endsClause`, commas included, at most 45 bytes) says that what it names works: 正常, 没问题, 是好的, 都好, 没事, "fine",
    /// "normal", "ok", "unaffected". 正常 after a negator or a failure word in the two characters
    /// before it ("无法正常", "不能正常", "不正常") and an English word after "not" or "n't" do
    /// not count.
    static func clauseSaysFine(_ bytes: [UInt8], from: Int) -> Bool {
        // The clause's end: the first byte of the first mark after `from` (a 。 or 、 is found at
        // its last byte and cut back to its first).
        var e = from
        while e < bytes.count && e - from < 45 {
            if Negation.endsClause(bytes, before: e + 1, commas: true) {
                if bytes[e] >= 0x80 { e = max(from, e - 2) }
                break
            }
            e += 1
        }
        guard e > from else { return false }
        let window = bytes[from..<e]
        for w in fineWords {
            var k = from
            while k < e, let r = window[k...].firstRange(of: w) {
                k = r.upperBound
                let latin = w[0] < 0x80
                if latin {
                    // A whole word, not after "not" / "n't".
                    func letter(_ i: Int) -> Bool { i >= 0 && i < bytes.count && (bytes[i] | 0x20) >= 0x61 && (bytes[i] | 0x20) <= 0x7A }
                    if letter(r.lowerBound - 1) || letter(r.upperBound) { continue }
                    let back = bytes[max(from, r.lowerBound - 8)..<r.lowerBound]
                    if back.firstRange(of: Classifier.notWord) != nil || back.firstRange(of: Classifier.ntWord) != nil { continue }
                } else {
                    let back = bytes[max(from, r.lowerBound - 6)..<r.lowerBound]
                    if Classifier.fineNegators.contains(where: { back.firstRange(of: $0) != nil }) { continue }
                }
                return true
            }
        }
        return false
    }
    static let fineWords: [[UInt8]] = ["正常", "没问题", "是好的", "都好", "没事", "fine", "normal", "normally", "ok", "okay", "unaffected"].map { Array($0.utf8) }
    static let fineNegators: [[UInt8]] = ["不", "无", "没", "未", "非"].map { Array($0.utf8) }
    static let notWord = Array("not ".utf8)
    static let ntWord = Array("n't ".utf8)

    /// " other" right after a quantifier (see `nearPair`).
    static let otherWord = Array(" other".utf8)

    /// The text with every number read as one "#", so a keyword can say "any number": "# users",
    /// "#人", "all # designers" reads "all #"; a number of ten or more reads "##", so a keyword
    /// can say "many" ("## ppl" and "二十几家" read "## ppl", "##家"; "# users" still matches).
    /// A number is a run of ASCII digits (with , or . inside), or of Chinese numerals of two or
    /// more (四十五, 三百) or one of 十 百 千 万 几 alone (a lone 一 or 五 is left: 一直, 五楼); it is
    /// ten or more with two digits before any "." (not starting with 0, not written onto a
    /// letter as in "B12", not seven digits or more without a separator), or with 十 百 千 万.
    /// One pass over the bytes; the text is copied only when it holds a number.
    static func numbersAsHash(_ s: String) -> String {
        var s = s
        // Read in place (no copy of the text unless it holds a number).
        return s.withUTF8 { numbersAsHash(bytes: $0) } ?? s
    }

    /// `numbersAsHash` over UTF-8 bytes: the new text, or nil when there is no number.
    static func numbersAsHash(bytes u: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        // Bytes before `plain` are in `out`; the run from `plain` is copied in one go when a
        // number ends it (a byte at a time was most of this function's cost).
        var plain = 0
        var i = 0
        @inline(__always) func flush(_ upTo: Int) {
            if out.isEmpty { out.reserveCapacity(u.count + 8) }
            out.append(contentsOf: u[plain..<upTo])
        }
        while i < u.count {
            let b = u[i]
            if b >= 0x30 && b <= 0x39 {
                flush(i)
                let start = i
                var whole = 0
                var point = false
                var grouped = false
                while i < u.count && ((u[i] >= 0x30 && u[i] <= 0x39)
                    || ((u[i] == 0x2C || u[i] == 0x2E) && i + 1 < u.count && u[i + 1] >= 0x30 && u[i + 1] <= 0x39)) {
                    if u[i] == 0x2E { point = true } else if u[i] == 0x2C { grouped = true } else if !point { whole += 1 }
                    i += 1
                }
                out.append(0x23)
                // A number written onto a letter is a name, not a count ("room B12", "A320"); so
                // is a run of seven digits or more written without separators (a container, an
                // order or a phone number: "TGHU 9930012 for customer X" names no crowd).
                let named = start > 0 && ((u[start - 1] | 0x20) >= 0x61 && (u[start - 1] | 0x20) <= 0x7A)
                let code = whole >= 7 && !grouped
                if whole >= 2 && u[start] != 0x30 && !named && !code && !unitFollows(u, i) { out.append(0x23) }
                plain = i
                continue
            }
            if b >= 0xE4 && b <= 0xE9 && i + 2 < u.count, let kind = chineseNumeral(u[i], u[i + 1], u[i + 2]) {
                var j = i + 3
                var count = 1
                var big = kind == 2 && !(u[i] == 0xE5 && u[i + 1] == 0x87 && u[i + 2] == 0xA0)
                while j + 2 < u.count, let next = chineseNumeral(u[j], u[j + 1], u[j + 2]) {
                    // 十 百 千 万 make ten or more; 几 (E5 87 A0) alone is "a few".
                    if next == 2 && !(u[j] == 0xE5 && u[j + 1] == 0x87 && u[j + 2] == 0xA0) { big = true }
                    j += 3
                    count += 1
                }
                if count >= 2 || kind == 2 {
                    flush(i)
                    out.append(0x23)
                    if big && !unitFollows(u, j) { out.append(0x23) }
                    plain = j
                }
                i = j
                continue
            }
            i += 1
        }
        guard plain > 0 || !out.isEmpty else { return nil }
        flush(u.count)
        return String(decoding: out, as: UTF8.self)
    }

    /// Units that make a number a size, a time or a place rather than a count: `13" laptop`,
    /// "15-inch", "12楼的打印机", "24小时", "90%" are no crowd ("##" would read "many").
    static let units: [[UInt8]] = [
        "\"", "'", "%", "inch", "in", "gb", "mb", "tb", "kb", "ghz", "mhz", "hz", "px", "cm", "mm", "kg", "ms",
        "am", "pm", "h", "hr", "hrs", "hour", "min", "mins", "minute", "sec", "secs", "second", "day", "week",
        "month", "year", "yr", "th", "st", "nd", "rd", "f", "floor", "k", "x", "w", "v", "mbps", "gbps", "dpi", "fps",
        "寸", "英寸", "楼", "层", "号", "点", "时", "分", "秒", "年", "月", "日", "天", "岁", "度", "倍", "兆", "元",
        "小时", "分钟", "周", "寸屏", "栋",
    ].map { Array($0.utf8) }

    /// Whether a unit of `units` starts at `i` (after at most one space or "-"), ending a word.
    static func unitFollows(_ u: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var j = i
        if j < u.count && (u[j] == 0x20 || u[j] == 0x2D) { j += 1 }
        for unit in units where j + unit.count <= u.count {
            guard u[j..<(j + unit.count)].elementsEqual(unit) else { continue }
            let end = j + unit.count
            // A Latin unit must end its word ("in" is no unit in "## interns"); a Han one need not.
            if unit[0] >= 0x80 || !KeywordMatcher.isWordByte(unit[unit.count - 1]) { return true }
            if end == u.count || !KeywordMatcher.isWordByte(u[end]) || (end + 1 <= u.count && u[end] == 0x73 && (end + 1 == u.count || !KeywordMatcher.isWordByte(u[end + 1]))) { return true }
        }
        return false
    }

    /// 1 for a Chinese digit (零 一 二 两 三 ... 九), 2 for 十 百 千 万 几, nil otherwise; by UTF-8 bytes.
    @inline(__always) static func chineseNumeral(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int? {
        switch (UInt32(a) << 16) | (UInt32(b) << 8) | UInt32(c) {
        case 0xE99BB6, 0xE4B880, 0xE4BA8C, 0xE4B8A4, 0xE4B889, 0xE59B9B, 0xE4BA94, 0xE585AD, 0xE4B883, 0xE585AB, 0xE4B99D: return 1
        case 0xE58D81, 0xE799BE, 0xE58D83, 0xE4B887, 0xE587A0: return 2
        default: return nil
        }
    }

    /// English endings a keyword may run on into: "crash" finds "crashes", "crashed",
    /// "crashing", but "down" does not find "download" nor "hot" "hotspot".
    static let endings: [[UInt8]] = ["", "s", "es", "ed", "d", "ing", "er", "ers", "ly", "ping", "ped", "ning", "ged"].map { Array($0.utf8) }

    /// Whether a match that ends in a letter ends a word, allowing the endings above.
    static func endsWell(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        guard r.upperBound > r.lowerBound, KeywordMatcher.isWordByte(b[r.upperBound - 1]) else { return true }
        var j = r.upperBound
        while j < b.count && KeywordMatcher.isWordByte(b[j]) && b[j] != 0x23 { j += 1 }
        if j == r.upperBound { return true }
        let tail = Array(b[r.upperBound..<j])
        return endings.contains(tail)
    }

    /// Whether a match that is a lone punctuation mark ("?") stands inside quotation marks, right
    /// after an opening one or right before a closing one: `列名都变成了“???”` quotes what the
    /// screen shows, it asks nothing.
    static func isQuotedMark(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        guard r.count == 1, b[r.lowerBound] < 0x80, !KeywordMatcher.isWordByte(b[r.lowerBound]) else { return false }
        // “ = E2 80 9C, ” = E2 80 9D, 「 = E3 80 8C, 」 = E3 80 8D, 『 = E3 80 8E, 』 = E3 80 8F.
        func quoteEnding(at end: Int) -> Bool {
            if end >= 1 && (b[end - 1] == 0x22 || b[end - 1] == 0x27) { return true }
            guard end >= 3 else { return false }
            let (x, y, z) = (b[end - 3], b[end - 2], b[end - 1])
            return (x == 0xE2 && y == 0x80 && (z == 0x9C || z == 0x9D)) || (x == 0xE3 && y == 0x80 && (0x8C...0x8F).contains(z))
        }
        func quoteStarting(at start: Int) -> Bool {
            if start < b.count && (b[start] == 0x22 || b[start] == 0x27) { return true }
            guard start + 3 <= b.count else { return false }
            let (x, y, z) = (b[start], b[start + 1], b[start + 2])
            return (x == 0xE2 && y == 0x80 && (z == 0x9C || z == 0x9D)) || (x == 0xE3 && y == 0x80 && (0x8C...0x8F).contains(z))
        }
        return quoteEnding(at: r.lowerBound) || quoteStarting(at: r.upperBound)
    }

    /// Whether a match starting with 不 or 没 is the middle of an A不A question (能不能, 有没有,
    /// 是不是): a question, not a failure.
    static func isAnswerQuestion(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        // 不 = E4 B8 8D, 没 = E6 B2 A1; a Han character is 3 bytes here.
        let a = r.lowerBound
        guard a >= 3, a + 6 <= b.count else { return false }
        let neg = b[a..<(a + 3)]
        guard neg.elementsEqual([0xE4, 0xB8, 0x8D]) || neg.elementsEqual([0xE6, 0xB2, 0xA1]) else { return false }
        return b[(a - 3)..<a].elementsEqual(b[(a + 3)..<(a + 6)]) && (b[a - 3] & 0xF0) == 0xE0
    }

    /// Classifies a ticket's text. A manual priority wins; then impact x urgency when both are
    /// known; then the highest priority of the matched rules; then the policy default.
    public func decide(
        title: String?, description: String?, impact: Priority?, urgency: Priority?,
        manual: (priority: Priority, by: String, reason: String)? = nil
    ) -> Decision {
        let folded = Folded(title, description)
        let hits = hits(folded)
        // The model's text as scalars once, for both heads.
        let scalars: [Unicode.Scalar] = model == nil ? [] : Array(folded.forModel.unicodeScalars)
        // A words model's features, made once for both heads.
        let words: [UInt64]? = model.flatMap { $0.priority?.unit == .words || $0.category?.unit == .words ? TriageModel.wordKeys(scalars) : nil }
        let priority: Priority
        let source: Source
        // The text says the work goes on (a workaround in place, no impact): no model lifts it to high.
        let holder = hits.first { $0.rule.holds }
        var heldBack: Decision.HeldBack? = nil
        // The most urgent priority a matched rule gives.
        let rulesBest = hits.compactMap(\.rule.priority).min(by: { Classifier.rank($0) < Classifier.rank($1) })
        if let m = manual {
            priority = m.priority
            source = .manual(by: m.by, reason: m.reason)
        } else if let impact, let urgency, let p = policy.classification.matrix[impact]?[urgency] {
            priority = p
            source = .matrix(impact: impact, urgency: urgency)
        } else if let first = modelFirst(scalars, words, over: rulesBest), let level = Priority(rawValue: first.label) {
            // The model comes first (`model_first`): its answer stands, named over the rules'
            // where they said otherwise; where they agree, the rules' keywords are the reason.
            // A holding rule does not keep it back: holding guards the lift `model_raise` gives
            // at its lower bar, and measured on blind63/64 it only lost a high (a real outage
            // with "it'd be nice" added).
            let given = rulesBest.map { best in hits.filter { $0.rule.priority == best } } ?? []
            priority = level
            if rulesBest == level {
                source = .rules(given)
            } else if given.isEmpty {
                source = .model(confidence: first.confidence, evidence: first.evidence)
            } else {
                source = .overruled(confidence: first.confidence, evidence: first.evidence, over: given)
            }
        } else if let best = rulesBest {
            let given = hits.filter { $0.rule.priority == best }
            if best != .high, holder == nil, let raise = raised(scalars, words) {
                priority = .high
                source = .overruled(confidence: raise.confidence, evidence: raise.evidence, over: given)
            } else if best == .low, given.count == 1, given[0].weight <= Classifier.weakLowEvidence, let lift = liftedFromWeakLow(scalars, words),
                let level = Priority(rawValue: lift.label)
            {
                priority = level
                source = .overruled(confidence: lift.confidence, evidence: lift.evidence, over: given)
            } else {
                priority = best
                source = .rules(given)
            }
            if priority != .high, let h = holder, let raise = raised(scalars, words) { heldBack = .init(rule: h, confidence: raise.confidence) }
        } else if let m = model, let head = m.priority,
            let p = m.predict(head, scalars: scalars, words: words, explainIf: { modelAnswers($0, $1) }),
            modelAnswers(p.label, p.confidence), let level = Priority(rawValue: p.label)
        {
            if level == .high, let h = holder {
                // A high the model said where no rule gave a priority, kept back.
                heldBack = .init(rule: h, confidence: p.confidence)
                priority = policy.classification.defaultPriority
                source = .fallback
            } else {
                priority = level
                source = .model(confidence: p.confidence, evidence: p.evidence)
            }
        } else {
            priority = policy.classification.defaultPriority
            source = .fallback
        }
        // Strongest evidence: the category whose rules' keywords weigh most; ties go to the
        // category listed first in the policy.
        var score: [String: Int] = [:]
        for h in hits { if let c = h.rule.category { score[c, default: 0] += h.weight } }
        var category: String? = nil
        for c in policy.classification.categories where (score[c] ?? 0) > (category.flatMap { score[$0] } ?? 0) { category = c }
        if category == nil { category = hits.first { $0.rule.category != nil }?.rule.category }
        var categoryHit = hits.filter { $0.rule.category == category && category != nil }.max { $0.weight < $1.weight }
        var categoryModel: TriageModel.Prediction? = nil
        var categoryOverruled: Hit? = nil
        let ruleEvidence = category.flatMap { score[$0] } ?? 0
        let rulesCategory = category
        if let bar = policy.classification.modelFirstCategory, let m = model, let head = m.category,
            let p = m.predict(head, scalars: scalars, words: words, explainIf: { $1 >= bar && $0 != rulesCategory }), p.confidence >= bar,
            policy.classification.categories.contains(p.label)
        {
            // The model comes first for the category (`model_first_category`); where it agrees
            // with the rules, their keyword is the reason.
            if p.label != category {
                categoryOverruled = categoryHit
                category = p.label
                categoryHit = nil
                categoryModel = p
            }
        } else if ruleEvidence <= Classifier.weakCategoryEvidence, let m = model, let head = m.category {
            // No rule, or one short keyword: the model answers where it is sure enough and
            // surer of its answer than of the rule's category by `weakCategoryMargin`. Not
            // `model_threshold`: a category guessed at 0.3 is right more often than none at all.
            let bar = Classifier.weakCategoryConfidence
            // The evidence (n-gram strings) only for an answer taken: most are not.
            if let p = m.predict(head, scalars: scalars, words: words, explainIf: { _, _ in false }), p.confidence >= bar,
                policy.classification.categories.contains(p.label), p.label != category,
                p.confidence - (category.flatMap { head.classes.firstIndex(of: $0) }.map { p.posterior[$0] } ?? 0) >= Classifier.weakCategoryMargin
            {
                categoryOverruled = categoryHit
                category = p.label
                categoryHit = nil
                categoryModel = m.predict(head, scalars: scalars, words: words) ?? p
            }
        }
        var unique = UniqueList<String, String>()
        for h in hits {
            for tag in h.rule.tags { unique.append(tag) }
        }
        let tags = unique.items
        return Decision(
            priority: priority, source: source, category: category, categoryHit: categoryHit, categoryModel: categoryModel,
            categoryOverruled: categoryOverruled,
            tags: tags, hits: hits, heldBack: heldBack, modelEvidence: (model?.priority ?? model?.category)?.unit == .words ? "words" : "n-grams")
    }

    /// Whether the model's priority answers where no rule gave one: at or above
    /// `model_threshold`, or a high at or above `model_raise` (which lifts the default as it
    /// lifts a rule's medium or low).
    func modelAnswers(_ label: String, _ confidence: Double) -> Bool {
        if confidence >= policy.classification.modelThreshold { return true }
        guard let bar = policy.classification.modelRaise else { return false }
        return label == Priority.high.rawValue && confidence >= bar
    }

    /// A category whose rules' evidence weighs at most this (one keyword of three Chinese
    /// characters or six Latin letters: "wifi", "账号", "slow") yields to the model's category
    /// at `weakCategoryConfidence`. Chosen leave-one-set-out over nine blind and holdout
    /// sets (860 tickets): category accuracy 0.59 with the rules first, 0.55 with the model
    /// alone, 0.67 so (docs/POLICY.md).
    static let weakCategoryEvidence = 6
    /// The model's confidence that overrules a weak category (ten classes: 0.3 is three times
    /// a uniform guess)...
    static let weakCategoryConfidence = 0.3
    /// ...by at least this much more than it gives the rule's category (where it hesitates
    /// between the two, the rule's keyword decides).
    static let weakCategoryMargin = 0.3

    /// The model's priority when the policy puts it first (`model_first`) and it is at least
    /// that sure, or, to take down a high the rules gave (`rules`), at least
    /// `model_first_over_high`; nil otherwise.
    func modelFirst(_ scalars: [Unicode.Scalar], _ words: [UInt64]?, over rules: Priority?) -> TriageModel.Prediction? {
        guard let first = policy.classification.modelFirst, let m = model, let head = m.priority else { return nil }
        let overHigh = max(first, policy.classification.modelFirstOverHigh ?? first)
        func bar(_ label: String) -> Double { rules == .high && label != Priority.high.rawValue ? overHigh : first }
        // The evidence only for an answer that overrules the rules: where the two agree, the
        // rules' keywords are the reason.
        guard let p = m.predict(head, scalars: scalars, words: words, explainIf: { $1 >= bar($0) && $0 != rules?.rawValue }),
            p.confidence >= bar(p.label)
        else { return nil }
        return p
    }

    /// The model's answer when it says high at or above `model_raise`, which lifts a medium or
    /// low from the rules (seed 000 二(一)3 puts high first: a missed outage costs more than a
    /// question read as urgent); nil when the policy sets no `model_raise` or the model does not.
    func raised(_ scalars: [Unicode.Scalar], _ words: [UInt64]?) -> TriageModel.Prediction? {
        guard let bar = policy.classification.modelRaise, let m = model, let head = m.priority,
            let p = m.predict(head, scalars: scalars, words: words, explainIf: { $0 == Priority.high.rawValue && $1 >= bar }),
            p.label == Priority.high.rawValue,
            p.confidence >= bar
        else { return nil }
        return p
    }

    /// A low resting on one rule whose evidence weighs at most this (a "?", 吗, 能不能, "is
    /// there": the form of a question, which a problem report ending in one has too: "…导出要等
    /// 五六分钟，是只有我这台电脑这样吗？") may be overruled by the model's medium at or above
    /// `weakLowConfidence`. Chosen leave-one-set-out over 19 blind and holdout sets (1,886
    /// tickets, each set's model learnt from the others): accuracy 0.928 → 0.937, high recall
    /// and precision unchanged; 6 and 0.8 gave 0.934, 12 and 0.7 one ticket more than 0.8.
    static let weakLowEvidence = 12
    static let weakLowConfidence = 0.8

    /// The model's medium where the rules' low rests on a question's form alone.
    func liftedFromWeakLow(_ scalars: [Unicode.Scalar], _ words: [UInt64]?) -> TriageModel.Prediction? {
        guard let m = model, let head = m.priority,
            let p = m.predict(head, scalars: scalars, words: words, explainIf: { $0 == Priority.medium.rawValue && $1 >= Classifier.weakLowConfidence }),
            p.label == Priority.medium.rawValue, p.confidence >= Classifier.weakLowConfidence
        else { return nil }
        return p
    }

    /// The text the model reads: title and description.
    static func modelText(_ title: String?, _ description: String?) -> String {
        (title ?? "") + "\n" + (description.map(MailText.withoutDisclaimers) ?? "")
    }

    /// "confidence 0.93; n-grams '如何', 'how'" (`what` names the evidence).
    static func describe(_ confidence: Double, _ evidence: [String], what: String = "n-grams") -> String {
        let pct = min(100, max(0, Int((confidence * 100).rounded())))
        let shown = pct == 100 ? "1.00" : "0." + (pct < 10 ? "0" : "") + String(pct)
        let grams = evidence.map { "'\($0)'" }.joined(separator: ", ")
        return "confidence " + shown + (grams.isEmpty ? "" : "; " + what + " " + grams)
    }

    /// Reads the model the policy names (relative to the working directory), or nil when it
    /// names none. A missing or malformed file is bad input.
    public static func loadModel(_ policy: Policy, _ ctx: Context) throws(DeskError) -> TriageModel? {
        guard let path = policy.classification.model else { return nil }
        if path == TriageModel.builtinName { return TriageModel.builtin }
        switch TriageModel.decode(try ModelFile.read(path, ctx)) {
        case .success(let m): return m
        case .failure(let e): throw .data(DataError(file: path, message: "not a model: " + e.message))
        }
    }

    /// 0 for the most urgent priority.
    static func rank(_ p: Priority) -> Int { Priority.allCases.firstIndex(of: p) ?? Priority.allCases.count }
}
