// The lifecycle of a ticket under a policy: its audit trail replayed into one timeline — the
// SLA target clocks with their due instants, one escalation clock per tier stint, the breaches
// they add up to, and (for the commands that list them) every follow-through duty. Every
// command that needs SLA state asks this type; docs/SLA.md states its rules with their seeds.

/// A ticket's SLA clocks and their due instants at one `now`.
public struct Schedule: Sendable, Equatable {
    /// The three target clocks.
    public var targets: SLATargets
    /// Due instant of each target (index: `SLATarget.ordinal`); nil without a target.
    public var dues: [Instant?]
    /// One escalation clock per tier the ticket stood at.
    public var stints: [TierStint]
    /// Waits on the customer and resolved stretches, merged.
    public var spans: ExcludedSpans
    /// Business seconds spent waiting on the customer (`sla.paused_seconds`).
    public var pausedSeconds: Int64
    /// True while a wait is open: running clocks stand still.
    public var isPaused: Bool
    /// The priority the targets were taken from (the current one, or the policy default).
    public var priority: Priority

    /// The due instant of a target.
    public func due(_ t: SLATarget) -> Instant? { dues[t.ordinal] }

    /// Every breach, in the order first response, workaround, resolution, escalations:
    /// `target`, `due` (when the target ran out) and `at` (the late event, else the due).
    /// A breached target stays breached however the ticket goes on, so a breach once recorded
    /// is always among these.
    public var breaches: [Breach] {
        var out: [Breach] = []
        for t in SLATarget.allCases {
            let c = targets[t]
            guard c.state == .breached, let due = due(t) else { continue }
            out.append(Breach(target: t.rawValue, due: due, at: c.stoppedAt ?? due))
        }
        // A tier still holding the ticket past its limit is overdue, not yet a breach: resolving
        // it there would meet the limit. The breach is recorded when it is escalated late.
        for s in stints where s.state == .breached && s.stop != nil {
            guard let due = s.due else { continue }
            out.append(Breach(target: "escalation", due: due, at: s.stop ?? due))
        }
        return out
    }
}

/// One breach of an SLA target or an escalation time limit.
public struct Breach: Sendable, Equatable {
    public var target: String
    public var due: Instant
    public var at: Instant
}

/// The time a ticket spent at one tier and that tier's escalation time limit.
public struct TierStint: Sendable, Equatable {
    public var tier: Tier
    /// When the ticket reached the tier (`opened_at`, or the escalation that brought it).
    public var start: Instant
    /// The escalation that took it further, or its resolution; nil while it is there.
    public var stop: Instant?
    /// `escalation.time_limits[tier][priority]`; nil when the tier has none.
    public var limit: Int64?
    /// SLA seconds used at the tier (pauses and resolved stretches excluded).
    public var used: Int64
    /// When the limit passes, held off to the receiver's acknowledged ETA when later.
    public var due: Instant?
    /// The ETA the receiver gave when acknowledging the escalation that brought it here.
    public var eta: Instant?
    public var state: TargetClock.State
}

/// Replays tickets under one policy.
public struct Lifecycle: Sendable {
    public let policy: Policy
    /// The SLA calendar of each priority (by ordinal), then of an unclassified ticket.
    let calendars: [BusinessCalendar]
    /// The business-hours calendar, for the end-of-day duty.
    let business: BusinessCalendar
    /// `calendars` and `business` for the replay, tabled around one `now` when asked.
    let clocks: [LifecycleClock]
    let businessClock: LifecycleClock
    /// The policy's limits as small tables (`Channel.ordinal`, `Priority.ordinal`,
    /// `Lifecycle.index(of:)` of a tier): the same values as its dictionaries, looked up
    /// without hashing (queue replays thousands of tickets, and hashing the keys showed).
    let firstResponseLimits: [Int64?]
    let workaroundLimits: [Int64?]
    let resolutionLimits: [Int64?]
    let progressIntervals: [Int64?]
    let tierLimits: [[Int64?]]

    /// A lifecycle asking the calendars themselves (a few tickets).
    public init(policy: Policy) { self.init(policy: policy, tabledAround: nil) }

