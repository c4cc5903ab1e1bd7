// The few facts of one ticket that the report reads, pulled out of the line in one walk over
// its members. The line is validated as every command validates it, but no JSONValue is built:
// the members the report needs are read straight from their bytes, and `history` is walked only
// when its bytes mention an event that shapes the SLA clocks (waiting, reopened), so the common
// ticket costs little more than the validating scan. The SLA figures themselves are not
// computed here: `lifecycle` hands these facts to the lifecycle's clocks (SLATargets), the same
// code every command asks, and a test proves both readers give the clocks the same facts.

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
    public var priorityText: String? {
        get { priority?.rawValue ?? otherPriorityText }
        set {
            priority = newValue.flatMap(Priority.init(rawValue:))
            otherPriorityText = priority == nil ? newValue : nil
        }
    }
    /// The priority, when the text names one (kept, as every figure asks for it).
    public private(set) var priority: Priority?
    /// The text of a `priority` member that names no priority. Why apart: a known priority is
    /// read from its bytes, and building its text per ticket was measurable.
    var otherPriorityText: String?
    public var category: String?
    public var owner: String?
    /// The numbers of `owner` and `category` in the reading thread's NameTable (-1: none
    /// given): hints that spare PeriodStats hashing the names (it checks them).
    var ownerNumber = -1, categoryNumber = -1
    public var assignee: String?
    public var tier: String?
    /// Whether `tier` names the first tier, read from the line's bytes when `tier` itself was
    /// not built (nil otherwise; see `atFirstTier`).
    var firstTierHint: Bool? = nil
    /// Phone only: false for a missed call.
    public var answered: Bool?
    public var firstResponseAt: Instant?
    /// When a workaround was delivered: the `workaround_at` member (set by the first `reply
    /// --workaround`), else the first history `replied` event with `"workaround": true` (or a
    /// `workaround` event); nil when none was recorded (never the resolution time).
    public var workaroundAt: Instant?
    /// `resolution.at` of a resolved, closed or observing ticket.
    public var resolvedAt: Instant?
    /// When the ticket stopped being work: `resolution.confirmed_at`, else `resolution.at`, for
    /// resolved and closed tickets; nil when unknown (a finished ticket then counts as finished
    /// before any period end).
    public var finishedAt: Instant?
    /// The history events that shape the SLA clocks (waits, reopens, resolutions), read only
    /// when the history mentions a wait or a reopen; otherwise they cannot change a clock.
    public var spanEvents: [LifecycleEvent] = []
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

    /// Whether the ticket is at the first tier (a ticket without a tier is).
    public var atFirstTier: Bool {
        if let t = tier { return t == Tier.tier1.rawValue }
        return firstTierHint ?? true
    }

    /// The members the byte reader builds as text only when a report asks for them: most
    /// reports group by neither, and building a String per ticket for each was measurable.
    struct Wants: OptionSet, Sendable {
        let rawValue: Int
        /// `assignee` (the `--by assignee` groups).
        static let assignee = Wants(rawValue: 1)
        /// `tier` as text (the `--by tier` groups); without it only `atFirstTier` is read.
        static let tier = Wants(rawValue: 2)
        /// `id` of every ticket; without it `id` is "" unless the survey was answered (the
        /// follow-up list and the themes name the answers' tickets; nothing else reads it).
        static let id = Wants(rawValue: 4)
        static let all: Wants = [.assignee, .tier, .id]

        /// What a report grouping by `dimensions` needs.
        init(dimensions: [ReportDimension]) {
            var w: Wants = []
            if dimensions.contains(.assignee) { w.insert(.assignee) }
            if dimensions.contains(.tier) { w.insert(.tier) }
            self = w
        }

        init(rawValue: Int) { self.rawValue = rawValue }
    }

    /// The lifecycle's three SLA clocks replayed from these facts: exactly
    /// `SLATargets(lifecycle, ...)` (tested), without building the LifecycleFacts, whose other
    /// members the clocks do not read.
    func clocks(
        spans: ExcludedSpans, now: Instant, firstResponseLimit: Int64?, workaroundLimit: Int64?, resolutionLimit: Int64?,
        measure: (Instant, Instant) -> Int64
    ) -> SLATargets {
        let resolvedState = status.isFinished || status == .observing
        return SLATargets(
            openedAt: openedAt, stop: resolvedState ? resolvedAt : nil, finished: resolvedState, firstResponseAt: firstResponseAt,
            missedCall: channel == .phone && answered == false, workaroundAt: workaroundAt, spans: spans, now: now,
            firstResponseLimit: firstResponseLimit, workaroundLimit: workaroundLimit, resolutionLimit: resolutionLimit,
            measure: measure)
    }

    /// The facts the lifecycle's SLA clocks replay.
    public var lifecycle: LifecycleFacts {
        var f = LifecycleFacts(openedAt: openedAt, channel: channel, status: status)
        f.priority = priority
        f.missedCall = channel == .phone && answered == false
        f.firstResponseAt = firstResponseAt
        f.workaroundAt = workaroundAt
        f.resolvedAt = f.isResolvedState ? resolvedAt : nil
        f.events = spanEvents
        return f
    }
}

