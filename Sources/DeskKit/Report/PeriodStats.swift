// The running totals of one report period, filled ticket by ticket in a single pass. Percentiles
// are exact, so every duration of a figure is kept, but as counts per distinct value
// (DurationSamples): memory follows the distinct durations of each figure and group, not the
// tickets, plus one entry per group; nothing is kept per ticket outside the period.

/// A report period: [from, to), in instants.
public struct ReportPeriod: Sendable, Equatable {
    public var from: Instant
    public var to: Instant
    /// `2026-11`, or `2026-11-01..2026-12-01` (local dates).
    public var label: String

    public init(from: Instant, to: Instant, label: String) {
        self.from = from
        self.to = to
        self.label = label
    }

    /// Whether the instant falls in the period.
    public func contains(_ i: Instant) -> Bool { i >= from && i < to }
}

/// Durations of one figure (business seconds) and how many were within their target.
public struct DurationFigure: Sendable, Equatable {
    /// Exact percentiles need every duration; kept as counts per distinct value, so memory
    /// follows the distinct durations, not the tickets.
    var stored = DurationSamples()
    public var within = 0
    public init() {}

    @inline(__always)
    mutating func add(_ d: Int64, target: Int64?) {
        stored.append(d)
        if let t = target, d <= t { within += 1 }
    }

    /// The durations, in seconds, ascending.
    public var values: [Int64] { stored.sortedValues }

    /// The nearest-rank percentile `p` of the durations (as `Stats.percentile`); nil when none.
    public func percentile(_ p: Int) -> Int64? { stored.percentile(p) }

    /// Share of the durations within their target; nil when none.
    public var withinShare: Double? { Stats.share(within, stored.count) }
}

/// SLA compliance counts of one target.
public struct Compliance: Sendable, Equatable {
    public var met = 0
    public var breached = 0
    /// Still running and not yet breached: left out of the rate.
    public var running = 0
    public init() {}
    /// met / (met + breached).
    public var rate: Double? { Stats.share(met, met + breached) }
}

/// Figures of one group of a breakdown (an owner, a channel, ...).
public struct GroupStats: Sendable, Equatable {
    public var tickets = 0
    public var resolved = 0
    public var firstResponse = DurationFigure()
    public var resolution = DurationFigure()
    public var escalated = 0
    public var responses = 0
    public var satisfied = 0
    public init() {}
    public var csat: Double? { Stats.share(satisfied, responses) }
}

/// One answered survey, kept for the follow-up list (no contact data is ever kept).
public struct FollowUp: Sendable, Equatable {
    public var id: String
    public var owner: String?
    public var category: String?
    public var efficiency: Double
    public var attitude: Double
    public var effectiveness: Double
    public var mean: Double
    public var comment: String?
    public var respondedAt: Instant?
    /// Listed because the comment reads as a complaint (else because of the low score).
    public var negativeComment = false

    /// Lowest mean first, then earliest response, then id; the rest of the answer breaks the
    /// remaining ties, so the list is the same whatever order the tickets were counted in.
    static func lower(_ a: FollowUp, _ b: FollowUp) -> Bool {
        if let x = before(a.mean, b.mean) { return x }
        let ra = a.respondedAt?.seconds ?? Int64.max, rb = b.respondedAt?.seconds ?? Int64.max
        if ra != rb { return ra < rb }
        if a.id != b.id { return a.id.utf8.lexicographicallyPrecedes(b.id.utf8) }
        if let x = before(a.efficiency, b.efficiency) { return x }
        if let x = before(a.attitude, b.attitude) { return x }
        if let x = before(a.effectiveness, b.effectiveness) { return x }
        func text(_ s: String?) -> [UInt8] { s.map { [1] + Array($0.utf8) } ?? [] }
        for (x, y) in [(a.owner, b.owner), (a.category, b.category), (a.comment, b.comment)] where x != y {
            return text(x).lexicographicallyPrecedes(text(y))
        }
        return false
    }

    /// Whether x sorts before y, nil when they are the same number: IEEE total order (-0
    /// before 0; a NaN mean from out-of-range scores sorts at an end), so the order is total
    /// and the list never depends on the order the answers were counted or merged in.
    static func before(_ x: Double, _ y: Double) -> Bool? {
        if x.bitPattern == y.bitPattern { return nil }
        return x.isTotallyOrdered(belowOrEqualTo: y)
    }
}

/// The breakdown dimensions of `--by`.
public enum ReportDimension: String, CaseIterable, Sendable {
    case owner, assignee, channel, category, priority, tier, month
}

