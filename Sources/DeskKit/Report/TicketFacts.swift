// The few facts of one ticket that the report reads, pulled out of the line in one walk over
// its members. The line is validated as every command validates it, but no JSONValue is built:
// the members the report needs are read straight from their bytes, and `history` is walked only
// when its bytes mention a waiting or workaround event, so the common ticket costs little more
// than the validating scan.

/// Which SLA target a figure is about.
public enum SLATarget: String, CaseIterable, Sendable {
    case firstResponse = "first_response"
    case workaround
    case resolution

    /// Position in `allCases`.
    public var ordinal: Int {
        switch self {
        case .firstResponse: 0
        case .workaround: 1
        case .resolution: 2
        }
    }
}

/// One survey answer (or an invitation without one).
public struct SurveyFacts: Sendable, Equatable {
    public var invitedAt: Instant?
    public var respondedAt: Instant?
    /// efficiency, attitude, effectiveness; nil unless all three are numbers.
    public var scores: (Double, Double, Double)? {
        get { efficiency.flatMap { e in attitude.flatMap { a in effectiveness.map { (e, a, $0) } } } }
        set {
            efficiency = newValue?.0
            attitude = newValue?.1
            effectiveness = newValue?.2
        }
    }
    public var efficiency: Double?
    public var attitude: Double?
    public var effectiveness: Double?
    public var comment: String?

    public init(invitedAt: Instant? = nil, respondedAt: Instant? = nil, efficiency: Double? = nil,
                attitude: Double? = nil, effectiveness: Double? = nil, comment: String? = nil) {
        self.invitedAt = invitedAt
        self.respondedAt = respondedAt
        self.efficiency = efficiency
        self.attitude = attitude
        self.effectiveness = effectiveness
        self.comment = comment
    }

    /// The mean of the three scores, when answered.
    public var mean: Double? { scores.map { ($0.0 + $0.1 + $0.2) / 3 } }
}

/// The facts of one ticket the report aggregates. A value type, built per ticket and dropped.
public struct TicketFacts: Sendable {
    public var id: String
    public var openedAt: Instant
    public var channel: Channel
    public var status: Status
    /// The `priority` member's text, whatever it says (the benchmark counts unknown ones too).
    public var priorityText: String? { didSet { priority = priorityText.flatMap(Priority.init(rawValue:)) } }
    /// The priority, when the text names one (kept, as every figure asks for it).
    public private(set) var priority: Priority?
    public var category: String?
    public var owner: String?
    public var assignee: String?
    public var tier: String?
    /// Phone only: false for a missed call.
    public var answered: Bool?
    public var firstResponseAt: Instant?
    /// When a workaround was delivered: the `workaround_at` member (set by `reply --workaround`),
    /// else the first history `replied` event with `"workaround": true` (or a `workaround`
    /// event); nil when none was recorded (the resolution does not stand in for it).
    public var workaroundAt: Instant?
    /// `resolution.at` of a resolved or closed ticket.
    public var resolvedAt: Instant?
    /// When the ticket stopped being work: `resolution.confirmed_at`, else `resolution.at`, for
    /// resolved and closed tickets; nil when unknown (a finished ticket then counts as finished
    /// before any period end).
    public var finishedAt: Instant?
    /// `sla.paused_seconds` when the ticket carries it.
    public var pausedTotal: Int64?
    /// Completed waits from history (`waiting` -> next `customer_replied`), when no `paused_seconds`.
    public var pauses: [(Instant, Instant)] = []
    /// A wait not yet answered (status waiting).
    public var waitingSince: Instant?
    /// Targets listed in `sla.breaches`.
    public var recordedBreaches: Set<SLATarget> = []
    /// (escalated at, acknowledged at) for each escalation.
    public var escalations: [(at: Instant?, ack: Instant?)] = []
    /// The distinct `trigger`s of the escalations (manual, customer_request, complexity,
    /// time_limit), in first-seen order.
    public var escalationTriggers: [String] = []
    /// The tier of the last escalation (`to`).
    public var escalatedTo: String?
    public var reopened = false
    public var survey: SurveyFacts?
    /// Whether `first_response_at` is truthy text (the benchmark's test), and its wall-clock value.
    public var benchFirstResponse: Instant?