extension TicketFacts {
    /// The value ranges of the members the report reads, noted while the line is scanned.
    struct Members {
        var priority, category, owner, assignee, tier, answered, firstResponseAt, workaroundAt: Range<Int>?
        var resolution, escalations, reopened, survey, history: Range<Int>?
        /// Read only to mask the requester's values in a survey comment.
        var requester: Range<Int>?
        // The members one level down, noted as the validating scan passes them (the first of
        // each name, as RawJSON's walk found them before): `resolution` and `survey` when they
        // are objects, each object element of `escalations`.
        var resolutionAt, confirmedAt: Range<Int>?
        var surveyIsObject = false
        var invited, responded, efficiency, attitude, effectiveness, comment: Range<Int>?
        var escalationItems: [Escalation] = []

        /// The members of one escalation object.
        struct Escalation {
            var at, ack, to, trigger: Range<Int>?
        }

        /// Notes a member one level down (see `Ticket.scan(_:descend:nested:_:)`). A plain key
        /// is compared only with the names of its length (most members are none of them: each
        /// comparison was a call); a key written with escapes takes `noteByName`. Inlined into
        /// the scan's callback: it runs for every member of those three fields.
        @inline(__always)
        mutating func note(_ b: UnsafeRawBufferPointer, _ field: TicketField, _ element: Int, _ span: MemberSpan?) {
            // An object's start (every survey and escalation has one) is noted here, as
            // `noteByName` notes it: the call for it was a tenth of the noting.
            guard let e = span else {
                if field == .survey, element < 0 { surveyIsObject = true }
                if field == .escalations, element >= 0 { escalationItems.append(Escalation()) }
                return
            }
            guard !e.keyEscaped else { return noteByName(b, field, element, span) }
            let n = e.keyRange.count - 2
            switch field {
            case .resolution:
                guard element < 0 else { return }
                if n == 2 { if resolutionAt == nil, RawJSON.keyIs(b, e, "at") { resolutionAt = e.valueRange } }
                else if n == 12 { if confirmedAt == nil, RawJSON.keyIs(b, e, "confirmed_at") { confirmedAt = e.valueRange } }
            case .survey:
                guard element < 0 else { return }
                switch n {
                case 10:
                    if invited == nil, RawJSON.keyIs(b, e, "invited_at") { invited = e.valueRange }
                    if efficiency == nil, RawJSON.keyIs(b, e, "efficiency") { efficiency = e.valueRange }
                case 12: if responded == nil, RawJSON.keyIs(b, e, "responded_at") { responded = e.valueRange }
                case 8: if attitude == nil, RawJSON.keyIs(b, e, "attitude") { attitude = e.valueRange }
                case 13: if effectiveness == nil, RawJSON.keyIs(b, e, "effectiveness") { effectiveness = e.valueRange }
                case 7: if comment == nil, RawJSON.keyIs(b, e, "comment") { comment = e.valueRange }
                default: break
                }
            case .escalations:
                guard element >= 0, n == 2 || n == 6 || n == 7 else { return }
                let last = escalationItems.count - 1
                guard last >= 0 else { return }
                switch n {
                case 2:
                    if escalationItems[last].at == nil, RawJSON.keyIs(b, e, "at") { escalationItems[last].at = e.valueRange }
                    if escalationItems[last].to == nil, RawJSON.keyIs(b, e, "to") { escalationItems[last].to = e.valueRange }
                case 6: if escalationItems[last].ack == nil, RawJSON.keyIs(b, e, "ack_at") { escalationItems[last].ack = e.valueRange }
                default: if escalationItems[last].trigger == nil, RawJSON.keyIs(b, e, "trigger") { escalationItems[last].trigger = e.valueRange }
                }
            default: break
            }
        }