/// Everything counted for one period.
public struct PeriodStats: Sendable {
    public let period: ReportPeriod
    public var opened = 0
    /// Tickets per channel (only channels seen).
    public var byChannel: [String: Int] {
        var out: [String: Int] = [:]
        for c in Channel.allCases where channelCounts[c.ordinal] > 0 { out[c.rawValue] = channelCounts[c.ordinal] }
        return out
    }
    /// Tickets per priority, `(none)` for no or an unknown priority (only those seen).
    public var byPriority: [String: Int] {
        var out: [String: Int] = [:]
        for p in Priority.allCases where priorityCounts[p.ordinal] > 0 { out[p.rawValue] = priorityCounts[p.ordinal] }
        if priorityCounts[Priority.allCases.count] > 0 { out[PeriodStats.noGroup] = priorityCounts[Priority.allCases.count] }
        return out
    }
    /// Tickets per category, `(none)` for none.
    public var byCategory: [String: Int] {
        get { Dictionary(uniqueKeysWithValues: zip(categoryNames, categoryCounts)) }
        set {
            categoryNames = Array(newValue.keys)
            categoryCounts = categoryNames.map { newValue[$0] ?? 0 }
            categoryIndex = Dictionary(uniqueKeysWithValues: categoryNames.enumerated().map { ($1, $0) })
            categoryByNumber = []
        }
    }
    // Categories counted in an array, found by the NameTable number the ticket carries (checked
    // against the name, so a number from another thread's table only costs the lookup by name).
    var categoryNames: [String] = []
    var categoryCounts: [Int] = []
    var categoryIndex: [String: Int] = [:]
    var categoryByNumber: [(name: String, slot: Int)?] = []
    /// The agent slot by owner number, checked the same way.
    var agentByNumber: [(name: String, slot: Int)?] = []
    public var firstResponse = DurationFigure()
    public var workaround = DurationFigure()
    public var resolution = DurationFigure()
    /// Tickets whose fix came without a recorded workaround (`reply --workaround`): the
    /// workaround figures leave them out instead of using the resolution time.
    public var workaroundNotRecorded = 0
    /// Met, breached and running counts of a target per channel.
    public func compliance(_ t: SLATarget, channel c: Channel) -> Compliance { channelCompliance[c.ordinal * 3 + t.ordinal] }
    /// Met, breached and running counts of a target per priority (nil: none).
    public func compliance(_ t: SLATarget, priority p: Priority?) -> Compliance {
        priorityCompliance[(p?.ordinal ?? Priority.allCases.count) * 3 + t.ordinal]
    }
    /// Met, breached and running counts per SLA target.
    public var compliance: [SLATarget: Compliance] {
        Dictionary(uniqueKeysWithValues: SLATarget.allCases.map { ($0, complianceCounts[$0.ordinal]) })
    }
    public var escalated = 0
    public var escalatedByTier: [String: Int] = [:]
    /// Tickets with at least one escalation of each trigger (a ticket may count under several).
    public var escalatedByTrigger: [String: Int] = [:]
    /// Escalation acknowledgement times (business seconds).
    public var ackTimes = DurationSamples()
    public var unacknowledged = 0
    public var resolved = 0
    public var firstContactResolved = 0
    public var reopened = 0
    public var phoneOffered = 0
    public var phoneAnswered = 0
    public var invited = 0
    public var responded = 0
    public var satisfied = 0
    /// Score sums in millionths: integer sums are exact in any order, so a report read in
    /// parallel ranges gives the same means, to the last digit, as one read in a single pass.
    var scoreSums: (Int64, Int64, Int64) = (0, 0, 0)
    /// The answers needing follow-up (score below the CSAT threshold or a negative comment),
    /// lowest first, at most `followUpCount`; `followUpTotal` counts all of them.
    public var followUp: [FollowUp] = []
    public var followUpTotal = 0
    public var themes = CommentThemes()
    // Counts by a closed vocabulary live in arrays indexed by ordinal: the report counts every
    // ticket into them, and hashing per ticket was a tenth of its time.
    var channelCounts = [Int](repeating: 0, count: Channel.allCases.count)
    /// Per priority, then one slot for none.
    var priorityCounts = [Int](repeating: 0, count: Priority.allCases.count + 1)
    var complianceCounts = [Compliance](repeating: Compliance(), count: SLATarget.allCases.count)
    /// Compliance per channel and target, at channel.ordinal * 3 + target.ordinal.
    var channelCompliance = [Compliance](repeating: Compliance(), count: Channel.allCases.count * SLATarget.allCases.count)
    /// Compliance per priority (then one slot for none) and target, at ordinal * 3 + target.ordinal.
    var priorityCompliance = [Compliance](repeating: Compliance(), count: (Priority.allCases.count + 1) * SLATarget.allCases.count)
    /// Per-group figures live in one flat array, found through an index per dimension. Why:
    /// mutating a value inside a nested dictionary through `default:` subscripts copied each
    /// group's duration arrays on every ticket (quadratic: 177 s instead of 10 s at 1M).
    var groupStats: [GroupStats] = []
    var agentIndex: [String: Int] = [:]
    /// One index per entry of `dimensions`.
    var groupIndex: [[String: Int]]
    /// The group slot of the last local day seen, per dimension (month only): tickets come
    /// in time order, so the month key is rarely computed.
    var lastDaySlot: [(day: Int, slot: Int)?]
    /// The group slot per channel or priority ordinal (the last for none), -1 until seen, per
    /// dimension (channel and priority only): hashing their names per ticket was measurable.
    var closedSlots: [[Int]]
    let dimensions: [ReportDimension]

