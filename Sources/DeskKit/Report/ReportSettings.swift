// The policy facts `survey` and `report` need, as one plain value: `ReportSettings(policy:)`
// copies them from the policy (the commands' path); tests build the struct directly.

/// Time zone, business clock, targets and survey rules used by `desk survey` and `desk report`.
public struct ReportSettings: Sendable {
    /// Seconds east of UTC of the report time zone at an instant (period bounds, local days).
    public var offset: @Sendable (Instant) -> Int
    /// Business seconds from the first instant to the second on the clock of a priority
    /// (nil: the ticket has no priority). The default counts wall-clock seconds.
    public var businessSeconds: @Sendable (Instant, Instant, Priority?) -> Int64
    /// Name of the time zone, printed in reports.
    public var zoneName: String
    /// First-response target per channel, in business seconds.
    public var firstResponseTarget: [Channel: Int64] {
        didSet { firstResponseByChannel = Channel.allCases.map { firstResponseTarget[$0] } }
    }
    /// Workaround target per priority, in business seconds.
    public var workaroundTarget: [Priority: Int64] {
        didSet { workaroundByPriority = Priority.allCases.map { workaroundTarget[$0] } }
    }
    /// Resolution target per priority, in business seconds.
    public var resolutionTarget: [Priority: Int64] {
        didSet { resolutionByPriority = Priority.allCases.map { resolutionTarget[$0] } }
    }
    // The targets as tables indexed by ordinal, read for every ticket of a report.
    private(set) var firstResponseByChannel: [Int64?]
    private(set) var workaroundByPriority: [Int64?]
    private(set) var resolutionByPriority: [Int64?]
    /// Lowest score of the survey scale.
    public var surveyMin: Int
    /// Highest score of the survey scale.
    public var surveyMax: Int
    /// A response whose mean score is at least this counts as satisfied (CSAT).
    public var csatThreshold: Double
    /// Seconds after the invitation during which a response is accepted.
    public var responseWindow: Int64
    /// A requester is not invited again within this many seconds of an earlier invitation.
    public var repeatInterval: Int64
    /// Share of phone calls in business hours that must be answered (seed 000: 接通率不低于90%).
    public var phoneAnswerTarget: Double
    /// Identifies the policy the figures were computed with; stamped in every report.
    public var policyHash: String
    /// Known words of the policy (its classification keywords, lower-cased): comment themes
    /// count them wherever they occur, Chinese ones too, which have no spaces around them.
    public var themeVocabulary: ThemeVocabulary = ThemeVocabulary([])
    /// Words that make a survey comment a complaint, lower-cased (English ones match at the
    /// start of a word): such an answer is listed for follow-up whatever its score.
    public var negativeMarkers: ThemeVocabulary = ThemeVocabulary(ReportSettings.defaultNegativeMarkers)

    /// Complaint words in both languages (the report's own list; the policy has none).
    public static let defaultNegativeMarkers = [
        "too long", "took long", "nobody", "no one", "slow", "chase", "chasing", "rude", "unhelpful", "not helpful",
        "not solved", "not resolved", "unresolved", "still broken", "still not", "three times", "several times",
        "many times", "waste", "terrible", "awful", "bad", "poor", "disappoint", "frustrat", "annoy", "worst",
        "ignored", "had to explain", "complain",
        "没人", "没有人", "很慢", "太慢", "反复", "折腾", "不满", "失望", "很差", "太差", "投诉", "没解决", "没有解决", "未解决",
        "多次", "态度不好", "敷衍", "等了很久", "不耐烦",
    ]

    /// Whether a comment reads as a complaint.
    public func isNegative(_ comment: String) -> Bool { negativeMarkers.firstMatch(in: comment) }

    /// Settings with the seeds' defaults unless given.
    public init(
        offset: @escaping @Sendable (Instant) -> Int = { _ in 8 * 3600 },
        businessSeconds: @escaping @Sendable (Instant, Instant, Priority?) -> Int64 = { a, b, _ in b.seconds - a.seconds },
        zoneName: String = "Asia/Shanghai",
        firstResponseTarget: [Channel: Int64] = [
            .im: 5 * 60, .email: 15 * 60, .web: 15 * 60, .chat: 10 * 60, .phone: 10 * 60, .walkIn: 10 * 60,
        ],
        workaroundTarget: [Priority: Int64] = [.high: 3600, .medium: 4 * 3600, .low: 8 * 3600],
        resolutionTarget: [Priority: Int64] = [.high: 8 * 3600, .medium: 16 * 3600, .low: 40 * 3600],
        surveyMin: Int = 1, surveyMax: Int = 5, csatThreshold: Double = 4,
        responseWindow: Int64 = 7 * 86400, repeatInterval: Int64 = 30 * 86400,
        phoneAnswerTarget: Double = 0.9, policyHash: String = "builtin-defaults"
    ) {
        self.offset = offset
        self.businessSeconds = businessSeconds
        self.zoneName = zoneName
        self.firstResponseTarget = firstResponseTarget
        self.workaroundTarget = workaroundTarget
        self.resolutionTarget = resolutionTarget
        self.firstResponseByChannel = Channel.allCases.map { firstResponseTarget[$0] }
        self.workaroundByPriority = Priority.allCases.map { workaroundTarget[$0] }
        self.resolutionByPriority = Priority.allCases.map { resolutionTarget[$0] }
        self.surveyMin = surveyMin
        self.surveyMax = surveyMax
        self.csatThreshold = csatThreshold
        self.responseWindow = responseWindow
        self.repeatInterval = repeatInterval
        self.phoneAnswerTarget = phoneAnswerTarget
        self.policyHash = policyHash
    }

