// Classifier: the policy's classification rules compiled into one keyword matcher, and the
// decision they make for a ticket's text (seed 000 §二.(一).3 priority criteria; SPEC §4).
// Every rule's keywords go into a single automaton, so one pass over title and description
// finds all rules at once, however many there are; keyword ids map back to their rules.

/// Decides priority, category and tags from a ticket's text under one policy.
public struct Classifier: Sendable {
    public let policy: Policy
    let matcher: KeywordMatcher
    /// Rule index of each keyword id of `matcher`.
    let ruleOfKeyword: [Int]

    /// Compiles every rule's keywords once.
    public init(policy: Policy) {
        self.policy = policy
        var keywords: [String] = []
        var owner: [Int] = []
        for (i, rule) in policy.classification.rules.enumerated() {
            for k in rule.keywords {
                keywords.append(k)
                owner.append(i)
            }
        }
        matcher = KeywordMatcher(keywords)
        ruleOfKeyword = owner
    }

    /// A rule that matched, with the first of its keywords found (for the reason).
    public struct Hit: Sendable, Equatable {
        public var rule: Policy.Rule
        public var keyword: String
    }

    /// Where the priority came from.
    public enum Source: Sendable, Equatable {
        /// Set by hand (`classify --priority`), kept on later runs.
        case manual(by: String, reason: String)
        /// The impact x urgency matrix.
        case matrix(impact: Priority, urgency: Priority)
        /// The highest priority among the matched rules; these rules gave it.
        case rules([Hit])
        /// No rule set a priority: the policy default.
        case fallback
    }

    /// The classification of one ticket.
    public struct Decision: Sendable, Equatable {
        public var priority: Priority
        public var source: Source
        /// The category of the first matched rule (policy order) that has one.
        public var category: String?
        /// The category's rule, for the reason.
        public var categoryHit: Hit?
        /// Tags of the matched rules, in rule order, each once.
        public var tags: [String]
        /// Every matched rule, in policy order.
        public var hits: [Hit]

        /// The matched rule ids, in policy order.
        public var ruleIds: [String] { hits.map(\.rule.id) }

        /// A sentence saying why the ticket got its priority, category and tags.
        public var reason: String {
            var parts: [String] = []
            func quoted(_ h: Hit) -> String { "\(h.rule.id) ('\(h.keyword)')" }
            switch source {
            case .manual(let by, let why):
                parts.append("priority \(priority.rawValue) set by hand by \(by): \(why)")
            case .matrix(let impact, let urgency):
                parts.append("priority \(priority.rawValue) from impact \(impact.rawValue) x urgency \(urgency.rawValue) by the policy matrix")
            case .rules(let given):
                let names = given.map(quoted).joined(separator: ", ")
                parts.append("priority \(priority.rawValue) from rule\(given.count == 1 ? "" : "s") \(names)")
            case .fallback:
                parts.append((hits.isEmpty ? "no rule matched" : "no priority rule matched") + "; default priority \(priority.rawValue)")
            }
            if let c = category, let h = categoryHit { parts.append("category \(c) from rule \(quoted(h))") }
            if !tags.isEmpty { parts.append("tags " + tags.joined(separator: ", ")) }
            return parts.joined(separator: "; ")
        }
    }

    /// The rules whose keywords occur in `title` or `description`, in policy order, each with
    /// the first of its keywords (in rule order) that occurs.
    public func hits(title: String?, description: String?) -> [Hit] {
        // A newline between the two keeps a keyword from spanning title and description.
        let text: String
        switch (title, description) {
        case (let t?, let d?): text = t + "\n" + d
        case (let t?, nil): text = t
        case (nil, let d?): text = d
        case (nil, nil): return []
        }
        let rules = policy.classification.rules
        var keywordOfRule = [Int?](repeating: nil, count: rules.count)
        // Ids come back in keyword order, so the first one seen per rule is its first keyword.
        for k in matcher.matches(in: text) {
            let r = ruleOfKeyword[k]
            if keywordOfRule[r] == nil { keywordOfRule[r] = k }
        }
        var out: [Hit] = []
        for (r, k) in keywordOfRule.enumerated() {
            if let k { out.append(Hit(rule: rules[r], keyword: matcher.keywords[k])) }
        }
        return out
    }

    /// Classifies a ticket's text. A manual priority wins; then impact x urgency when both are
    /// known; then the highest priority of the matched rules; then the policy default.
    public func decide(
        title: String?, description: String?, impact: Priority?, urgency: Priority?,
        manual: (priority: Priority, by: String, reason: String)? = nil
    ) -> Decision {
        let hits = hits(title: title, description: description)
        let priority: Priority
        let source: Source
        if let m = manual {
            priority = m.priority
            source = .manual(by: m.by, reason: m.reason)
        } else if let impact, let urgency, let p = policy.classification.matrix[impact]?[urgency] {
            priority = p
            source = .matrix(impact: impact, urgency: urgency)
        } else if let best = hits.compactMap(\.rule.priority).min(by: { Classifier.rank($0) < Classifier.rank($1) }) {
            priority = best
            source = .rules(hits.filter { $0.rule.priority == best })
        } else {
            priority = policy.classification.defaultPriority
            source = .fallback
        }
        let categoryHit = hits.first { $0.rule.category != nil }
        var unique = UniqueList<String, String>()
        for h in hits {
            for tag in h.rule.tags { unique.append(tag) }
        }
        let tags = unique.items
        return Decision(
            priority: priority, source: source, category: categoryHit?.rule.category, categoryHit: categoryHit, tags: tags,
            hits: hits)
    }

    /// 0 for the most urgent priority.
    static func rank(_ p: Priority) -> Int { Priority.allCases.firstIndex(of: p) ?? Priority.allCases.count }
}