    /// Figures per owner (the agent table).
    public var agents: [String: GroupStats] { agentIndex.mapValues { groupStats[$0] } }

    /// Figures per group of each `--by` dimension.
    public var groups: [ReportDimension: [String: GroupStats]] {
        var out: [ReportDimension: [String: GroupStats]] = [:]
        for (i, d) in dimensions.enumerated() { out[d] = groupIndex[i].mapValues { groupStats[$0] } }
        return out
    }
    /// Tickets opened per local day (days since 1970-01-01 in the report zone).
    public var openedPerDay: [Int: Int] {
        var out = openedBeforeLastDay
        if let (day, n) = lastDay { out[day, default: 0] += n }
        return out
    }
    // Tickets come in time order: the current day's count is kept apart from the table.
    var openedBeforeLastDay: [Int: Int] = [:]
    var lastDay: (day: Int, count: Int)? = nil
    public var backlog = 0
    /// <1d, 1-3d, 3-7d, >7d.
    public var backlogAges = [0, 0, 0, 0]

    /// How many answers needing follow-up are listed (all are counted).
    public static let followUpCount = 20
    static let noGroup = "(none)"

    public init(period: ReportPeriod, dimensions: [ReportDimension] = []) {
        self.period = period
        self.dimensions = dimensions
        self.groupIndex = dimensions.map { _ in [:] }
        self.lastDaySlot = dimensions.map { _ in nil }
        self.closedSlots = dimensions.map { _ in [Int](repeating: -1, count: max(Channel.allCases.count, Priority.allCases.count + 1)) }
    }