        /// `note` comparing the key with every name (any key, escaped ones too).
        @inline(never)
        mutating func noteByName(_ b: UnsafeRawBufferPointer, _ field: TicketField, _ element: Int, _ span: MemberSpan?) {
            switch field {
            case .resolution:
                guard element < 0, let e = span else { return }
                if resolutionAt == nil, RawJSON.keyIs(b, e, "at") { resolutionAt = e.valueRange }
                if confirmedAt == nil, RawJSON.keyIs(b, e, "confirmed_at") { confirmedAt = e.valueRange }
            case .survey:
                guard element < 0 else { return }
                guard let e = span else {
                    surveyIsObject = true
                    return
                }
                if invited == nil, RawJSON.keyIs(b, e, "invited_at") { invited = e.valueRange }
                if responded == nil, RawJSON.keyIs(b, e, "responded_at") { responded = e.valueRange }
                if efficiency == nil, RawJSON.keyIs(b, e, "efficiency") { efficiency = e.valueRange }
                if attitude == nil, RawJSON.keyIs(b, e, "attitude") { attitude = e.valueRange }
                if effectiveness == nil, RawJSON.keyIs(b, e, "effectiveness") { effectiveness = e.valueRange }
                if comment == nil, RawJSON.keyIs(b, e, "comment") { comment = e.valueRange }
            case .escalations:
                guard element >= 0 else { return }
                guard let e = span else {
                    escalationItems.append(Escalation())
                    return
                }
                let last = escalationItems.count - 1
                guard last >= 0 else { return }
                if escalationItems[last].at == nil, RawJSON.keyIs(b, e, "at") { escalationItems[last].at = e.valueRange }
                if escalationItems[last].ack == nil, RawJSON.keyIs(b, e, "ack_at") { escalationItems[last].ack = e.valueRange }
                if escalationItems[last].to == nil, RawJSON.keyIs(b, e, "to") { escalationItems[last].to = e.valueRange }
                if escalationItems[last].trigger == nil, RawJSON.keyIs(b, e, "trigger") { escalationItems[last].trigger = e.valueRange }
            default: break
            }
        }
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
        var names = NameTable()
        try self.init(line: b, names: &names, readAll: readAll)
    }

    /// `init(line:readAll:)`, numbering the owner and category in `names` (one table per
    /// reading thread, so each name's String is built once).
    init(line b: UnsafeRawBufferPointer, names: inout NameTable, wants: Wants = .all, readAll: (Instant) -> Bool) throws(TicketError) {
        var required = Ticket.RequiredRanges()
        var m = Members()
        // The members of resolution, survey and escalations are noted as the scan validates
        // them: walking them again was a sixth of the report's work.
        try Ticket.scan(b, descend: { $0 == .resolution || $0 == .survey || $0 == .escalations }, nested: { field, element, span in
            m.note(b, field, element, span)
        }) { span, known in
            let r = span.valueRange
            guard let known else {
                // Not a field of SPEC §3, so it may repeat: the first one counts, as for every
                // command (Ticket.value reads the first member of a name).
                if m.workaroundAt == nil, RawJSON.keyIs(b, span, "workaround_at") { m.workaroundAt = r }
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
            case .resolution: m.resolution = r
            case .escalations: m.escalations = r
            case .reopened: m.reopened = r
            case .survey: m.survey = r
            case .history: m.history = r
            case .requester: m.requester = r
            default: break
            }
        }
        let h = try required.header(b, decodingID: wants.contains(.id))
        self.init(id: h.id, openedAt: h.openedAt, channel: h.channel, status: h.status)
        if readAll(h.openedAt) { read(b, m, &names, wants, id: required.id) } else { readFinish(b, m) }
    }