    public init(id: String, openedAt: Instant, channel: Channel, status: Status) {
        self.id = id
        self.openedAt = openedAt
        self.channel = channel
        self.status = status
    }

    /// True for resolved or closed tickets.
    public var isFinished: Bool { status.isFinished }

    /// Paused seconds before `t`: `paused_seconds` when recorded (all of it), else the waits in
    /// history that overlap [opened, t], measured on the business clock.
    public func paused(before t: Instant, settings: ReportSettings) -> Int64 {
        if let p = pausedTotal { return p }
        var total: Int64 = 0
        for (a, b) in pauses where a < t {
            total += settings.businessSeconds(a, min(b, t), priority)
        }
        if let w = waitingSince, w < t { total += settings.businessSeconds(w, t, priority) }
        return total
    }
}

extension TicketFacts {
    /// The value ranges of the members the report reads, noted while the line is scanned.
    struct Members {
        var priority, category, owner, assignee, tier, answered, firstResponseAt, workaroundAt: Range<Int>?
        var sla, resolution, escalations, reopened, survey, history: Range<Int>?
        /// Read only to mask the requester's values in a survey comment.
        var requester: Range<Int>?
    }

    /// Reads the facts of one NDJSON line. The line is validated whole and refused with the
    /// same errors as decoding a `Ticket` (the report reads the same lines every command does),
    /// but only the members the report needs are read, straight from their bytes.
    public init(line b: UnsafeRawBufferPointer) throws(TicketError) {
        try self.init(line: b, readAll: { _ in true })
    }

    /// Reads the facts of one line; when `readAll` says no for the opening time, only what
    /// the backlog needs (status and when it finished) is read. Why: a monthly report over a
    /// year of tickets counts one ticket in twelve, and the rest only toward the backlog.
    public init(line b: UnsafeRawBufferPointer, readAll: (Instant) -> Bool) throws(TicketError) {
        var required = Ticket.RequiredRanges()
        var m = Members()
        try Ticket.scan(b) { span, known in
            let r = span.valueRange
            guard let known else {
                // Not a field of SPEC §3, so it may repeat: the last one counts.
                if RawJSON.keyIs(b, span, "workaround_at") { m.workaroundAt = r }
                return
            }
            switch known.field {
            case .id, .openedAt, .channel, .status: required.note(known.field, r)
            case .priority: m.priority = r
            case .category: m.category = r
            case .owner: m.owner = r
            case .assignee: m.assignee = r
            case .tier: m.tier = r
            case .answered: m.answered = r
            case .firstResponseAt: m.firstResponseAt = r
            case .sla: m.sla = r
            case .resolution: m.resolution = r
            case .escalations: m.escalations = r
            case .reopened: m.reopened = r
            case .survey: m.survey = r
            case .history: m.history = r
            case .requester: m.requester = r
            default: break
            }
        }
        let h = try required.header(b)
        self.init(id: h.id, openedAt: h.openedAt, channel: h.channel, status: h.status)
        if readAll(h.openedAt) { read(b, m) } else { readFinish(b, m) }
    }

    /// Reads the facts of a line held in an array.
    public init(bytes: [UInt8]) throws(TicketError) {
        let r: Result<TicketFacts, TicketError> = bytes.withUnsafeBytes { buf in
            do throws(TicketError) { return .success(try TicketFacts(line: buf)) } catch { return .failure(error) }
        }
        self = try r.get()
    }