    /// Counts a ticket opened in the period.
    public mutating func add(_ f: TicketFacts, settings: ReportSettings, now: Instant) {
        opened += 1
        channelCounts[f.channel.ordinal] += 1
        priorityCounts[f.priority?.ordinal ?? Priority.allCases.count] += 1
        categoryCounts[categorySlot(f)] += 1
        let day = Int((f.openedAt.seconds + Int64(settings.offset(f.openedAt))).floorDiv(86400))
        if let (last, n) = lastDay, last == day {
            lastDay = (day, n + 1)
        } else {
            if let (last, n) = lastDay { openedBeforeLastDay[last, default: 0] += n }
            lastDay = (day, 1)
        }
        let prio = f.priority ?? settings.defaultPriority
        let biz = settings.businessSeconds
        // What the local functions and the clock's closure read, taken out of `f` first: a
        // closure or local function reading `f` itself held a copy of the whole ticket (a
        // retain and a release of each of its strings and arrays, per ticket).
        let priority = f.priority, channelSlot = f.channel.ordinal * 3
        let prioritySlot = (f.priority?.ordinal ?? Priority.allCases.count) * 3
        let finished = f.isFinished

        // The lifecycle's three SLA clocks (the same code every command asks): durations of the
        // events recorded, compliance from each clock's state.
        let frTarget = settings.firstResponseTarget(f.channel)
        let waTarget = settings.workaroundTarget(prio)
        let resTarget = settings.resolutionTarget(prio)
        let spans = f.spanEvents.isEmpty ? ExcludedSpans.none : ExcludedSpans(events: f.spanEvents, now: now)
        let clocks = f.clocks(
            spans: spans, now: now, firstResponseLimit: frTarget, workaroundLimit: waTarget,
            resolutionLimit: resTarget, measure: { biz($0, $1, priority) })
        func figure(_ c: TargetClock) -> Int64? { c.recorded ? c.used : nil }
        let frDuration = figure(clocks.firstResponse)
        let resDuration = figure(clocks.resolution)
        if let d = frDuration { firstResponse.add(d, target: frTarget) }
        if let d = figure(clocks.workaround) { workaround.add(d, target: waTarget) }
        // Resolved without a recorded workaround: said in the report, never counted as one.
        if clocks.workaround.stoppedAt != nil && !clocks.workaround.recorded { workaroundNotRecorded += 1 }
        if let d = resDuration { resolution.add(d, target: resTarget) }
        // The same verdict counts toward the target's total, its channel and its priority.
        // (No array of the clocks and no key paths: both cost an allocation or a lookup per ticket.)
        func judge(_ c: TargetClock) {
            let t = c.target.ordinal
            let ch = channelSlot + t, pr = prioritySlot + t
            switch c.state {
            case .met:
                complianceCounts[t].met += 1
                channelCompliance[ch].met += 1
                priorityCompliance[pr].met += 1
            case .breached:
                complianceCounts[t].breached += 1
                channelCompliance[ch].breached += 1
                priorityCompliance[pr].breached += 1
            case .running:
                complianceCounts[t].running += 1
                channelCompliance[ch].running += 1
                priorityCompliance[pr].running += 1
            case .none: break
            }
        }
        judge(clocks.firstResponse)
        judge(clocks.workaround)
        judge(clocks.resolution)

        let wasEscalated = !f.escalations.isEmpty
        if wasEscalated {
            escalated += 1
            for t in f.escalationTriggers { escalatedByTrigger[t, default: 0] += 1 }
            escalatedByTier[f.escalatedTo ?? PeriodStats.noGroup, default: 0] += 1
            for e in f.escalations {
                if let at = e.at, let ack = e.ack {
                    ackTimes.append(max(0, biz(at, ack, priority)))
                } else if e.ack == nil {
                    unacknowledged += 1
                }
            }
        }
        if f.isFinished {
            resolved += 1
            if !wasEscalated && !f.reopened && f.atFirstTier {
                firstContactResolved += 1
            }
        }
        if f.reopened { reopened += 1 }
        if f.channel == .phone && settings.businessSeconds(f.openedAt, f.openedAt.adding(60), nil) > 0 {
            phoneOffered += 1
            if f.answered != false { phoneAnswered += 1 }
        }
        var isSatisfied: Bool? = nil
        if let s = f.survey {
            if s.invitedAt != nil || s.scores != nil { invited += 1 }
            if let sc = s.scores, let mean = s.mean {
                responded += 1
                let ok = mean >= settings.csatThreshold
                isSatisfied = ok
                if ok { satisfied += 1 }
                scoreSums.0 += Stats.millionths(sc.0)
                scoreSums.1 += Stats.millionths(sc.1)
                scoreSums.2 += Stats.millionths(sc.2)
                if let c = s.comment, !c.isEmpty { themes.add(c, id: f.id, vocabulary: settings.themeVocabulary) }
                // A closure, not `settings.isNegative` as a value: that partial application
                // copied the whole settings (a retain and release of each member) per answer.
                let negative = s.comment.map { settings.isNegative($0) } ?? false
                if !ok || negative {
                    // Built only for an answer that needs follow-up: copying its strings into a
                    // FollowUp for every answer was measurable.
                    var item = FollowUp(
                        id: f.id, owner: f.owner, category: f.category, efficiency: sc.0, attitude: sc.1,
                        effectiveness: sc.2, mean: mean, comment: s.comment, respondedAt: s.respondedAt)
                    item.negativeComment = negative
                    followUpTotal += 1
                    if followUp.count < PeriodStats.followUpCount || FollowUp.lower(item, followUp[followUp.count - 1]) {
                        followUp.append(item)
                        followUp.sort(by: FollowUp.lower)
                        if followUp.count > PeriodStats.followUpCount { followUp.removeLast() }
                    }
                }
            }
        }
        func count(_ g: inout GroupStats) {
            g.tickets += 1
            if finished { g.resolved += 1 }
            if let d = frDuration { g.firstResponse.add(d, target: frTarget) }
            if let d = resDuration { g.resolution.add(d, target: resTarget) }
            if wasEscalated { g.escalated += 1 }
            if let ok = isSatisfied {
                g.responses += 1
                if ok { g.satisfied += 1 }
            }
        }
        count(&groupStats[agentSlot(f)])
        for (i, d) in dimensions.enumerated() {
            if d == .month, let (last, s) = lastDaySlot[i], last == day {
                count(&groupStats[s])
                continue
            }
            // Channel and priority groups are found by ordinal once their slot is known.
            let closed = d == .priority ? f.priority?.ordinal ?? Priority.allCases.count : d == .channel ? f.channel.ordinal : -1
            if closed >= 0, closedSlots[i][closed] >= 0 {
                count(&groupStats[closedSlots[i][closed]])
                continue
            }
            let k = key(f, d, settings)
            let s: Int
            if let known = groupIndex[i][k] {
                s = known
            } else {
                s = newGroup()
                groupIndex[i][k] = s
            }
            if d == .month { lastDaySlot[i] = (day, s) }
            if closed >= 0 { closedSlots[i][closed] = s }
            count(&groupStats[s])
        }
    }

