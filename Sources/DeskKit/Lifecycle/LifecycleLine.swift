// The lifecycle's facts read straight from the bytes of a validated ticket line, without
// decoding a Ticket or building JSONValues: `queue` reads whole files of tickets and replays
// only the few with open duties. The members are noted during the validating scan
// (`LifecycleMembers`); `LifecycleFacts(line:…)` then fills exactly what
// `LifecycleFacts(ticket:)` fills, and `mayHaveOpenDuties(line:…)` answers as the Ticket
// version does. A test holds both readers equal on generated tickets and every golden case.
#if canImport(Glibc)
import Glibc
#endif

/// The value ranges of the members the lifecycle reads, noted while a line is scanned: the
/// top-level ones, and one level down those of `resolution` and `survey` (objects) and of each
/// object element of `escalations` and `history`, the first of each name as `Ticket` reads
/// them. Why one level down during the scan: walking those members again after validating
/// them was a third of queue's work beyond the scan.
public struct LifecycleMembers: Sendable {
    public var priority, tier, answered, firstResponseAt, workaroundAt: Range<Int>?
    public var resolution, escalations, survey, history: Range<Int>?
    var resolutionAt, confirmedAt, observeUntil: Range<Int>?
    var surveyIsObject = false
    var invitedAt, token, respondedAt, efficiency, attitude, effectiveness: Range<Int>?
    /// The members of each object element of `escalations`, in order.
    var escalationItems: [EscalationMembers] = []
    /// The members of each object element of `history`, in order (complete once `history`
    /// itself was noted).
    var events: [EventMembers] = []
    /// The element of `history` being scanned: kept apart until the next one starts, so its
    /// members are noted without touching the list.
    var event = EventMembers()
    var hasEvent = false
    /// True once the members one level down were noted (by `scan`, or `walkNested`).
    var nestedNoted = false

    struct EscalationMembers: Sendable {
        var at, from, to, ack, eta: Range<Int>?
    }

    struct EventMembers: Sendable {
        var event, at, workaround, callback, promise, eta: Range<Int>?
    }

    public init() {}

    /// Forgets a line's members, keeping the lists' storage for the next line (queue reads
    /// millions of lines with one of these per thread).
    public mutating func reset() {
        priority = nil; tier = nil; answered = nil; firstResponseAt = nil; workaroundAt = nil
        resolution = nil; escalations = nil; survey = nil; history = nil
        resolutionAt = nil; confirmedAt = nil; observeUntil = nil
        surveyIsObject = false
        invitedAt = nil; token = nil; respondedAt = nil; efficiency = nil; attitude = nil; effectiveness = nil
        escalationItems.removeAll(keepingCapacity: true)
        events.removeAll(keepingCapacity: true)
        hasEvent = false
        nestedNoted = false
    }

    /// Validates a line as `Ticket.scan` does (the same refusals) and notes the lifecycle's
    /// members, those one level down included; `visit` sees every top-level member.
    public mutating func scan(_ b: UnsafeRawBufferPointer, _ visit: (MemberSpan, TicketField.Match?) -> Void) throws(TicketError) {
        try Ticket.scan(b, descend: { $0 == .resolution || $0 == .survey || $0 == .escalations || $0 == .history }, nested: { field, element, span in
            self.note(b, field, element, span)
        }) { span, known in
            self.note(b, span, known)
            visit(span, known)
        }
        nestedNoted = true
    }