    mutating func read(_ b: UnsafeRawBufferPointer, _ m: Members) {
        priorityText = m.priority.flatMap { RawJSON.string(b, $0) }
        category = m.category.flatMap { RawJSON.string(b, $0) }
        owner = m.owner.flatMap { RawJSON.string(b, $0) }
        assignee = m.assignee.flatMap { RawJSON.string(b, $0) }
        tier = m.tier.flatMap { RawJSON.string(b, $0) }
        answered = m.answered.flatMap { RawJSON.bool(b, $0) }
        firstResponseAt = m.firstResponseAt.flatMap { RawJSON.instant(b, $0) }
        benchFirstResponse = firstResponseAt
        let workaroundMember = m.workaroundAt.flatMap { RawJSON.instant(b, $0) }
        if let r = m.sla { readSLA(b, r) }
        readFinish(b, m)
        if let r = m.escalations { readEscalations(b, r) }
        reopened = m.reopened.map { RawJSON.isNonEmptyArray(b, $0) } ?? false
        if let r = m.survey { readSurvey(b, r) }
        // The comment is printed in every report format and counted in the themes: no contact
        // data, and not the requester's own name, may reach either.
        if let c = survey?.comment {
            var known = ContactMask.Known()
            if let r = m.requester, let v = try? JSONParser.parse(UnsafeRawBufferPointer(rebasing: b[r])) { known.add(requester: v) }
            survey?.comment = ContactMask.text(c, known: known)
        }
        var workaroundEvent: Instant? = nil
        if let r = m.history { workaroundEvent = readHistory(b, r, wantsWorkaround: workaroundMember == nil) }
        workaroundAt = workaroundMember ?? workaroundEvent
    }

    /// `resolution.at` and when the ticket finished, for resolved and closed tickets.
    mutating func readFinish(_ b: UnsafeRawBufferPointer, _ m: Members) {
        guard status.isFinished, let r = m.resolution else { return }
        var at: Range<Int>? = nil, confirmed: Range<Int>? = nil
        RawJSON.forEachMember(b, r) { e in
            if at == nil, RawJSON.keyIs(b, e, "at") { at = e.valueRange }
            if confirmed == nil, RawJSON.keyIs(b, e, "confirmed_at") { confirmed = e.valueRange }
        }
        resolvedAt = at.flatMap { RawJSON.instant(b, $0) }
        finishedAt = confirmed.flatMap { RawJSON.instant(b, $0) } ?? resolvedAt
    }

    /// `paused_seconds` and the targets of `breaches`.
    mutating func readSLA(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) {
        var paused: Range<Int>? = nil, breaches: Range<Int>? = nil
        RawJSON.forEachMember(b, r) { e in
            if paused == nil, RawJSON.keyIs(b, e, "paused_seconds") { paused = e.valueRange }
            if breaches == nil, RawJSON.keyIs(b, e, "breaches") { breaches = e.valueRange }
        }
        // Out of Int64's range is no real pause; reading it must not trap.
        if let p = paused.flatMap({ RawJSON.double(b, $0) }), abs(p) < 9e18 { pausedTotal = Int64(p) }
        guard let br = breaches else { return }
        RawJSON.forEachElement(b, br) { item in
            var target: Range<Int>? = nil
            RawJSON.forEachMember(b, item) { e in
                if target == nil, RawJSON.keyIs(b, e, "target") { target = e.valueRange }
            }
            if let name = target.flatMap({ RawJSON.string(b, $0) }), let t = SLATarget(rawValue: name) {
                recordedBreaches.insert(t)
            }
        }
    }

    /// (at, ack_at) of each escalation object, and the last one's `to`.
    mutating func readEscalations(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) {
        RawJSON.forEachElement(b, r) { item in
            guard b[item.lowerBound] == UInt8(ascii: "{") else { return }
            var at: Range<Int>? = nil, ack: Range<Int>? = nil, to: Range<Int>? = nil, trigger: Range<Int>? = nil
            RawJSON.forEachMember(b, item) { e in
                if at == nil, RawJSON.keyIs(b, e, "at") { at = e.valueRange }
                if ack == nil, RawJSON.keyIs(b, e, "ack_at") { ack = e.valueRange }
                if to == nil, RawJSON.keyIs(b, e, "to") { to = e.valueRange }
                if trigger == nil, RawJSON.keyIs(b, e, "trigger") { trigger = e.valueRange }
            }
            escalations.append((at.flatMap { RawJSON.instant(b, $0) }, ack.flatMap { RawJSON.instant(b, $0) }))
            // An escalation without a trigger was made by hand (escalate --id writes `manual`).
            let t = trigger.flatMap { RawJSON.string(b, $0) } ?? "manual"
            if !escalationTriggers.contains(t) { escalationTriggers.append(t) }
            if let t = to.flatMap({ RawJSON.string(b, $0) }) { escalatedTo = t }
        }
    }