    /// A lifecycle for replaying many tickets at about `now`: the calendars' local days from
    /// three years before `now` to two after are tabled once (LifecycleClock), so the replay
    /// adds and measures business time by look-up. The answers are the calendars' exactly.
    public init(policy: Policy, tabledAround now: Instant?) {
        self.policy = policy
        calendars = Priority.allCases.map { policy.calendar(for: $0.rawValue) } + [policy.calendar(for: nil)]
        business = policy.businessCalendar
        func clock(_ c: BusinessCalendar) -> LifecycleClock {
            guard let now else { return LifecycleClock(c) }
            return LifecycleClock(c, table: BusinessDayTable(c, from: now.adding(-3 * 366 * 86400), to: now.adding(2 * 366 * 86400)))
        }
        // Priorities usually share one calendar: table each distinct one once.
        var made: [(BusinessCalendar, LifecycleClock)] = []
        func shared(_ c: BusinessCalendar) -> LifecycleClock {
            if let m = made.first(where: { $0.0 == c }) { return m.1 }
            let k = clock(c)
            made.append((c, k))
            return k
        }
        clocks = calendars.map(shared)
        businessClock = shared(business)
        firstResponseLimits = Channel.allCases.map { policy.firstResponse[$0] }
        workaroundLimits = Priority.allCases.map { policy.workaround[$0] }
        resolutionLimits = Priority.allCases.map { policy.resolution[$0] }
        progressIntervals = Priority.allCases.map { policy.duties.progress[$0] }
        tierLimits = Tier.allCases.map { t in Priority.allCases.map { policy.escalation.timeLimits[t]?[$0] } }
    }

    /// A tier's position in `allCases`.
    static func index(of t: Tier) -> Int {
        switch t {
        case .tier1: 0
        case .tier2: 1
        case .rnd: 2
        case .vendor: 3
        }
    }

    /// `policy.escalation.timeLimits[tier]?[priority]`.
    func timeLimit(_ tier: Tier, _ p: Priority) -> Int64? { tierLimits[Lifecycle.index(of: tier)][p.ordinal] }

    /// The SLA calendar of a priority (nil: unclassified).
    public func calendar(for p: Priority?) -> BusinessCalendar { calendars[p?.ordinal ?? Priority.allCases.count] }

    /// The SLA clock arithmetic of a priority (nil: unclassified).
    func clock(for p: Priority?) -> LifecycleClock { clocks[p?.ordinal ?? Priority.allCases.count] }

    /// The facts of a ticket. With `full` false only what the SLA clocks need is read:
    /// history is parsed only when its bytes mention an event that shapes the clocks.
    /// `history` and `escalations`: those members' object elements when already parsed.
    public func facts(_ t: Ticket, full: Bool = true, history: [JSONObject]? = nil, escalations: [JSONObject]? = nil) -> LifecycleFacts {
        if full || t.historyMayMention(["waiting", "reopened", "missed_call"])
            || (t.instant("workaround_at") == nil && t.historyMayMention(["workaround"])) {
            return LifecycleFacts(ticket: t, history: history, escalations: escalations)
        }
        return LifecycleFacts(ticket: t, readHistory: false)
    }

    /// The clocks of a ticket at `now`.
    public func schedule(_ t: Ticket, now: Instant) -> Schedule { schedule(facts(t, full: false), now: now) }

    /// The clocks of a ticket's facts at `now`.
    public func schedule(_ f: LifecycleFacts, now: Instant) -> Schedule {
        let cal = clock(for: f.priority)
        let prio = f.priority ?? policy.classification.defaultPriority
        let spans = ExcludedSpans(events: f.events, now: now)
        let measure = { (a: Instant, b: Instant) in cal.businessTime(from: a, to: b) }
        let targets = SLATargets(
            f, spans: spans, now: now, firstResponseLimit: firstResponseLimits[f.channel.ordinal],
            workaroundLimit: workaroundLimits[prio.ordinal], resolutionLimit: resolutionLimits[prio.ordinal], measure: measure)
        // One array, built at once (queue schedules thousands of tickets).
        let dues: [Instant?] = SLATarget.allCases.map { t in
            let c = targets[t]
            return c.limit.map { cal.add($0, to: f.openedAt, excluding: spans.clipped(f.openedAt, c.stoppedAt ?? now)) }
        }
        let isPaused = f.events.last(where: { $0.shapesSpans }).map { $0.kind == .waiting } ?? false
        let waits = ExcludedSpans(events: f.events, now: now, waitsOnly: true)
        let paused = waits.spans.reduce(Int64(0)) { $0 + cal.businessTime(from: $1.start, to: $1.end) }
        return Schedule(
            targets: targets, dues: dues, stints: stints(f, spans: spans, prio: prio, cal: cal, now: now), spans: spans,
            pausedSeconds: paused, isPaused: isPaused, priority: prio)
    }