    /// The slot in `categoryCounts` of the ticket's category.
    mutating func categorySlot(_ f: TicketFacts) -> Int {
        let n = f.categoryNumber
        if n >= 0, n < categoryByNumber.count, let c = categoryByNumber[n], c.name == f.category { return c.slot }
        let name = f.category ?? PeriodStats.noGroup
        let slot: Int
        if let s = categoryIndex[name] {
            slot = s
        } else {
            slot = categoryNames.count
            categoryNames.append(name)
            categoryCounts.append(0)
            categoryIndex[name] = slot
        }
        if n >= 0, let category = f.category { PeriodStats.remember(&categoryByNumber, n, category, slot) }
        return slot
    }

    /// The agent group slot of the ticket's owner.
    mutating func agentSlot(_ f: TicketFacts) -> Int {
        let n = f.ownerNumber
        if n >= 0, n < agentByNumber.count, let c = agentByNumber[n], c.name == f.owner { return c.slot }
        let owner = f.owner ?? PeriodStats.noGroup
        let slot: Int
        if let s = agentIndex[owner] {
            slot = s
        } else {
            slot = newGroup()
            agentIndex[owner] = slot
        }
        if n >= 0, let owner = f.owner { PeriodStats.remember(&agentByNumber, n, owner, slot) }
        return slot
    }

    static func remember(_ table: inout [(name: String, slot: Int)?], _ n: Int, _ name: String, _ slot: Int) {
        if n >= table.count { table.append(contentsOf: repeatElement(nil, count: n + 1 - table.count)) }
        table[n] = (name, slot)
    }

    /// Appends an empty group and returns its slot.
    mutating func newGroup() -> Int {
        groupStats.append(GroupStats())
        return groupStats.count - 1
    }

    /// The group a ticket falls in for a dimension.
    func key(_ f: TicketFacts, _ d: ReportDimension, _ settings: ReportSettings) -> String {
        switch d {
        case .owner: return f.owner ?? PeriodStats.noGroup
        case .assignee: return f.assignee ?? PeriodStats.noGroup
        case .channel: return f.channel.rawValue
        case .category: return f.category ?? PeriodStats.noGroup
        case .priority: return f.priority?.rawValue ?? PeriodStats.noGroup
        case .tier: return f.tier ?? PeriodStats.noGroup
        case .month:
            let c = settings.civil(f.openedAt)
            return String(c.formatted(offsetSeconds: 0).prefix(7))
        }
    }

    /// Counts a ticket of any time toward the backlog at the period's end: opened before the end
    /// and not resolved or closed by then.
    public mutating func addBacklog(_ f: TicketFacts, at end: Instant) {
        guard f.openedAt < end else { return }
        if f.isFinished {
            guard let done = f.finishedAt, done >= end else { return }
        }
        backlog += 1
        let age = end.seconds - f.openedAt.seconds
        let bucket = age < 86400 ? 0 : age < 3 * 86400 ? 1 : age < 7 * 86400 ? 2 : 3
        backlogAges[bucket] += 1
    }

    // MARK: Derived figures

    public var escalationRate: Double? { Stats.share(escalated, opened) }
    public var firstContactResolution: Double? { Stats.share(firstContactResolved, resolved) }
    public var reopenRate: Double? { Stats.share(reopened, opened) }
    public var phoneAnswerRate: Double? { Stats.share(phoneAnswered, phoneOffered) }
    public var responseRate: Double? { Stats.share(responded, invited) }
    public var csat: Double? { Stats.share(satisfied, responded) }
    public var means: (Double, Double, Double)? {
        guard responded > 0 else { return nil }
        let n = Double(responded)
        return (Stats.fromMillionths(scoreSums.0) / n, Stats.fromMillionths(scoreSums.1) / n, Stats.fromMillionths(scoreSums.2) / n)
    }
}

extension Int64 {
    /// Division rounding toward negative infinity.
    func floorDiv(_ d: Int64) -> Int64 { self >= 0 ? self / d : (self - d + 1) / d }
}
