// The few facts of one ticket that the report reads, pulled out of the line in one walk over
// its members. Only the members the report needs are parsed; `history` is parsed only when its
// raw bytes mention a waiting or workaround event, so the common ticket costs little more than
// the validating scan every command does anyway.

/// Which SLA target a figure is about.
public enum SLATarget: String, CaseIterable, Sendable {
    case firstResponse = "first_response"
    case workaround
    case resolution
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
    public var priorityText: String?
    public var priority: Priority? { priorityText.flatMap(Priority.init(rawValue:)) }
    public var category: String?
    public var owner: String?
    public var assignee: String?
    public var tier: String?
    /// Phone only: false for a missed call.
    public var answered: Bool?
    public var firstResponseAt: Instant?
    /// A history `workaround` event or a `workaround_at` member; else the resolution time.
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
    /// Reads the facts from a decoded ticket, parsing only the members and leaves needed.
    public init(_ t: Ticket) {
        self.init(id: t.id, openedAt: t.openedAt, channel: t.channel, status: t.status)
        self = t.source.withUnsafeBytes { buf in
            var f = self
            f.read(t, buf)
            return f
        }
    }

    mutating func read(_ t: Ticket, _ buf: UnsafeRawBufferPointer) {
        var historyRange: Range<Int>? = nil
        var resolution: RawFields? = nil
        var resolutionValue: JSONObject? = nil
        var workaroundMember: Instant? = nil
        for m in t.members {
            guard case .raw(let r) = m.stored else {
                // Set by a command in this run (not on the report's path): read the value.
                readValue(m.key, t.value(at: m), &resolutionValue, &workaroundMember)
                continue
            }
            switch m.key {
            case "priority": priorityText = t.value(at: m).stringValue
            case "category": category = t.value(at: m).stringValue
            case "owner": owner = t.value(at: m).stringValue
            case "assignee": assignee = t.value(at: m).stringValue
            case "tier": tier = t.value(at: m).stringValue
            case "answered": answered = buf[r.lowerBound] == UInt8(ascii: "t") ? true : buf[r.lowerBound] == UInt8(ascii: "f") ? false : nil
            case "first_response_at":
                if buf[r.lowerBound] == 0x22 {
                    firstResponseAt = RawFields.instant(buf, r) ?? t.value(at: m).stringValue.flatMap { Instant(rfc3339: $0) }
                    benchFirstResponse = firstResponseAt
                }
            case "workaround_at": workaroundMember = t.value(at: m).stringValue.flatMap { Instant(rfc3339: $0) }
            case "sla":
                guard let o = RawFields(buf, r) else { break }
                if let p = o.double("paused_seconds") { pausedTotal = Int64(p) }
                if let br = o.range("breaches"), br.count > 2 {
                    for b in o.value("breaches")?.arrayValue ?? [] {
                        if let name = b.objectValue?["target"]?.stringValue, let target = SLATarget(rawValue: name) {
                            recordedBreaches.insert(target)
                        }
                    }
                }
            case "resolution": resolution = RawFields(buf, r)
            case "escalations", "reopened":
                readValue(m.key, t.value(at: m), &resolutionValue, &workaroundMember)
            case "survey":
                guard let o = RawFields(buf, r) else { break }
                var s = SurveyFacts(
                    invitedAt: o.instant("invited_at"), respondedAt: o.instant("responded_at"),
                    efficiency: o.double("efficiency"), attitude: o.double("attitude"), effectiveness: o.double("effectiveness"))
                if s.scores != nil { s.comment = o.value("comment")?.stringValue }
                survey = s
            case "history": historyRange = r
            default: break
            }
        }
        if status.isFinished {
            if let r = resolution {
                let at = r.instant("at")
                resolvedAt = at
                finishedAt = r.instant("confirmed_at") ?? at
            } else if let r = resolutionValue {
                let at = r["at"]?.stringValue.flatMap { Instant(rfc3339: $0) }
                resolvedAt = at
                finishedAt = r["confirmed_at"]?.stringValue.flatMap { Instant(rfc3339: $0) } ?? at
            }
        }
        var workaroundEvent: Instant? = nil
        if let hr = historyRange {
            let wantsWaits = pausedTotal == nil && RawFields.contains(buf, hr, "waiting\"")
            let wantsWorkaround = workaroundMember == nil && RawFields.contains(buf, hr, "workaround\"")
            if wantsWaits || wantsWorkaround {
                var waitStart: Instant? = nil
                for e in t.array("history") {
                    guard let o = e.objectValue, let ev = o["event"]?.stringValue,
                        let at = o["at"]?.stringValue.flatMap({ Instant(rfc3339: $0) })
                    else { continue }
                    switch ev {
                    case "waiting": if waitStart == nil { waitStart = at }
                    case "customer_replied":
                        if let s = waitStart {
                            pauses.append((s, at))
                            waitStart = nil
                        }
                    case "workaround": if workaroundEvent == nil { workaroundEvent = at }
                    default: break
                    }
                }
                if wantsWaits, status == .waiting { waitingSince = waitStart }
                if !wantsWaits { pauses = [] }
            }
        }
        workaroundAt = workaroundMember ?? workaroundEvent ?? resolvedAt
    }

    /// Reads a member from its parsed value (members set in this run, and the rarer arrays).
    mutating func readValue(_ key: String, _ v: JSONValue, _ resolution: inout JSONObject?, _ workaround: inout Instant?) {
        switch key {
        case "priority": priorityText = v.stringValue
        case "category": category = v.stringValue
        case "owner": owner = v.stringValue
        case "assignee": assignee = v.stringValue
        case "tier": tier = v.stringValue
        case "answered": answered = v.boolValue
        case "first_response_at":
            firstResponseAt = v.stringValue.flatMap { Instant(rfc3339: $0) }
            benchFirstResponse = firstResponseAt
        case "workaround_at": workaround = v.stringValue.flatMap { Instant(rfc3339: $0) }
        case "resolution": resolution = v.objectValue
        case "escalations":
            for e in v.arrayValue ?? [] {
                guard let o = e.objectValue else { continue }
                escalations.append((o["at"]?.stringValue.flatMap { Instant(rfc3339: $0) },
                                    o["ack_at"]?.stringValue.flatMap { Instant(rfc3339: $0) }))
                if let to = o["to"]?.stringValue { escalatedTo = to }
            }
        case "reopened": reopened = !(v.arrayValue ?? []).isEmpty
        case "survey":
            guard let o = v.objectValue else { break }
            func time(_ k: String) -> Instant? { o[k]?.stringValue.flatMap { Instant(rfc3339: $0) } }
            survey = SurveyFacts(
                invitedAt: time("invited_at"), respondedAt: time("responded_at"),
                efficiency: o["efficiency"]?.doubleValue, attitude: o["attitude"]?.doubleValue,
                effectiveness: o["effectiveness"]?.doubleValue, comment: o["comment"]?.stringValue)
        case "sla":
            guard let o = v.objectValue else { break }
            if let p = o["paused_seconds"]?.doubleValue { pausedTotal = Int64(p) }
            for b in o["breaches"]?.arrayValue ?? [] {
                if let name = b.objectValue?["target"]?.stringValue, let target = SLATarget(rawValue: name) {
                    recordedBreaches.insert(target)
                }
            }
        default: break
        }
    }
}
