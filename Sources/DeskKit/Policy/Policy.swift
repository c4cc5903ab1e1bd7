// Policy: the service-desk policy document as a value. Holds the calendar, response targets,
// escalation path, classification rules, phrase lists and survey settings; prints itself as
// canonical JSON (which decodes back to the same value) and stamps reports with a hash of it.
// Decoding, with every problem reported by JSON path, is in PolicyDecoding.swift; the built-in
// defaults (each traced to a seed in docs/POLICY.md) are in BuiltinPolicy.swift.

/// The policy a desk runs under. See docs/POLICY.md for every key, its default and source.
public struct Policy: Sendable, Equatable {
    /// Ticket priorities (SPEC §3), also the levels of impact and urgency.
    public typealias Priority = DeskKit.Priority
    /// Contact channels (SPEC §3).
    public typealias Channel = DeskKit.Channel
    /// Support tiers in escalation order (SPEC §3).
    public typealias Tier = DeskKit.Tier

    /// Survey score dimensions (SPEC §3 `survey`).
    public enum SurveyDimension: String, CaseIterable, Sendable {
        case efficiency, attitude, effectiveness

        /// The mean score of an answer, or nil unless it scores every dimension: what the
        /// CSAT threshold is compared with (the survey's follow-up and the lifecycle's duty).
        public static func mean(_ scores: [Double]) -> Double? {
            scores.count == allCases.count ? scores.reduce(0, +) / Double(scores.count) : nil
        }
    }

    /// How a taboo phrase is matched against a reply.
    public enum Match: String, CaseIterable, Sendable {
        /// Anywhere in the text, ignoring case.
        case contains
        /// Only when the whole reply, trimmed, is the phrase (a lone "?").
        case whole
    }

    /// A forbidden phrase and a politer wording to offer instead.
    public struct Taboo: Sendable, Equatable {
        public var phrase: String
        public var suggestion: String
        public var match: Match
        public init(phrase: String, suggestion: String, match: Match = .contains) {
            self.phrase = phrase
            self.suggestion = suggestion
            self.match = match
        }
    }

    /// A family of phrases that say one thing: the seed's canonical phrase and its variants and
    /// paraphrases (Chinese and English), with where each one counts (docs/POLICY.md "Phrase
    /// families"). Phrases are compared after `TextNormalizer` normalisation.
    public struct PhraseFamily: Sendable, Equatable {
        /// What the family's phrases do to a text.
        public enum Kind: String, CaseIterable, Sendable {
            /// A service taboo (seed 004 服务忌语): a reply or field saying it is refused.
            case taboo
            /// Says nothing about what was done (已处理, OK, 前台操作解决, ...): a reply or field
            /// made only of such phrases (and filler) is refused.
            case vague
            /// Gives up on the cause (原因不明, unknown): refused in a resolution field.
            case unknownCause = "unknown_cause"
        }
        public var id: String
        public var kind: Kind
        /// The seed's own wording, quoted in messages.
        public var canonical: String
        /// Phrases refused anywhere in the agent's own words.
        public var anywhere: [String]
        /// Phrases refused when they make up a whole clause (between punctuation marks).
        public var clause: [String]
        /// Phrases refused only when they are the whole text.
        public var whole: [String]
        /// A politer wording to offer instead (taboo families).
        public var suggestion: String?
        /// Where the family comes from (seed file and section).
        public var seed: String?
        /// Commitments that, found later in the same text, make a match of this family a hedge
        /// on the way to a next step, not a refusal: "I don't know the cause yet, but I will
        /// call the vendor", "我暂时还不清楚原因，但我会…"; the bare phrase is still refused.
        public var unlessFollowedBy: [String] = []
        public init(
            id: String, kind: Kind, canonical: String, anywhere: [String] = [], clause: [String] = [], whole: [String] = [],
            suggestion: String? = nil, seed: String? = nil, unlessFollowedBy: [String] = []
        ) {
            self.unlessFollowedBy = unlessFollowedBy
            self.id = id
            self.kind = kind
            self.canonical = canonical
            self.anywhere = anywhere
            self.clause = clause
            self.whole = whole
            self.suggestion = suggestion
            self.seed = seed
        }
    }

