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
    /// True once the members of `resolution` and `survey` were noted (by `scan`, or
    /// `walkNested`).
    var objectsNoted = false
    /// True once the members of the elements of `escalations` and `history` were noted.
    var listsNoted = false
    /// True once every member one level down was noted.
    var nestedNoted: Bool { objectsNoted && listsNoted }

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
        objectsNoted = false
        listsNoted = false
    }

    /// Validates a line as `Ticket.scan` does (the same refusals) and notes the lifecycle's
    /// members, those one level down included; `visit` sees every top-level member. With
    /// `lists` false the elements of `escalations` and `history` are only validated, not
    /// noted: `walkNested` notes them later, for the few tickets that need them (queue decides
    /// most finished tickets owe nothing from `resolution`, `survey` and a byte search of the
    /// history; noting every event of every history during the scan was a quarter of its
    /// work beyond the scan).
    public mutating func scan(_ b: UnsafeRawBufferPointer, lists: Bool = true, _ visit: (MemberSpan, TicketField.Match?) -> Void) throws(TicketError) {
        try Ticket.scan(b, descend: { $0 == .resolution || $0 == .survey || (lists && ($0 == .escalations || $0 == .history)) }, nested: { field, element, span in
            self.note(b, field, element, span)
        }) { span, known in
            self.note(b, span, known)
            visit(span, known)
        }
        objectsNoted = true
        listsNoted = lists
    }

    /// Notes the members one level down not noted yet by walking the bytes of the members
    /// noted, for a reader that scanned with `note(_:_:_:)` only (check), or with `scan(lists:
    /// false)` (queue): the same members `scan` notes.
    mutating func walkNested(_ b: UnsafeRawBufferPointer) {
        guard !nestedNoted else { return }
        if !objectsNoted {
            if let r = resolution, r.count >= 2, b[r.lowerBound] == UInt8(ascii: "{") { _ = walkObject(b, .resolution, -1, r.lowerBound, end: r.upperBound) }
            if let r = survey, r.count >= 2, b[r.lowerBound] == UInt8(ascii: "{") { _ = walkObject(b, .survey, -1, r.lowerBound, end: r.upperBound) }
        }
        if !listsNoted {
            // A fresh reader's lists (check's, one per ticket) get room for a usual history at
            // once rather than growing an element at a time.
            if events.capacity == 0 { events.reserveCapacity(8) }
            if let r = escalations { walkList(b, .escalations, r) }
            if let r = history { walkList(b, .history, r) }
            if hasEvent { events.append(event) }
            hasEvent = false
        }
        objectsNoted = true
        listsNoted = true
    }

    /// Notes the members of each object element of the array at `r` (of a validated line), as
    /// the scan notes them: one pass over the bytes (`walkObject`). Why not RawJSON.forEachElement
    /// and forEachMember: their closures and a memchr per string cost queue three times the
    /// noting they replace.
    mutating func walkList(_ b: UnsafeRawBufferPointer, _ field: TicketField, _ r: Range<Int>) {
        guard r.count >= 2, b[r.lowerBound] == UInt8(ascii: "[") else { return }
        let end = r.upperBound - 1  // the closing bracket
        var i = LifecycleMembers.space(b, r.lowerBound + 1, end)
        var element = 0
        while i < end {
            if b[i] == UInt8(ascii: "{") {
                i = walkObject(b, field, element, i, end: end)
            } else {
                i = RawJSON.skip(b, i, end)
            }
            element += 1
            i = LifecycleMembers.space(b, i, end)
            guard i < end, b[i] == UInt8(ascii: ",") else { break }
            i = LifecycleMembers.space(b, i + 1, end)
        }
    }

    /// Notes the start and each member of the (valid) object opening at `i`, as the scan
    /// notes them (`element` -1 for `resolution` and `survey` themselves); returns the position
    /// after it. Strings are skipped eight bytes a step (StringScan); nothing at or past `end`
    /// is read.
    mutating func walkObject(_ b: UnsafeRawBufferPointer, _ field: TicketField, _ element: Int, _ at: Int, end: Int) -> Int {
        guard let base = b.baseAddress else { return end }
        /// The end of the string opening at `i`, and whether it holds an escape.
        @inline(__always) func string(_ i: Int, _ escaped: inout Bool) -> Int {
            var p = i + 1
            while true {
                p = StringScan.firstSpecial(base, from: p, end: end)
                guard p < end else { return end }
                let c = b[p]
                if c == 0x22 { return p + 1 }
                if c == 0x5C {
                    escaped = true
                    p += 2
                } else {
                    p += 1
                }
            }
        }
        note(b, field, element, nil)
        var i = LifecycleMembers.space(b, at + 1, end)
        while i < end, b[i] == 0x22 {
            var escaped = false
            let keyStart = i
            i = string(i, &escaped)
            let keyEnd = i
            i = LifecycleMembers.space(b, LifecycleMembers.space(b, i, end) + 1, end)  // past ':'
            let valueStart = i
            if i < end, b[i] == 0x22 {
                var ignored = false
                i = string(i, &ignored)
            } else {
                i = RawJSON.skip(b, i, end)
            }
            note(b, field, element, MemberSpan(keyRange: keyStart..<keyEnd, keyEscaped: escaped, valueRange: valueStart..<i))
            i = LifecycleMembers.space(b, i, end)
            guard i < end, b[i] == UInt8(ascii: ",") else { break }
            i = LifecycleMembers.space(b, i + 1, end)
        }
        return i + 1  // past '}'
    }

    /// The position after the white space from `i` (valid JSON: between tokens, a byte below
    /// 0x21 is white space).
    @inline(__always)
    static func space(_ b: UnsafeRawBufferPointer, _ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end, b[i] <= 0x20 { i += 1 }
        return i
    }

    /// Notes one member reported by `Ticket.scan`. A key outside SPEC §3 may repeat: its first
    /// occurrence counts, as `Ticket.value` reads it. Inlined into the scan's callback (the call
    /// per member of every line was a sixth of what queue's noting cost).
    @inline(__always)
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
    /// Inlined into the scan's callback: a call per member of every nested object scanned.
    @inline(__always)
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

    /// The member name a promise is recorded under, and the event names recording a survey
    /// sent or skipped: what `mayHaveOpenDuties(line:…)` looks for in a history not walked.
    static let surveyNeedles = [Needle("surveyed"), Needle("survey_skipped")]

    /// `mayMention(b, r, [Needle("promise")])`, found by memchr on its rare `m` and on a
    /// backslash: every finished ticket's history is searched for it.
    static func mayMentionPromise(_ b: UnsafeRawBufferPointer, _ r: Range<Int>?) -> Bool {
        guard let r, !r.isEmpty, let base = b.baseAddress else { return false }
        if memchr(base + r.lowerBound, 0x5C, r.count) != nil { return true }
        return RawJSON.contains(b, r, "\"promise\"", anchor: 4)
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

    /// The meaning of the event name at `r`; nil when it is not a string. Told apart by length
    /// first, then by bytes (`eventNames` spells the same meanings; a test holds the two equal).
    static func eventName(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> EventName? {
        guard RawJSON.isString(b, r), let base = b.baseAddress else { return nil }
        let start = base + r.lowerBound + 1, n = r.count - 2
        let body = UnsafeRawBufferPointer(start: start, count: n)
        if RawJSON.hasBackslash(body) { return RawJSON.string(b, r).map(EventName.init) }
        @inline(__always) func spells(_ s: StaticString) -> Bool { memcmp(start, s.utf8Start, n) == 0 }
        switch n {
        case 4: if spells("note") { return .note }
        case 6: if spells("closed") { return .span(.closed) }
        case 7:
            if spells("replied") { return .replied }
            if spells("waiting") { return .span(.waiting) }
        case 8:
            if spells("resolved") { return .span(.resolved) }
            if spells("reopened") { return .span(.reopened) }
            if spells("surveyed") { return .surveyEvent }
        case 9: if spells("confirmed") { return .confirmed }
        case 10: if spells("workaround") { return .workaround }
        case 11: if spells("missed_call") { return .callOwed }
        case 12: if spells("call_dropped") { return .callOwed }
        case 14: if spells("survey_skipped") { return .surveyEvent }
        case 15: if spells("survey_recorded") { return .surveyRecorded }
        case 16: if spells("customer_replied") { return .span(.customerReplied) }
        default: break
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
        guard m.objectsNoted else {
            var walked = m
            walked.walkNested(b)
            return mayHaveOpenDuties(line: b, status: status, members: walked, now: now)
        }
        guard let at = m.resolutionAt.flatMap({ RawJSON.instant(b, $0) }) else { return true }
        /// Whether the history's events pass `test`. Events not noted yet are walked only when
        /// the history's bytes may name what `test` looks for (`needles`; an escape always
        /// may): most histories hold no promise and no survey event.
        func history(_ mayMention: Bool, _ test: (LifecycleMembers) -> Bool) -> Bool {
            if m.listsNoted { return test(m) }
            guard mayMention else { return false }
            var walked = m
            walked.walkNested(b)
            return test(walked)
        }
        // Resolved after `now`: its clocks still run at `now` (openDuties replays them).
        if at > now || history(!m.listsNoted && LifecycleLine.mayMentionPromise(b, m.history), { $0.historyHasPromise(b) }) { return true }
        if !m.surveyInvited(b), now <= (m.confirmedAt.flatMap { RawJSON.instant(b, $0) } ?? at).adding(policy.survey.responseWindow),
           !history(!m.listsNoted && LifecycleLine.mayMention(b, m.history, LifecycleLine.surveyNeedles), { $0.historyRecordsSurvey(b) }) {
            return true
        }
        if m.surveyIsObject, m.respondedAt.flatMap({ RawJSON.instant(b, $0) }) != nil,
           let mean = m.surveyMean(b), mean < policy.survey.csatThreshold { return true }
        return false
    }
}

extension Lifecycle {
    /// `mayHaveOpenDuties(line:…)` reading the members in place (queue asks it of every line:
    /// passing them by value copied them each time).
    func mayHaveOpenDuties(line b: UnsafeRawBufferPointer, status: Status, members m: inout LifecycleMembers, now: Instant) -> Bool {
        guard status.isFinished else { return true }
        return mayHaveOpenDuties(line: b, status: status, members: m, now: now)
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
