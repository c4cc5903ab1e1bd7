// The lifecycle's facts read straight from the bytes of a validated ticket line, without
// decoding a Ticket or building JSONValues: `queue` reads whole files of tickets and replays
// only the few with open duties. The members are noted during the validating scan
// (`LifecycleMembers`); `LifecycleFacts(line:…)` then fills exactly what
// `LifecycleFacts(ticket:)` fills, and `mayHaveOpenDuties(line:…)` answers as the Ticket
// version does. A test holds both readers equal on generated tickets and every golden case.
#if canImport(Glibc)
import Glibc
#endif

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
    /// Whether the member at `r` is present and not `null`.
    static func isSet(_ b: UnsafeRawBufferPointer, _ r: Range<Int>?) -> Bool {
        guard let r, !r.isEmpty else { return false }
        return b[r.lowerBound] != UInt8(ascii: "n")
    }

    /// The members of `resolution` the lifecycle reads, found in one walk.
    struct Resolution {
        var at, confirmedAt, observeUntil: Range<Int>?
        init(_ b: UnsafeRawBufferPointer, _ r: Range<Int>?) {
            guard let r else { return }
            RawJSON.forEachMember(b, r) { e in
                if at == nil, RawJSON.keyIs(b, e, "at") { at = e.valueRange }
                else if confirmedAt == nil, RawJSON.keyIs(b, e, "confirmed_at") { confirmedAt = e.valueRange }
                else if observeUntil == nil, RawJSON.keyIs(b, e, "observe_until") { observeUntil = e.valueRange }
            }
        }
    }

    /// The members of `survey` the lifecycle reads, found in one walk; `isObject` false when
    /// the member is absent or not an object.
    struct Survey {
        var isObject = false
        var invitedAt, token, respondedAt, efficiency, attitude, effectiveness: Range<Int>?
        init(_ b: UnsafeRawBufferPointer, _ r: Range<Int>?) {
            guard let r, b[r.lowerBound] == UInt8(ascii: "{") else { return }
            isObject = true
            RawJSON.forEachMember(b, r) { e in
                if invitedAt == nil, RawJSON.keyIs(b, e, "invited_at") { invitedAt = e.valueRange }
                else if token == nil, RawJSON.keyIs(b, e, "token") { token = e.valueRange }
                else if respondedAt == nil, RawJSON.keyIs(b, e, "responded_at") { respondedAt = e.valueRange }
                else if efficiency == nil, RawJSON.keyIs(b, e, "efficiency") { efficiency = e.valueRange }
                else if attitude == nil, RawJSON.keyIs(b, e, "attitude") { attitude = e.valueRange }
                else if effectiveness == nil, RawJSON.keyIs(b, e, "effectiveness") { effectiveness = e.valueRange }
            }
        }

        /// Invited (`invited_at` or `token` set, not null).
        func invited(_ b: UnsafeRawBufferPointer) -> Bool { LifecycleLine.isSet(b, invitedAt) || LifecycleLine.isSet(b, token) }

        /// The mean score (nil unless every dimension is a number), summed in
        /// `SurveyDimension.allCases` order as `LifecycleFacts(ticket:)` sums it.
        func mean(_ b: UnsafeRawBufferPointer) -> Double? {
            var scores: [Double] = []
            for d in Policy.SurveyDimension.allCases {
                let r: Range<Int>?
                switch d {
                case .efficiency: r = efficiency
                case .attitude: r = attitude
                case .effectiveness: r = effectiveness
                }
                if let v = r.flatMap({ RawJSON.double(b, $0) }) { scores.append(v) }
            }
            return Policy.SurveyDimension.mean(scores)
        }
    }

    /// What a history event's name means to the lifecycle.
    enum EventName: Equatable, Sendable {
        case span(LifecycleEvent.Kind)
        case workaround, replied, callOwed, confirmed, note, surveyRecorded, surveyEvent, other

        /// The meaning of a name (`LifecycleEvent.spanKind` decides the spans, as for every
        /// reader).
        init(_ name: String) {
            if let k = LifecycleEvent.spanKind(name) {
                self = .span(k)
                return
            }
            switch name {
            case "workaround": self = .workaround
            case "replied": self = .replied
            case "call_dropped", "missed_call": self = .callOwed
            case "confirmed": self = .confirmed
            case "note": self = .note
            case "survey_recorded": self = .surveyRecorded
            case "surveyed", "survey_skipped": self = .surveyEvent
            default: self = .other
            }
        }
    }

    /// Every name `EventName` gives a meaning, as bytes: matched without building a String.
    static let eventNames: [([UInt8], EventName)] = [
        "waiting", "customer_replied", "reopened", "resolved", "closed", "workaround", "replied", "call_dropped",
        "missed_call", "confirmed", "note", "survey_recorded", "surveyed", "survey_skipped",
    ].map { (Array($0.utf8), EventName($0)) }

    /// The meaning of the event name at `r`; nil when it is not a string.
    static func eventName(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> EventName? {
        guard RawJSON.isString(b, r), let base = b.baseAddress else { return nil }
        let start = base + r.lowerBound + 1, n = r.count - 2
        if memchr(start, 0x5C, n) != nil { return RawJSON.string(b, r).map(EventName.init) }
        for (name, meaning) in eventNames where name.count == n {
            if name.withUnsafeBytes({ nb in nb.baseAddress.map { memcmp(start, $0, n) } ?? 1 }) == 0 { return meaning }
        }
        return .other
    }

    /// False when the bytes of the `history` value at `r` cannot hold any of the event names
    /// (each given with its quotes); true when they may, or when they use escapes (then only
    /// parsing can tell).
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

    /// An event name to look for in the bytes of a history, with its quotes, and a
    /// Boyer-Moore-Horspool skip table: most histories are passed over in strides.
    struct Needle: Sendable {
        let bytes: [UInt8]
        let skip: [Int]
        init(_ name: String) {
            bytes = Array(("\"" + name + "\"").utf8)
            var t = [Int](repeating: bytes.count, count: 256)
            for k in 0..<(bytes.count - 1) { t[Int(bytes[k])] = bytes.count - 1 - k }
            skip = t
        }
    }

    /// `mayMention` for needles with skip tables: the same answer, found faster.
    static func mayMention(_ b: UnsafeRawBufferPointer, _ r: Range<Int>?, _ needles: [Needle]) -> Bool {
        guard let r, !r.isEmpty, let base = b.baseAddress else { return false }
        if memchr(base + r.lowerBound, 0x5C, r.count) != nil { return true }
        for n in needles {
            let m = n.bytes.count
            var i = r.lowerBound
            let last = n.bytes[m - 1]
            while i + m <= r.upperBound {
                let c = b[i + m - 1]
                if c == last {
                    var j = 0
                    while j < m - 1 && b[i + j] == n.bytes[j] { j += 1 }
                    if j == m - 1 { return true }
                }
                i += n.skip[Int(c)]
            }
        }
        return false
    }

    static let promise = [Needle("promise")]
    static let surveyEvents = [Needle("surveyed"), Needle("survey_skipped")]
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
        let r = LifecycleLine.Resolution(b, m.resolution)
        if isResolvedState { resolvedAt = r.at.flatMap { RawJSON.instant(b, $0) } }
        confirmedAt = r.confirmedAt.flatMap { RawJSON.instant(b, $0) }
        observeUntil = r.observeUntil.flatMap { RawJSON.instant(b, $0) }
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
                guard let name = event.flatMap({ LifecycleLine.eventName(b, $0) }), let at = atR.flatMap({ RawJSON.instant(b, $0) }) else { return }
                switch name {
                case .span(let k): events.append(LifecycleEvent(k, at: at))
                case .workaround:
                    if workaroundMember == nil, workaround == nil { workaround = at }
                case .replied:
                    let isWorkaround = wk.flatMap { RawJSON.bool(b, $0) }
                    if isWorkaround == true, workaroundMember == nil, workaround == nil { workaround = at }
                    let flags = LifecycleEvent.ReplyFlags(
                        workaround: isWorkaround ?? false, callback: cb.flatMap { RawJSON.bool(b, $0) } ?? false,
                        promise: promise.flatMap { RawJSON.instant(b, $0) }, eta: eta.flatMap { RawJSON.instant(b, $0) })
                    events.append(LifecycleEvent(.replied(flags), at: at))
                case .callOwed: events.append(LifecycleEvent(.callOwed, at: at))
                case .confirmed: events.append(LifecycleEvent(.confirmed, at: at))
                case .note: events.append(LifecycleEvent(.note, at: at))
                case .surveyRecorded: events.append(LifecycleEvent(.surveyRecorded, at: at))
                case .surveyEvent: surveyEvent = true
                case .other: break
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
        let survey = LifecycleLine.Survey(b, m.survey)
        surveyHandled = surveyEvent || survey.invited(b)
        surveyRespondedAt = survey.respondedAt.flatMap { RawJSON.instant(b, $0) }
        surveyMean = survey.mean(b)
    }
}

extension Lifecycle {
    /// `mayHaveOpenDuties` of a validated line, from the members noted while it was scanned:
    /// false only when the ticket can have no open duty at `now`.
    public func mayHaveOpenDuties(line b: UnsafeRawBufferPointer, status: Status, members m: LifecycleMembers, now: Instant) -> Bool {
        guard status.isFinished else { return true }
        let r = LifecycleLine.Resolution(b, m.resolution)
        guard let at = r.at.flatMap({ RawJSON.instant(b, $0) }) else { return true }
        if LifecycleLine.mayMention(b, m.history, LifecycleLine.promise) { return true }
        let s = LifecycleLine.Survey(b, m.survey)
        if !s.invited(b) && !LifecycleLine.mayMention(b, m.history, LifecycleLine.surveyEvents) {
            if now <= (r.confirmedAt.flatMap { RawJSON.instant(b, $0) } ?? at).adding(policy.survey.responseWindow) { return true }
        }
        if s.isObject, s.respondedAt.flatMap({ RawJSON.instant(b, $0) }) != nil,
           let mean = s.mean(b), mean < policy.survey.csatThreshold { return true }
        return false
    }
}