    /// One classification rule: when any keyword occurs in the title or description (outside
    /// a negated clause), and every rule it `requires` fired too, the ticket gets this rule's
    /// priority, category and tags. A rule with `requires` and no keywords combines others
    /// (scope x effect: "many people" x "cannot work").
    public struct Rule: Sendable, Equatable {
        public var id: String
        public var priority: Priority?
        public var category: String?
        public var tags: [String]
        public var keywords: [String]
        /// Ids of earlier rules that must fire for this one to fire.
        public var requires: [String]
        /// When set, the first two required rules must be found near each other: a keyword of
        /// the second at most this many bytes of normalised text (a Chinese character is 3)
        /// after a keyword of the first, in one clause ("every" ... "scanner", 门店 ... 都).
        public var within: Int?
        /// With `within`: the pair may come in either order ("entered my password" and
        /// "password was entered", "disk failed" and "a failed disk").
        public var anyOrder: Bool
        /// A masking rule sets nothing: text its keywords cover is hidden from every other rule
        /// ("Hello everyone," is a greeting, not "everyone" affected).
        public var masks: Bool
        /// A ticket this rule matches keeps the priority its rules give: the model does not lift
        /// it to high (the text says the work goes on: a workaround in place, no impact).
        public var holds: Bool
        public init(
            id: String, priority: Priority? = nil, category: String? = nil, tags: [String] = [], keywords: [String],
            requires: [String] = [], within: Int? = nil, anyOrder: Bool = false, masks: Bool = false, holds: Bool = false
        ) {
            self.id = id
            self.priority = priority
            self.category = category
            self.tags = tags
            self.keywords = keywords
            self.requires = requires
            self.within = within
            self.anyOrder = anyOrder
            self.masks = masks
            self.holds = holds
        }
    }

    /// Escalation settings.
    public struct Escalation: Sendable, Equatable {
        /// Tiers in the order a ticket climbs them.
        public var path: [Tier]
        /// Business time a tier may hold a ticket of a priority before it must escalate.
        public var timeLimits: [Tier: [Priority: Int64]]
        /// Ticket tags that make a ticket escalate at once (complexity trigger).
        public var complexityTags: [String]
        /// Hand-off fields that must be filled in to escalate by hand.
        public var handoffRequired: [String]
    }

    /// Classification settings.
    public struct Classification: Sendable, Equatable {
        public var defaultPriority: Priority
        public var categories: [String]
        public var rules: [Rule]
        /// matrix[impact][urgency] = priority.
        public var matrix: [Priority: [Priority: Priority]]
        /// A model file written by `desk classify --learn`, consulted when no rule sets a
        /// priority (or a category); nil for rules only.
        public var model: String? = nil
        /// The model answers only at or above this posterior probability.
        public var modelThreshold: Double = 0.8
        /// When set, the model's "high" at or above this posterior lifts a lower priority the
        /// rules gave to high; nil: the rules' priority stands.
        public var modelRaise: Double? = nil
        /// When set, the model's priority at or above this posterior stands over the rules'
        /// (higher or lower); below it the rules decide as they would without it. nil: the
        /// rules come first.
        public var modelFirst: Double? = nil
        /// With `modelFirst`: the posterior the model's medium or low needs to stand over a
        /// high the rules gave (seed 000 puts high first); nil: `modelFirst` itself.
        public var modelFirstOverHigh: Double? = nil
        /// The same for the category: the model's category at or above this posterior stands
        /// over the rules'.
        public var modelFirstCategory: Double? = nil
    }

    /// Satisfaction survey settings.
    public struct Survey: Sendable, Equatable {
        public var scaleMin: Int
        public var scaleMax: Int
        /// A response whose average is at or above this counts as satisfied (CSAT).
        public var csatThreshold: Double
        /// How long after the invitation a response is still accepted, in seconds.
        public var responseWindow: Int64
        /// A requester is not invited again within this many seconds.
        public var repeatInterval: Int64
        public var dimensions: [SurveyDimension]
    }

