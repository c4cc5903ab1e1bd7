// The lifecycle's facts read straight from the bytes of a validated ticket line, without
// decoding a Ticket or building JSONValues: `queue` reads whole files of tickets and replays
// only the few with open duties. The members are noted during the validating scan
// (`LifecycleMembers`); `LifecycleFacts(line:…)` then fills exactly what
// `LifecycleFacts(ticket:)` fills, and `mayHaveOpenDuties(line:…)` answers as the Ticket
// version does. A test holds both readers equal on generated tickets and every golden case.

/// The value ranges of the members the lifecycle reads, noted while a line is scanned.
public struct LifecycleMembers: Sendable {
    public var priority, tier, answered, firstResponseAt, workaroundAt: Range<Int>?
    public var resolution, escalations, survey, history: Range<Int>?

    public init() {}

    /// Notes one member reported by `Ticket.scan`. A key outside SPEC §3 may repeat: its first
    /// occurrence counts, as `Ticket.value` reads it.
    public mutating func note(_ b: UnsafeRawBufferPointer, _ span: MemberSpan, _ known: TicketField.Match?) {
        let r = span.valueRange
        guard let known else {
            if workaroundAt == nil, RawJSON.keyIs(b, span, "workaround_at") { workaroundAt = r }
            return
        }
        switch known.field {
        case .priority: priority = r
        case .tier: tier = r
        case .answered: answered = r
        case .firstResponseAt: firstResponseAt = r
        case .resolution: resolution = r
        case .escalations: escalations = r
        case .survey: survey = r
        case .history: history = r
        default: break
        }
    }
}

/// Byte-level helpers shared by the line readers of the lifecycle.
enum LifecycleLine {
    /// The first member named `key` of the object at `r` (nil when `r` is nil, not an object,
    /// or has no such member), as `JSONObject`'s subscript finds it.
    static func member(_ b: UnsafeRawBufferPointer, _ r: Range<Int>?, _ key: StaticString) -> Range<Int>? {
        guard let r else { return nil }
        var hit: Range<Int>? = nil
        RawJSON.forEachMember(b, r) { m in
            if hit == nil, RawJSON.keyIs(b, m, key) { hit = m.valueRange }
        }
        return hit
    }

    /// The time in member `key` of the object at `r` (nil unless it is an RFC 3339 string).
    static func time(_ b: UnsafeRawBufferPointer, _ r: Range<Int>?, _ key: StaticString) -> Instant? {
        member(b, r, key).flatMap { RawJSON.instant(b, $0) }
    }

    /// Whether the member at `r` is present and not `null`.
    static func isSet(_ b: UnsafeRawBufferPointer, _ r: Range<Int>?) -> Bool {
        guard let r, !r.isEmpty else { return false }
        return b[r.lowerBound] != UInt8(ascii: "n")
    }

    /// The mean survey score of the object at `r` (nil unless every dimension is a number),
    /// summed in `SurveyDimension.allCases` order as `LifecycleFacts(ticket:)` sums it.
    static func surveyMean(_ b: UnsafeRawBufferPointer, _ r: Range<Int>?) -> Double? {
        guard let r else { return nil }
        var scores: [Double] = []
        for d in Policy.SurveyDimension.allCases {
            let key: StaticString
            switch d {
            case .efficiency: key = "efficiency"
            case .attitude: key = "attitude"
            case .effectiveness: key = "effectiveness"
            }
            if let v = member(b, r, key).flatMap({ RawJSON.double(b, $0) }) { scores.append(v) }
        }
        return Policy.SurveyDimension.mean(scores)
    }

    /// False when the bytes of the `history` value at `r` cannot hold any of the event names
    /// (each given with its quotes); true when they may, or when they use escapes.
    static func mayMention(_ b: UnsafeRawBufferPointer, _ r: Range<Int>?, _ needles: [[UInt8]]) -> Bool {
        guard let r else { return false }
        let h = UnsafeRawBufferPointer(rebasing: b[r])
        var i = 0
        while i < h.count {
            let c = h[i]
            if c == 0x5C { return true }  // a backslash escape: parse to be sure
            if c == 0x22 {
                for n in needles where i + n.count <= h.count {
                    var j = 1
                    while j < n.count && h[i + j] == n[j] { j += 1 }
                    if j == n.count { return true }
                }
            }
            i += 1
        }
        return false
    }