    /// Invitation, answer times and scores; the comment only when the survey was answered.
    mutating func readSurvey(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) {
        guard b[r.lowerBound] == UInt8(ascii: "{") else { return }
        var invited: Range<Int>? = nil, responded: Range<Int>? = nil, comment: Range<Int>? = nil
        var efficiency: Range<Int>? = nil, attitude: Range<Int>? = nil, effectiveness: Range<Int>? = nil
        RawJSON.forEachMember(b, r) { e in
            if invited == nil, RawJSON.keyIs(b, e, "invited_at") { invited = e.valueRange }
            if responded == nil, RawJSON.keyIs(b, e, "responded_at") { responded = e.valueRange }
            if efficiency == nil, RawJSON.keyIs(b, e, "efficiency") { efficiency = e.valueRange }
            if attitude == nil, RawJSON.keyIs(b, e, "attitude") { attitude = e.valueRange }
            if effectiveness == nil, RawJSON.keyIs(b, e, "effectiveness") { effectiveness = e.valueRange }
            if comment == nil, RawJSON.keyIs(b, e, "comment") { comment = e.valueRange }
        }
        var s = SurveyFacts(
            invitedAt: invited.flatMap { RawJSON.instant(b, $0) }, respondedAt: responded.flatMap { RawJSON.instant(b, $0) },
            efficiency: efficiency.flatMap { RawJSON.double(b, $0) }, attitude: attitude.flatMap { RawJSON.double(b, $0) },
            effectiveness: effectiveness.flatMap { RawJSON.double(b, $0) })
        if s.scores != nil { s.comment = comment.flatMap { RawJSON.string(b, $0) } }
        survey = s
    }

    /// Waits (`waiting` -> next `customer_replied`) when no `paused_seconds` was recorded, and
    /// the time of the first `replied` event with `"workaround": true` (or `workaround` event). History is walked only when its bytes mention one
    /// of those events, so the common ticket costs one memchr scan here.
    mutating func readHistory(_ b: UnsafeRawBufferPointer, _ r: Range<Int>, wantsWorkaround: Bool) -> Instant? {
        let wantsWaits = pausedTotal == nil && RawJSON.contains(b, r, "waiting\"")
        let lookForWorkaround = wantsWorkaround && RawJSON.contains(b, r, "workaround\"")
        guard wantsWaits || lookForWorkaround else { return nil }
        var waitStart: Instant? = nil
        var workaround: Instant? = nil
        RawJSON.forEachElement(b, r) { item in
            var event: Range<Int>? = nil, at: Range<Int>? = nil, flag: Range<Int>? = nil
            RawJSON.forEachMember(b, item) { e in
                if event == nil, RawJSON.keyIs(b, e, "event") { event = e.valueRange }
                if at == nil, RawJSON.keyIs(b, e, "at") { at = e.valueRange }
                if flag == nil, lookForWorkaround, RawJSON.keyIs(b, e, "workaround") { flag = e.valueRange }
            }
            guard let ev = event, let time = at.flatMap({ RawJSON.instant(b, $0) }) else { return }
            if RawJSON.stringEquals(b, ev, "waiting") {
                if waitStart == nil { waitStart = time }
            } else if RawJSON.stringEquals(b, ev, "customer_replied") {
                if let s = waitStart, wantsWaits {
                    pauses.append((s, time))
                    waitStart = nil
                }
            } else if RawJSON.stringEquals(b, ev, "workaround")
                || (RawJSON.stringEquals(b, ev, "replied") && flag.flatMap { RawJSON.bool(b, $0) } == true)
            {
                if workaround == nil { workaround = time }
            }
        }
        if wantsWaits, status == .waiting { waitingSince = waitStart }
        return lookForWorkaround ? workaround : nil
    }
}