    public var id: String
    public var name: String
    public var version: String
    /// The date the policy was last reviewed.
    public var reviewedAt: LocalDate
    /// How often the policy should be reviewed, in seconds.
    public var reviewInterval: Int64
    /// IANA time zone identifier of the business calendar.
    public var timezone: String
    /// The loaded zone of `timezone`.
    public var zone: ZoneRules
    /// Opening hours per weekday, index 0 = Monday.
    public var businessHours: [[BusinessCalendar.Interval]]
    public var holidays: [LocalDate]
    public var workdays: [LocalDate]
    /// Hours of a make-up working day; nil means Monday's.
    public var workdayHours: [BusinessCalendar.Interval]?
    /// Priorities whose SLA clock runs 24x7.
    public var alwaysOnPriorities: [Priority]
    /// First-response target per channel, in business seconds.
    public var firstResponse: [Channel: Int64]
    /// Workaround target per priority, in business seconds.
    public var workaround: [Priority: Int64]
    /// Resolution target per priority, in business seconds.
    public var resolution: [Priority: Int64]
    public var escalation: Escalation
    public var classification: Classification
    /// Replies that are too vague to count as a resolution (the old flat list; each is read
    /// as one vague phrase refused as the whole text, beside `families`).
    public var vaguePhrases: [String]
    /// Taboo phrases (the old flat list; each is read as a one-phrase taboo family).
    public var taboo: [Taboo]
    /// Default observation period after a resolution, in seconds.
    public var observation: Int64
    public var survey: Survey
    /// Facts to collect at intake; missing ones are listed in a ticket's `needs_info`.
    public var needsInfo: [String]
    /// Share of calls to answer in business hours, 0...1.
    public var phoneAnswerRateTarget: Double
    /// Follow-through duties after first contact (docs/POLICY.md `duties`).
    public var duties: Duties

    /// The follow-through duties of the seeds (004 电话/RTX 服务规范, 000 三(一), 002 2.6).
    public struct Duties: Sendable, Equatable {
        /// Business time to call back a missed or dropped call.
        public var callback: Int64
        /// Business time from one public update to the next, per priority, while unresolved.
        public var progress: [Priority: Int64]
        /// Whether an unresolved ticket is due an update before each business day ends.
        public var endOfDayUpdate: Bool
        /// Business time to follow up a survey answer below the CSAT threshold.
        public var surveyFollowUp: Int64
    }

    /// Phrase families (taboo, vague, unknown cause) checked in replies and resolutions.
    public var families: [PhraseFamily] = []
    /// A reply model (`desk reply --learn`, or "desk:builtin") read when the families find
    /// nothing wrong with a reply; nil for the families only.
    public var replyModel: String? = nil
    /// The reply model refuses a reply only at or above this posterior probability.
    public var replyModelThreshold: Double = 0.6
    /// The knowledge base: its file and its review window (seed 000 三(三)).
    public var knowledge = Knowledge()

    /// The policy's `knowledge` object.
    public struct Knowledge: Sendable, Equatable {
        /// The kb file when neither --kb nor DESK_KB names one; nil: none.
        public var kb: String? = nil
        /// Working days after a product or policy change within which affected articles are
        /// reviewed (seed 000 三(三)2: 2 个工作日内).
        public var reviewWorkingDays = ReviewWindow.defaultWorkingDays
    }

    /// Every family the wording checks use: `families`, then one per old-style taboo phrase and
    /// one for the old-style vague list, so policy files written before families still work.
    public var allFamilies: [PhraseFamily] {
        var out = families
        for (i, t) in taboo.enumerated() {
            out.append(
                PhraseFamily(
                    id: "taboo_\(i + 1)", kind: .taboo, canonical: t.phrase, anywhere: t.match == .contains ? [t.phrase] : [],
                    whole: t.match == .whole ? [t.phrase] : [], suggestion: t.suggestion, seed: "policy phrases.taboo"))
        }
        if !vaguePhrases.isEmpty {
            out.append(
                PhraseFamily(
                    id: "vague_list", kind: .vague, canonical: vaguePhrases[0], whole: vaguePhrases, seed: "policy phrases.vague"))
        }
        return out
    }

    /// The business calendar that SLA time for `priority` is counted on: 24x7 for the
    /// always-on priorities, else the policy's hours, holidays and make-up days.
    public func calendar(for priority: String?) -> BusinessCalendar {
        if let p = priority.flatMap(Priority.init(rawValue:)), alwaysOnPriorities.contains(p) {
            return .alwaysOn
        }
        return businessCalendar
    }