    /// Notes the members one level down by walking the bytes of the members noted, for a
    /// reader that scanned with `note(_:_:_:)` only (check): the same members `scan` notes.
    mutating func walkNested(_ b: UnsafeRawBufferPointer) {
        guard !nestedNoted else { return }
        nestedNoted = true
        func object(_ field: TicketField, _ r: Range<Int>, _ element: Int) {
            guard b[r.lowerBound] == UInt8(ascii: "{") else { return }
            note(b, field, element, nil)
            RawJSON.forEachMember(b, r) { note(b, field, element, $0) }
        }
        if let r = resolution { object(.resolution, r, -1) }
        if let r = survey { object(.survey, r, -1) }
        for (field, range) in [(TicketField.escalations, escalations), (.history, history)] {
            guard let r = range else { continue }
            var i = 0
            RawJSON.forEachElement(b, r) { item in
                object(field, item, i)
                i += 1
            }
        }
        if hasEvent { events.append(event) }
        hasEvent = false
    }

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
        case .history:
            history = r
            if hasEvent { events.append(event) }
            hasEvent = false
        default: break
        }
    }

    /// Notes a member one level down (see `Ticket.scan(_:descend:nested:_:)`): `element` -1
    /// for an object's own members, else the index of an array's object element; a nil
    /// `span` marks an object's start. Keys are told apart by their length first (each name
    /// read in one object has its own), then by their bytes; an escaped key is decoded.
    mutating func note(_ b: UnsafeRawBufferPointer, _ field: TicketField, _ element: Int, _ span: MemberSpan?) {
        @inline(__always) func key(_ e: MemberSpan, _ name: StaticString) -> Bool {
            if e.keyEscaped { return RawJSON.keyIs(b, e, name) }
            let r = e.keyRange
            return bytesSpell(UnsafeRawBufferPointer(rebasing: b[(r.lowerBound + 1)..<(r.upperBound - 1)]), name)
        }
        switch field {
        case .history:
            guard element >= 0 else { return }
            guard let e = span else {
                if hasEvent { events.append(event) }
                event = EventMembers()
                hasEvent = true
                return
            }
            switch e.keyEscaped ? -1 : e.keyRange.count - 2 {
            case 2: if event.at == nil, key(e, "at") { event.at = e.valueRange }
            case 3: if event.eta == nil, key(e, "eta") { event.eta = e.valueRange }
            case 5: if event.event == nil, key(e, "event") { event.event = e.valueRange }
            case 7: if event.promise == nil, key(e, "promise") { event.promise = e.valueRange }
            case 8: if event.callback == nil, key(e, "callback") { event.callback = e.valueRange }
            case 10: if event.workaround == nil, key(e, "workaround") { event.workaround = e.valueRange }
            case -1:
                if event.event == nil, key(e, "event") { event.event = e.valueRange }
                else if event.at == nil, key(e, "at") { event.at = e.valueRange }
                else if event.workaround == nil, key(e, "workaround") { event.workaround = e.valueRange }
                else if event.callback == nil, key(e, "callback") { event.callback = e.valueRange }
                else if event.promise == nil, key(e, "promise") { event.promise = e.valueRange }
                else if event.eta == nil, key(e, "eta") { event.eta = e.valueRange }
            default: break
            }
        case .resolution:
            guard element < 0, let e = span else { return }
            switch e.keyEscaped ? -1 : e.keyRange.count - 2 {
            case 2: if resolutionAt == nil, key(e, "at") { resolutionAt = e.valueRange }
            case 12: if confirmedAt == nil, key(e, "confirmed_at") { confirmedAt = e.valueRange }
            case 13: if observeUntil == nil, key(e, "observe_until") { observeUntil = e.valueRange }
            case -1:
                if resolutionAt == nil, key(e, "at") { resolutionAt = e.valueRange }
                else if confirmedAt == nil, key(e, "confirmed_at") { confirmedAt = e.valueRange }
                else if observeUntil == nil, key(e, "observe_until") { observeUntil = e.valueRange }
            default: break
            }
        case .survey:
            guard element < 0 else { return }
            guard let e = span else {
                surveyIsObject = true
                return
            }
            switch e.keyEscaped ? -1 : e.keyRange.count - 2 {
            case 5: if token == nil, key(e, "token") { token = e.valueRange }
            case 8: if attitude == nil, key(e, "attitude") { attitude = e.valueRange }
            case 10:
                if invitedAt == nil, key(e, "invited_at") { invitedAt = e.valueRange }
                else if efficiency == nil, key(e, "efficiency") { efficiency = e.valueRange }
            case 12: if respondedAt == nil, key(e, "responded_at") { respondedAt = e.valueRange }
            case 13: if effectiveness == nil, key(e, "effectiveness") { effectiveness = e.valueRange }
            case -1:
                if invitedAt == nil, key(e, "invited_at") { invitedAt = e.valueRange }
                else if token == nil, key(e, "token") { token = e.valueRange }
                else if respondedAt == nil, key(e, "responded_at") { respondedAt = e.valueRange }
                else if efficiency == nil, key(e, "efficiency") { efficiency = e.valueRange }
                else if attitude == nil, key(e, "attitude") { attitude = e.valueRange }
                else if effectiveness == nil, key(e, "effectiveness") { effectiveness = e.valueRange }
            default: break
            }
        case .escalations:
            guard element >= 0 else { return }
            guard let e = span else {
                escalationItems.append(EscalationMembers())
                return
            }
            let k = escalationItems.count - 1
            guard k >= 0 else { return }
            if escalationItems[k].at == nil, key(e, "at") { escalationItems[k].at = e.valueRange }
            else if escalationItems[k].from == nil, key(e, "from") { escalationItems[k].from = e.valueRange }
            else if escalationItems[k].to == nil, key(e, "to") { escalationItems[k].to = e.valueRange }
            else if escalationItems[k].ack == nil, key(e, "ack_at") { escalationItems[k].ack = e.valueRange }
            else if escalationItems[k].eta == nil, key(e, "eta") { escalationItems[k].eta = e.valueRange }
        default: break
        }
    }

    /// Invited (`invited_at` or `token` set, not null).
    func surveyInvited(_ b: UnsafeRawBufferPointer) -> Bool { LifecycleLine.isSet(b, invitedAt) || LifecycleLine.isSet(b, token) }

    /// The survey's mean score (nil unless every dimension is a number), summed in
    /// `SurveyDimension.allCases` order as `Policy.SurveyDimension.mean` sums it.
    func surveyMean(_ b: UnsafeRawBufferPointer) -> Double? {
        var sum = 0.0
        for d in Policy.SurveyDimension.allCases {
            let r: Range<Int>?
            switch d {
            case .efficiency: r = efficiency
            case .attitude: r = attitude
            case .effectiveness: r = effectiveness
            }
            guard let v = r.flatMap({ RawJSON.double(b, $0) }) else { return nil }
            sum += v
        }
        return sum / Double(Policy.SurveyDimension.allCases.count)
    }
}