    /// One escalation clock per tier stint: a tier's limit counts SLA time since the ticket
    /// reached it; an ETA acknowledged by the receiver holds the limit off until it passes.
    func stints(_ f: LifecycleFacts, spans: ExcludedSpans, prio: Priority, cal: LifecycleClock, now: Instant) -> [TierStint] {
        let path = policy.escalation.path
        var tier = f.escalations.first?.from ?? (f.escalations.isEmpty ? f.tier : nil) ?? path.first ?? .tier1
        var start = f.openedAt
        var eta: Instant? = nil
        var out: [TierStint] = []
        out.reserveCapacity(f.escalations.count + 1)
        func close(_ stop: Instant?, resolved: Bool) {
            let end = stop ?? now
            let limit = timeLimit(tier, prio)
            let used = spans.used(from: start, to: end) { cal.businessTime(from: $0, to: $1) }
            var due: Instant? = nil
            var state = TargetClock.State.none
            if let limit, stop != nil || !f.isResolvedState {
                let byLimit = cal.add(limit, to: start, excluding: spans.clipped(start, end))
                let d = max(byLimit, eta ?? byLimit)
                due = d
                let late = used > limit && end > d
                // The limit bounds how long a tier holds a problem it cannot solve (000 四(一)1:
                // 超出个人处理能力…需在2小时内上报): a tier that resolved the ticket met it.
                state = resolved ? .met : late ? .breached : stop != nil ? .met : .running
            }
            out.append(TierStint(tier: tier, start: start, stop: stop, limit: limit, used: used, due: due, eta: eta, state: state))
        }
        for e in f.escalations {
            close(e.at, resolved: false)
            tier = e.to ?? tier
            start = e.at
            eta = e.eta
        }
        if f.escalations.last?.to == nil, let t = f.tier, !f.escalations.isEmpty { tier = t }
        close(f.resolutionStop, resolved: f.resolutionStop != nil)
        return out
    }

    /// The SLA events of a ticket in time order, for an audit log: each target's and tier
    /// limit's due, and when it was met or breached.
    public func slaEvents(_ t: Ticket, now: Instant) -> [(at: Instant, text: String)] {
        let s = schedule(facts(t), now: now)
        var out: [(at: Instant, text: String)] = []
        for target in SLATarget.allCases {
            let c = s.targets[target]
            guard let due = s.due(target) else { continue }
            out.append((due, "\(target.rawValue) due"))
            switch c.state {
            case .met: if let at = c.stoppedAt { out.append((at, "\(target.rawValue) met")) }
            case .breached: out.append((c.stoppedAt ?? due, "\(target.rawValue) breached"))
            default: break
            }
        }
        for st in s.stints {
            guard let due = st.due else { continue }
            out.append((due, "escalation limit of \(st.tier.rawValue) due"))
            if st.state == .breached { out.append((st.stop ?? due, "escalation limit of \(st.tier.rawValue) breached")) }
        }
        return out.sorted { $0.at < $1.at }
    }
}

extension Ticket {
    /// False when the bytes of `history`, as read, cannot hold any of the event names (most
    /// tickets never waited or reopened, and parsing history is the costliest part of a
    /// ticket); true when they may, or when the history was set or uses escapes.
    func historyMayMention(_ names: [String]) -> Bool {
        guard let m = members.first(where: { $0.key == "history" }) else { return false }
        guard case .raw(let range) = m.stored else { return true }
        let needles = names.map { Array(("\"" + $0 + "\"").utf8) }
        return source.withUnsafeBytes { LifecycleLine.mayMention($0, range, needles) }
    }
}