    static let promise: [[UInt8]] = [Array("\"promise\"".utf8)]
    static let surveyEvents: [[UInt8]] = [Array("\"surveyed\"".utf8), Array("\"survey_skipped\"".utf8)]
}

extension LifecycleFacts {
    /// The facts of a validated line, from the members noted while it was scanned: the same
    /// facts `init(ticket:)` reads from the decoded ticket.
    public init(line b: UnsafeRawBufferPointer, openedAt: Instant, channel: Channel, status: Status, members m: LifecycleMembers) {
        self.init(openedAt: openedAt, channel: channel, status: status)
        priority = m.priority.flatMap { RawJSON.string(b, $0) }.flatMap(Priority.init(rawValue:))
        tier = m.tier.flatMap { RawJSON.string(b, $0) }.flatMap(Tier.init(rawValue:))
        missedCall = channel == .phone && m.answered.flatMap { RawJSON.bool(b, $0) } == false
        firstResponseAt = m.firstResponseAt.flatMap { RawJSON.instant(b, $0) }
        let workaroundMember = m.workaroundAt.flatMap { RawJSON.instant(b, $0) }
        workaroundAt = workaroundMember
        let r = m.resolution
        if isResolvedState { resolvedAt = LifecycleLine.time(b, r, "at") }
        confirmedAt = LifecycleLine.time(b, r, "confirmed_at")
        observeUntil = LifecycleLine.time(b, r, "observe_until")
        var surveyEvent = false
        var events: [LifecycleEvent] = []
        var workaround = workaroundAt
        if let h = m.history {
            RawJSON.forEachElement(b, h) { item in
                guard b[item.lowerBound] == UInt8(ascii: "{") else { return }
                var event: Range<Int>? = nil, atR: Range<Int>? = nil, wk: Range<Int>? = nil, cb: Range<Int>? = nil
                var promise: Range<Int>? = nil, eta: Range<Int>? = nil
                RawJSON.forEachMember(b, item) { e in
                    if event == nil, RawJSON.keyIs(b, e, "event") { event = e.valueRange }
                    else if atR == nil, RawJSON.keyIs(b, e, "at") { atR = e.valueRange }
                    else if wk == nil, RawJSON.keyIs(b, e, "workaround") { wk = e.valueRange }
                    else if cb == nil, RawJSON.keyIs(b, e, "callback") { cb = e.valueRange }
                    else if promise == nil, RawJSON.keyIs(b, e, "promise") { promise = e.valueRange }
                    else if eta == nil, RawJSON.keyIs(b, e, "eta") { eta = e.valueRange }
                }
                guard let name = event.flatMap({ RawJSON.string(b, $0) }), let at = atR.flatMap({ RawJSON.instant(b, $0) }) else { return }
                if let k = LifecycleEvent.spanKind(name) {
                    events.append(LifecycleEvent(k, at: at))
                    return
                }
                switch name {
                case "workaround":
                    if workaroundMember == nil, workaround == nil { workaround = at }
                case "replied":
                    let isWorkaround = wk.flatMap { RawJSON.bool(b, $0) }
                    if isWorkaround == true, workaroundMember == nil, workaround == nil { workaround = at }
                    let flags = LifecycleEvent.ReplyFlags(
                        workaround: isWorkaround ?? false, callback: cb.flatMap { RawJSON.bool(b, $0) } ?? false,
                        promise: promise.flatMap { RawJSON.instant(b, $0) }, eta: eta.flatMap { RawJSON.instant(b, $0) })
                    events.append(LifecycleEvent(.replied(flags), at: at))
                case "call_dropped", "missed_call": events.append(LifecycleEvent(.callOwed, at: at))
                case "confirmed": events.append(LifecycleEvent(.confirmed, at: at))
                case "note": events.append(LifecycleEvent(.note, at: at))
                case "survey_recorded": events.append(LifecycleEvent(.surveyRecorded, at: at))
                case "surveyed", "survey_skipped": surveyEvent = true
                default: break
                }
            }
        }
        workaroundAt = workaround
        // A missed call opened without a `missed_call` event still owes its call-back.
        if missedCall && !events.contains(where: { $0.kind == .callOwed && $0.at == openedAt }) {
            events.insert(LifecycleEvent(.callOwed, at: openedAt), at: 0)
        }
        self.events = events
        if let er = m.escalations {
            var list: [EscalationFacts] = []
            RawJSON.forEachElement(b, er) { item in
                guard b[item.lowerBound] == UInt8(ascii: "{") else { return }
                var atR: Range<Int>? = nil, from: Range<Int>? = nil, to: Range<Int>? = nil
                var ack: Range<Int>? = nil, eta: Range<Int>? = nil
                RawJSON.forEachMember(b, item) { e in
                    if atR == nil, RawJSON.keyIs(b, e, "at") { atR = e.valueRange }
                    else if from == nil, RawJSON.keyIs(b, e, "from") { from = e.valueRange }
                    else if to == nil, RawJSON.keyIs(b, e, "to") { to = e.valueRange }
                    else if ack == nil, RawJSON.keyIs(b, e, "ack_at") { ack = e.valueRange }
                    else if eta == nil, RawJSON.keyIs(b, e, "eta") { eta = e.valueRange }
                }
                guard let at = atR.flatMap({ RawJSON.instant(b, $0) }) else { return }
                list.append(EscalationFacts(
                    from: from.flatMap { RawJSON.string(b, $0) }.flatMap(Tier.init(rawValue:)),
                    to: to.flatMap { RawJSON.string(b, $0) }.flatMap(Tier.init(rawValue:)),
                    at: at, ackAt: ack.flatMap { RawJSON.instant(b, $0) }, eta: eta.flatMap { RawJSON.instant(b, $0) }))
            }
            escalations = list
        }
        var survey: Range<Int>? = nil
        if let s = m.survey, b[s.lowerBound] == UInt8(ascii: "{") { survey = s }
        surveyHandled = surveyEvent || LifecycleLine.isSet(b, LifecycleLine.member(b, survey, "invited_at"))
            || LifecycleLine.isSet(b, LifecycleLine.member(b, survey, "token"))
        surveyRespondedAt = LifecycleLine.time(b, survey, "responded_at")
        surveyMean = LifecycleLine.surveyMean(b, survey)
    }
}