    /// The business-hours calendar, regardless of priority.
    public var businessCalendar: BusinessCalendar {
        BusinessCalendar(
            zone: zone, weeklyHours: businessHours, holidays: holidays, workdays: workdays,
            workdayHours: workdayHours)
    }

    /// The weekday keys of `business_hours`, Monday first.
    public static let weekdayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// The facts `needs_info` may name.
    public static let knownFacts = [
        "contact", "email", "phone", "department", "account", "description", "occurred_at", "frequency",
        "steps_tried", "environment", "device", "os", "app_version", "network", "attachments",
    ]

    /// The hand-off fields of an escalation (SPEC §3).
    public static let handoffFields = ["description", "steps_tried", "progress", "support_needed"]

    // MARK: canonical JSON

    /// The canonical JSON form: every key, in documented order, durations as `1h30m` text.
    /// `Policy.decode(json)` gives this policy back.
    public var json: JSONValue {
        func dur(_ s: Int64) -> JSONValue { .string(Policy.formatDuration(s)) }
        func hhmm(_ m: Int) -> String {
            let h = m / 60
            let mm = m % 60
            return (h < 10 ? "0" : "") + String(h) + ":" + (mm < 10 ? "0" : "") + String(mm)
        }
        func intervals(_ list: [BusinessCalendar.Interval]) -> JSONValue {
            .array(list.map { .object(["start": .string(hhmm($0.start)), "end": .string(hhmm($0.end))]) })
        }
        func dates(_ list: [LocalDate]) -> JSONValue { .array(list.map { .string($0.description) }) }
        func strings(_ list: [String]) -> JSONValue { .array(list.map { .string($0) }) }
        func perPriority(_ d: [Priority: Int64]) -> JSONValue {
            .object(JSONObject(Priority.allCases.compactMap { p in d[p].map { JSONMember(p.rawValue, dur($0)) } }))
        }
        var o = JSONObject()
        o["id"] = .string(id)
        o["name"] = .string(name)
        o["version"] = .string(version)
        o["reviewed_at"] = .string(reviewedAt.description)
        o["review_interval"] = dur(reviewInterval)
        o["timezone"] = .string(timezone)
        o["business_hours"] = .object(
            JSONObject(Policy.weekdayKeys.enumerated().map { JSONMember($0.element, intervals(businessHours[$0.offset])) }))
        o["holidays"] = dates(holidays)
        o["workdays"] = dates(workdays)
        o["workday_hours"] = workdayHours.map(intervals) ?? .null
        o["always_on_priorities"] = strings(alwaysOnPriorities.map(\.rawValue))
        o["first_response"] = .object(
            JSONObject(Channel.allCases.compactMap { c in firstResponse[c].map { JSONMember(c.rawValue, dur($0)) } }))
        o["workaround"] = perPriority(workaround)
        o["resolution"] = perPriority(resolution)
        o["escalation"] = .object([
            "path": strings(escalation.path.map(\.rawValue)),
            "time_limits": .object(
                JSONObject(Tier.allCases.compactMap { t in escalation.timeLimits[t].map { JSONMember(t.rawValue, perPriority($0)) } })),
            "complexity_tags": strings(escalation.complexityTags),
            "handoff_required": strings(escalation.handoffRequired),
        ])
        o["classification"] = .object([
            "default_priority": .string(classification.defaultPriority.rawValue),
            "categories": strings(classification.categories),
            "rules": .array(
                classification.rules.map { r in
                    var ro = JSONObject()
                    ro["id"] = .string(r.id)
                    if let p = r.priority { ro["priority"] = .string(p.rawValue) }
                    if let c = r.category { ro["category"] = .string(c) }
                    if !r.tags.isEmpty { ro["tags"] = strings(r.tags) }
                    if !r.requires.isEmpty { ro["requires"] = strings(r.requires) }
                    if let w = r.within { ro["within"] = .int(w) }
                    if r.anyOrder { ro["any_order"] = .bool(true) }
                    if r.masks { ro["masks"] = .bool(true) }
                    if r.holds { ro["holds"] = .bool(true) }
                    ro["keywords"] = strings(r.keywords)
                    return .object(ro)
                }),
            "matrix": .object(
                JSONObject(
                    Priority.allCases.compactMap { impact in
                        classification.matrix[impact].map { row in
                            JSONMember(
                                impact.rawValue,
                                .object(JSONObject(Priority.allCases.compactMap { u in row[u].map { JSONMember(u.rawValue, .string($0.rawValue)) } })))
                        }
                    })),
        ])
        if let m = classification.model, var co = o["classification"]?.objectValue {
            co["model"] = .string(m)
            co["model_threshold"] = Policy.number(classification.modelThreshold)
            co["model_raise"] = classification.modelRaise.map(Policy.number) ?? .null
            if let t = classification.modelFirst { co["model_first"] = Policy.number(t) }
            if let t = classification.modelFirstOverHigh { co["model_first_over_high"] = Policy.number(t) }
            if let t = classification.modelFirstCategory { co["model_first_category"] = Policy.number(t) }
            o["classification"] = .object(co)
        }
        o["phrases"] = .object([
            "vague": strings(vaguePhrases),
            "taboo": .array(
                taboo.map { t in
                    var to: JSONObject = ["phrase": .string(t.phrase), "suggestion": .string(t.suggestion)]
                    if t.match != .contains { to["match"] = .string(t.match.rawValue) }
                    return .object(to)
                }),
            "model": replyModel.map(JSONValue.string) ?? .null,
            "model_threshold": Policy.number(replyModelThreshold),
            "families": .array(
                families.map { f in
                    var fo: JSONObject = ["id": .string(f.id), "kind": .string(f.kind.rawValue), "canonical": .string(f.canonical)]
                    if let s = f.seed { fo["seed"] = .string(s) }
                    if let s = f.suggestion { fo["suggestion"] = .string(s) }
                    if !f.anywhere.isEmpty { fo["anywhere"] = strings(f.anywhere) }
                    if !f.clause.isEmpty { fo["clause"] = strings(f.clause) }
                    if !f.whole.isEmpty { fo["whole"] = strings(f.whole) }
                    if !f.unlessFollowedBy.isEmpty { fo["unless_followed_by"] = strings(f.unlessFollowedBy) }
                    return .object(fo)
                }),
        ])
        o["observation"] = dur(observation)
        o["survey"] = .object([
            "scale_min": .int(survey.scaleMin),
            "scale_max": .int(survey.scaleMax),
            "csat_threshold": Policy.number(survey.csatThreshold),
            "response_window": dur(survey.responseWindow),
            "repeat_interval": dur(survey.repeatInterval),
            "dimensions": strings(survey.dimensions.map(\.rawValue)),
        ])
        o["needs_info"] = strings(needsInfo)
        o["phone_answer_rate_target"] = Policy.number(phoneAnswerRateTarget)
        o["duties"] = .object([
            "callback": dur(duties.callback),
            "progress": perPriority(duties.progress),
            "end_of_day_update": .bool(duties.endOfDayUpdate),
            "survey_follow_up": dur(duties.surveyFollowUp),
        ])
        o["knowledge"] = .object(["kb": knowledge.kb.map { .string($0) } ?? .null, "review_working_days": .int(knowledge.reviewWorkingDays)])
        return .object(o)
    }

    /// A policy duration as text: whole days as `7d`, anything else in hours, minutes and
    /// seconds (`37h30m`), because SLA targets count business hours and "1d" of business time
    /// would read as a calendar day.
    public static func formatDuration(_ seconds: Int64) -> String {
        if seconds > 0 && seconds % 86400 == 0 { return String(seconds / 86400) + "d" }
        if seconds <= 0 { return "0s" }
        var out = ""
        let h = seconds / 3600
        let m = (seconds % 3600) / 60
        let s = seconds % 60
        if h > 0 { out += String(h) + "h" }
        if m > 0 { out += String(m) + "m" }
        if s > 0 { out += String(s) + "s" }
        return out
    }

    /// A number without a needless `.0` (4, not 4.0).
    static func number(_ d: Double) -> JSONValue {
        if d == d.rounded(), abs(d) < 1e15 { return .number(String(Int64(d))) }
        return .number(String(d))
    }

    /// A stable stamp of the policy: FNV-1a 64 of the compact canonical JSON, 16 hex digits.
    public var hash: String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in JSONWriter.bytes(json) {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