    /// Reads the facts of a line held in an array.
    public init(bytes: [UInt8]) throws(TicketError) {
        let r: Result<TicketFacts, TicketError> = bytes.withUnsafeBytes { buf in
            do throws(TicketError) { return .success(try TicketFacts(line: buf)) } catch { return .failure(error) }
        }
        self = try r.get()
    }

    mutating func read(_ b: UnsafeRawBufferPointer, _ m: Members, _ names: inout NameTable, _ wants: Wants = .all, id idRange: Range<Int>? = nil) {
        if let r = m.priority {
            if let p = RawJSON.word(b, r, Priority.init(spelling:)) { priority = p } else { otherPriorityText = RawJSON.string(b, r) }
        }
        if let r = m.category, let (n, text) = names.name(b, r) { (category, categoryNumber) = (text, n) }
        if let r = m.owner, let (n, text) = names.name(b, r) { (owner, ownerNumber) = (text, n) }
        if wants.contains(.assignee) { assignee = m.assignee.flatMap { RawJSON.string(b, $0) } }
        if wants.contains(.tier) {
            tier = m.tier.flatMap { RawJSON.string(b, $0) }
        } else if let r = m.tier, RawJSON.isString(b, r) {
            // A tier that is not a string reads as none, which is the first tier.
            firstTierHint = RawJSON.stringEquals(b, r, "tier1")
        }
        answered = m.answered.flatMap { RawJSON.bool(b, $0) }
        firstResponseAt = m.firstResponseAt.flatMap { RawJSON.instant(b, $0) }
        benchFirstResponse = firstResponseAt
        let workaroundMember = m.workaroundAt.flatMap { RawJSON.instant(b, $0) }
        readFinish(b, m)
        readEscalations(b, m)
        reopened = m.reopened.map { RawJSON.isNonEmptyArray(b, $0) } ?? false
        readSurvey(b, m)
        // An id left undecoded (no `.id` wanted) is read for an answered survey: the follow-up
        // list and the themes name its ticket.
        if id.isEmpty, let s = survey, s.efficiency != nil, s.attitude != nil, s.effectiveness != nil, let r = idRange {
            id = RawJSON.string(b, r) ?? ""
        }
        // The comment is printed in every report format and counted in the themes: no contact
        // data, and not the requester's own name, may reach either.
        if let c = survey?.comment { survey?.comment = TicketFacts.masked(c, b, m.requester) }
        var workaroundEvent: Instant? = nil
        if let r = m.history { workaroundEvent = readHistory(b, r, wantsWorkaround: workaroundMember == nil) }
        workaroundAt = workaroundMember ?? workaroundEvent
    }

    /// `resolution.at` (resolved, closed and observing tickets) and when the ticket finished
    /// (resolved and closed ones).
    mutating func readFinish(_ b: UnsafeRawBufferPointer, _ m: Members) {
        guard status.isFinished || status == .observing else { return }
        resolvedAt = m.resolutionAt.flatMap { RawJSON.instant(b, $0) }
        if status.isFinished { finishedAt = m.confirmedAt.flatMap { RawJSON.instant(b, $0) } ?? resolvedAt }
    }

    /// (at, ack_at) of each escalation object, and the last one's `to`.
    mutating func readEscalations(_ b: UnsafeRawBufferPointer, _ m: Members) {
        guard !m.escalationItems.isEmpty else { return }
        escalations.reserveCapacity(m.escalationItems.count)
        for e in m.escalationItems {
            escalations.append((e.at.flatMap { RawJSON.instant(b, $0) }, e.ack.flatMap { RawJSON.instant(b, $0) }))
            // An escalation without a trigger was made by hand (escalate --id writes `manual`).
            let t = e.trigger.flatMap { TicketFacts.name(b, $0, among: TicketFacts.triggerNames) } ?? "manual"
            if !escalationTriggers.contains(t) { escalationTriggers.append(t) }
        }
        // The tier of the last escalation that names one.
        if let r = m.escalationItems.last(where: { $0.to.map { RawJSON.isString(b, $0) } ?? false })?.to {
            escalatedTo = TicketFacts.name(b, r, among: TicketFacts.tierNames)
        }
    }