/// Byte-level helpers shared by the line readers of the lifecycle.
enum LifecycleLine {
    /// Whether the member at `r` is present and not `null`.
    static func isSet(_ b: UnsafeRawBufferPointer, _ r: Range<Int>?) -> Bool {
        guard let r, !r.isEmpty else { return false }
        return b[r.lowerBound] != UInt8(ascii: "n")
    }

    /// An event name to look for in the bytes of a history, with its quotes, and a
    /// Boyer-Moore-Horspool skip table: most histories are passed over in strides (check's
    /// pre-filters).
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

    /// The tier spelled exactly by the bytes `s` (a string's body, unescaped), for
    /// `RawJSON.word`: read without building a String.
    static func tier(_ s: UnsafeRawBufferPointer) -> Tier? {
        for (name, t) in tierNames where name.count == s.count {
            if name.elementsEqual(s) { return t }
        }
        return nil
    }

    static let tierNames: [([UInt8], Tier)] = Tier.allCases.map { (Array($0.rawValue.utf8), $0) }

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

}

extension LifecycleFacts {
    /// The facts of a validated line, from the members noted while it was scanned
    /// (`LifecycleMembers.scan`): the same facts `init(ticket:)` reads from the decoded ticket.
    public init(line b: UnsafeRawBufferPointer, openedAt: Instant, channel: Channel, status: Status, members m: LifecycleMembers) {
        guard m.nestedNoted else {
            var walked = m
            walked.walkNested(b)
            self.init(line: b, openedAt: openedAt, channel: channel, status: status, members: walked)
            return
        }
        self.init(openedAt: openedAt, channel: channel, status: status)
        priority = m.priority.flatMap { RawJSON.word(b, $0, Priority.init(spelling:)) }
        tier = m.tier.flatMap { RawJSON.word(b, $0, LifecycleLine.tier) }
        missedCall = channel == .phone && m.answered.flatMap { RawJSON.bool(b, $0) } == false
        firstResponseAt = m.firstResponseAt.flatMap { RawJSON.instant(b, $0) }
        let workaroundMember = m.workaroundAt.flatMap { RawJSON.instant(b, $0) }
        workaroundAt = workaroundMember
        if isResolvedState { resolvedAt = m.resolutionAt.flatMap { RawJSON.instant(b, $0) } }
        confirmedAt = m.confirmedAt.flatMap { RawJSON.instant(b, $0) }
        observeUntil = m.observeUntil.flatMap { RawJSON.instant(b, $0) }
        var surveyEvent = false
        var events: [LifecycleEvent] = []
        var workaround = workaroundAt
        if m.history != nil {
            events.reserveCapacity(m.events.count + 1)
            for e in m.events {
                guard let name = e.event.flatMap({ LifecycleLine.eventName(b, $0) }), let at = e.at.flatMap({ RawJSON.instant(b, $0) }) else { continue }
                switch name {
                case .span(let k): events.append(LifecycleEvent(k, at: at))
                case .workaround:
                    if workaroundMember == nil, workaround == nil { workaround = at }
                case .replied:
                    let isWorkaround = e.workaround.flatMap { RawJSON.bool(b, $0) }
                    if isWorkaround == true, workaroundMember == nil, workaround == nil { workaround = at }
                    let flags = LifecycleEvent.ReplyFlags(
                        workaround: isWorkaround ?? false, callback: e.callback.flatMap { RawJSON.bool(b, $0) } ?? false,
                        promise: e.promise.flatMap { RawJSON.instant(b, $0) }, eta: e.eta.flatMap { RawJSON.instant(b, $0) })
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
        if m.escalations != nil {
            var list: [EscalationFacts] = []
            for e in m.escalationItems {
                guard let at = e.at.flatMap({ RawJSON.instant(b, $0) }) else { continue }
                list.append(EscalationFacts(
                    from: e.from.flatMap { RawJSON.word(b, $0, LifecycleLine.tier) },
                    to: e.to.flatMap { RawJSON.word(b, $0, LifecycleLine.tier) },
                    at: at, ackAt: e.ack.flatMap { RawJSON.instant(b, $0) }, eta: e.eta.flatMap { RawJSON.instant(b, $0) }))
            }
            escalations = list
        }
        surveyHandled = surveyEvent || m.surveyInvited(b)
        surveyRespondedAt = m.respondedAt.flatMap { RawJSON.instant(b, $0) }
        surveyMean = m.surveyMean(b)
    }
}

extension Lifecycle {
    /// `mayHaveOpenDuties` of a validated line, from the members noted while it was scanned
    /// (`LifecycleMembers.scan`): false only when the ticket can have no open duty at `now`.
    public func mayHaveOpenDuties(line b: UnsafeRawBufferPointer, status: Status, members m: LifecycleMembers, now: Instant) -> Bool {
        guard status.isFinished else { return true }
        guard m.nestedNoted else {
            var walked = m
            walked.walkNested(b)
            return mayHaveOpenDuties(line: b, status: status, members: walked, now: now)
        }
        guard let at = m.resolutionAt.flatMap({ RawJSON.instant(b, $0) }) else { return true }
        // Resolved after `now`: its clocks still run at `now` (openDuties replays them).
        if at > now || m.historyHasPromise(b) { return true }
        if !m.surveyInvited(b) && !m.historyRecordsSurvey(b) {
            if now <= (m.confirmedAt.flatMap { RawJSON.instant(b, $0) } ?? at).adding(policy.survey.responseWindow) { return true }
        }
        if m.surveyIsObject, m.respondedAt.flatMap({ RawJSON.instant(b, $0) }) != nil,
           let mean = m.surveyMean(b), mean < policy.survey.csatThreshold { return true }
        return false
    }
}

extension LifecycleMembers {
    /// Whether the history holds a `replied` event with a promise, as `LifecycleFacts` reads
    /// one (its time and the promise both RFC 3339).
    func historyHasPromise(_ b: UnsafeRawBufferPointer) -> Bool {
        for e in events {
            guard let p = e.promise, let n = e.event, LifecycleLine.eventName(b, n) == .replied,
                  e.at.flatMap({ RawJSON.instant(b, $0) }) != nil, RawJSON.instant(b, p) != nil else { continue }
            return true
        }
        return false
    }

    /// Whether the history records the survey sent or skipped (`surveyed`, `survey_skipped`
    /// with an RFC 3339 time), as `LifecycleFacts` reads it.
    func historyRecordsSurvey(_ b: UnsafeRawBufferPointer) -> Bool {
        for e in events {
            // Quoted, the two names are 10 and 16 bytes long; an escaped name is decoded.
            guard let n = e.event, n.count == 10 || n.count == 16 || RawJSON.body(b, n)?.escaped == true,
                  LifecycleLine.eventName(b, n) == .surveyEvent, e.at.flatMap({ RawJSON.instant(b, $0) }) != nil else { continue }
            return true
        }
        return false
    }
}