    /// The seeds' defaults with a wall clock, for tests that want no calendar.
    public static let builtin = ReportSettings()

    /// The settings of a policy: its time zone, its business calendar (24x7 for always-on
    /// priorities), its targets, survey rules and hash.
    public init(policy: Policy) {
        let zone = policy.zone
        let calendars = Priority.allCases.map { policy.calendar(for: $0.rawValue) }
        let fallback = policy.calendar(for: nil)
        self.init(
            offset: { zone.offset(at: $0) },
            businessSeconds: { a, b, p in (p.map { calendars[$0.ordinal] } ?? fallback).businessTime(from: a, to: b) },
            zoneName: policy.timezone,
            firstResponseTarget: policy.firstResponse,
            workaroundTarget: policy.workaround,
            resolutionTarget: policy.resolution,
            surveyMin: policy.survey.scaleMin, surveyMax: policy.survey.scaleMax,
            csatThreshold: policy.survey.csatThreshold,
            responseWindow: policy.survey.responseWindow, repeatInterval: policy.survey.repeatInterval,
            phoneAnswerTarget: policy.phoneAnswerRateTarget, policyHash: policy.hash)
        defaultPriority = policy.classification.defaultPriority
        self.calendars = calendars + [fallback]
        themeVocabulary = CommentThemes.vocabulary(policy.classification.rules)
    }

    /// The business calendar of each priority, then the one for no priority (settings made from
    /// a policy; nil when `businessSeconds` was given directly).
    var calendars: [BusinessCalendar]? = nil

    /// These settings with the business calendars' local days from `from` to `to` tabled
    /// (Calendar/BusinessDayTable): the same business times, measured in a few additions. Why:
    /// the report measures several spans per ticket, and the calendar walking and copying
    /// itself for each was a tenth of its time. Settings without calendars are returned as they are.
    public func tabled(from: Instant, to: Instant) -> ReportSettings {
        guard let calendars else { return self }
        let tables = calendars.map { BusinessDayTable($0, from: from, to: to) }
        let none = tables.count - 1
        // The closure keeps the tables alive and calls them through unretained references: a
        // table fetched from the array was retained and released on every call, several times
        // per ticket.
        let refs = tables.map { Unmanaged.passUnretained($0) }
        var out = self
        out.businessSeconds = { a, b, p in
            withExtendedLifetime(tables) {
                refs[p?.ordinal ?? none]._withUnsafeGuaranteedRef { $0.businessTime(from: a, to: b) }
            }
        }
        return out
    }

    /// Workaround/resolution targets apply to tickets without a priority as if of this one
    /// (the policy's classification.default_priority).
    public var defaultPriority: Priority = .medium

    /// The first-response target of a channel.
    func firstResponseTarget(_ c: Channel) -> Int64? { firstResponseByChannel[c.ordinal] }
    /// The workaround target of a priority.
    func workaroundTarget(_ p: Priority) -> Int64? { workaroundByPriority[p.ordinal] }
    /// The resolution target of a priority.
    func resolutionTarget(_ p: Priority) -> Int64? { resolutionByPriority[p.ordinal] }

    /// The instant of local midnight starting the civil date, in the report time zone.
    public func localMidnight(year: Int, month: Int, day: Int) -> Instant {
        let local = Int64(CivilTime.daysFromCivil(year, month, day)) * 86400
        // Two rounds settle the offset at the resulting instant (zones with DST).
        var guess = Instant(seconds: local - Int64(offset(Instant(seconds: local))))
        guess = Instant(seconds: local - Int64(offset(guess)))
        return guess
    }

    /// The local civil time of an instant.
    public func civil(_ i: Instant) -> CivilTime { CivilTime(utcSeconds: i.seconds + Int64(offset(i))) }
}