    /// The trigger and tier names a ticket's escalations hold.
    static let triggerNames = EscalationTrigger.allCases.map(\.rawValue)
    static let tierNames = Tier.allCases.map(\.rawValue)

    /// The string at `r` as the one of `names` its bytes spell (nothing decoded or built), else
    /// decoded. Why: a String built per escalation for these few words was measurable.
    static func name(_ b: UnsafeRawBufferPointer, _ r: Range<Int>, among names: [String]) -> String? {
        guard let (inner, escaped) = RawJSON.body(b, r), !escaped else { return RawJSON.string(b, r) }
        for n in names where n.utf8.count == inner.count && spells(n, inner) { return n }
        return RawJSON.string(b, r)
    }

    /// Whether the bytes are `n`'s UTF-8, compared in place (the generic element-by-element
    /// comparison of a String's view was a percent of the report).
    @inline(__always)
    static func spells(_ n: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        n.utf8.withContiguousStorageIfAvailable { u in
            u.count == bytes.count && zip(UnsafeRawBufferPointer(u), bytes).allSatisfy { $0 == $1 }
        } ?? n.utf8.elementsEqual(bytes)
    }

    /// Invitation, answer times and scores; the comment only when the survey was answered.
    mutating func readSurvey(_ b: UnsafeRawBufferPointer, _ m: Members) {
        guard m.surveyIsObject else { return }
        var s = SurveyFacts(
            invitedAt: m.invited.flatMap { RawJSON.instant(b, $0) }, respondedAt: m.responded.flatMap { RawJSON.instant(b, $0) },
            efficiency: m.efficiency.flatMap { RawJSON.double(b, $0) }, attitude: m.attitude.flatMap { RawJSON.double(b, $0) },
            effectiveness: m.effectiveness.flatMap { RawJSON.double(b, $0) })
        if s.scores != nil { s.comment = m.comment.flatMap { RawJSON.string(b, $0) } }
        survey = s
    }

    /// The events that shape the SLA clocks, when the history mentions a wait or a reopen
    /// (without either, no span can form), and the time of the first `replied` event with
    /// `"workaround": true` (or `workaround` event) when asked. History is walked only when its
    /// bytes mention one of those, so the common ticket costs a few memchr scans here.
    mutating func readHistory(_ b: UnsafeRawBufferPointer, _ r: Range<Int>, wantsWorkaround: Bool) -> Instant? {
        // An escaped name (\u0077aiting) cannot be ruled out by bytes: walk such histories too.
        // Each name is searched by a byte that is rare in histories ('r' of `reopened` is in
        // most event names, its 'p' only in `replied` and `opened`; 'k' of `workaround` in none).
        let wantsSpans = RawJSON.contains(b, r, "waiting\"") || RawJSON.contains(b, r, "reopened\"", anchor: 3)
            || RawJSON.contains(b, r, "\\u")
        let lookForWorkaround = wantsWorkaround && RawJSON.contains(b, r, "workaround\"", anchor: 3)
        guard wantsSpans || lookForWorkaround else { return nil }
        var workaround: Instant? = nil
        RawJSON.forEachElement(b, r) { item in
            var event: Range<Int>? = nil, at: Range<Int>? = nil, flag: Range<Int>? = nil
            RawJSON.forEachMember(b, item) { e in
                if event == nil, RawJSON.keyIs(b, e, "event") { event = e.valueRange }
                if at == nil, RawJSON.keyIs(b, e, "at") { at = e.valueRange }
                if flag == nil, lookForWorkaround, RawJSON.keyIs(b, e, "workaround") { flag = e.valueRange }
            }
            guard let ev = event, let time = at.flatMap({ RawJSON.instant(b, $0) }), let name = RawJSON.string(b, ev) else { return }
            if wantsSpans, let kind = LifecycleEvent.spanKind(name) {
                spanEvents.append(LifecycleEvent(kind, at: time))
            } else if lookForWorkaround, workaround == nil,
                      name == "workaround" || (name == "replied" && flag.flatMap { RawJSON.bool(b, $0) } == true) {
                workaround = time
            }
        }
        return workaround
    }
}