extension Lifecycle {
    /// `mayHaveOpenDuties` of a validated line, from the members noted while it was scanned:
    /// false only when the ticket can have no open duty at `now`.
    public func mayHaveOpenDuties(line b: UnsafeRawBufferPointer, status: Status, members m: LifecycleMembers, now: Instant) -> Bool {
        guard status.isFinished else { return true }
        var r: Range<Int>? = nil
        if let x = m.resolution, b[x.lowerBound] == UInt8(ascii: "{") { r = x }
        guard let at = LifecycleLine.time(b, r, "at") else { return true }
        if LifecycleLine.mayMention(b, m.history, LifecycleLine.promise) { return true }
        var s: Range<Int>? = nil
        if let x = m.survey, b[x.lowerBound] == UInt8(ascii: "{") { s = x }
        let invited = LifecycleLine.isSet(b, LifecycleLine.member(b, s, "invited_at")) || LifecycleLine.isSet(b, LifecycleLine.member(b, s, "token"))
        if !invited && !LifecycleLine.mayMention(b, m.history, LifecycleLine.surveyEvents) {
            if now <= (LifecycleLine.time(b, r, "confirmed_at") ?? at).adding(policy.survey.responseWindow) { return true }
        }
        if s != nil, LifecycleLine.time(b, s, "responded_at") != nil,
           let mean = LifecycleLine.surveyMean(b, s), mean < policy.survey.csatThreshold { return true }
        return false
    }
}
