// What the lifecycle replays: the few recorded facts of a ticket and the events of its audit
// trail that start, pause, resume or stop a clock or a duty. Built from a decoded `Ticket` by
// `LifecycleFacts(ticket:)`, and from a line's bytes by the report's reader (TicketFacts),
// which fills only what the SLA targets need; both then ask the same code (SLATargets).

/// One history event that matters to a clock or a duty.
public struct LifecycleEvent: Sendable, Equatable {
    /// The events the lifecycle reads; every other history event is ignored.
    public enum Kind: Sendable, Equatable {
        /// `waiting`: the SLA clocks pause (the ticket waits on the customer).
        case waiting
        /// `customer_replied`: ends a pause.
        case customerReplied
        /// `reopened`: ends a pause and a resolved stretch; clocks resume.
        case reopened
        /// `resolved`: ends a pause; clocks stop (a resolved stretch starts).
        case resolved
        /// `closed`: as `resolved`.
        case closed
        /// `replied`: a public reply; `flags` say what else it delivered.
        case replied(ReplyFlags)
        /// `call_dropped` (`reply --dropped`) or `missed_call`: a call-back is owed.
        case callOwed
        /// `confirmed`: the fix was confirmed after observation.
        case confirmed
        /// `note`: an internal note.
        case note
        /// `survey_recorded`: a survey answer.
        case surveyRecorded
    }

    /// What a public reply carried besides its text.
    public struct ReplyFlags: Sendable, Equatable {
        public var workaround = false
        public var callback = false
        /// `promise`: the reply time agreed with the requester.
        public var promise: Instant? = nil
        /// `eta`: the expected resolution time given to the requester.
        public var eta: Instant? = nil
        public init(workaround: Bool = false, callback: Bool = false, promise: Instant? = nil, eta: Instant? = nil) {
            self.workaround = workaround
            self.callback = callback
            self.promise = promise
            self.eta = eta
        }
    }

    public var kind: Kind
    public var at: Instant

    public init(_ kind: Kind, at: Instant) {
        self.kind = kind
        self.at = at
    }

    /// The kind of a history event name that ends or starts a pause or a resolved stretch;
    /// nil for every other name. The report's byte reader asks this too, so both readers
    /// agree on which names count.
    public static func spanKind(_ name: String) -> Kind? {
        switch name {
        case "waiting": return .waiting
        case "customer_replied": return .customerReplied
        case "reopened": return .reopened
        case "resolved": return .resolved
        case "closed": return .closed
        default: return nil
        }
    }

    /// True for the kinds that shape the SLA clocks' excluded spans.
    public var shapesSpans: Bool {
        switch kind {
        case .waiting, .customerReplied, .reopened, .resolved, .closed: return true
        default: return false
        }
    }
}

/// One escalation as the lifecycle needs it.
public struct EscalationFacts: Sendable, Equatable {
    public var from: Tier?
    public var to: Tier?
    public var at: Instant
    public var ackAt: Instant?
    public var eta: Instant?
    public init(from: Tier?, to: Tier?, at: Instant, ackAt: Instant? = nil, eta: Instant? = nil) {
        self.from = from
        self.to = to
        self.at = at
        self.ackAt = ackAt
        self.eta = eta
    }
}

/// The recorded facts of one ticket that its clocks and duties are replayed from.
public struct LifecycleFacts: Sendable, Equatable {
    public var openedAt: Instant
    public var channel: Channel
    public var status: Status
    /// The current priority (nil: unclassified, counted as the policy's default priority).
    public var priority: Priority?
    /// The current tier (nil: the first tier of the path).
    public var tier: Tier?
    /// A missed phone call (`answered: false`): its first response is the call-back.
    public var missedCall = false
    public var firstResponseAt: Instant?
    /// When a workaround was delivered: top-level `workaround_at` (set by the first `reply
    /// --workaround`), else the first history `replied` event with `"workaround": true` (or a
    /// `workaround` event) — the report's reader takes the same fallback.
    public var workaroundAt: Instant?
    /// `resolution.at`, read only when the ticket is resolved, closed or observing.
    public var resolvedAt: Instant?
    /// `resolution.confirmed_at`.
    public var confirmedAt: Instant?
    /// `resolution.observe_until`.
    public var observeUntil: Instant?
    /// The events of `history` that matter, in history order.
    public var events: [LifecycleEvent] = []
    public var escalations: [EscalationFacts] = []
    /// `survey.invited_at`/`token` present, or a survey event recorded.
    public var surveyHandled = false
    /// `survey.responded_at` and the mean score, when answered.
    public var surveyRespondedAt: Instant?
    public var surveyMean: Double?

    public init(openedAt: Instant, channel: Channel, status: Status) {
        self.openedAt = openedAt
        self.channel = channel
        self.status = status
    }

    /// Resolved, closed or observing: the fix was delivered.
    public var isResolvedState: Bool { status.isFinished || status == .observing }

    /// When the resolution clock stopped: `resolution.at` of a resolved, closed or observing
    /// ticket; nil while the ticket is worked on (a reopened ticket runs again).
    public var resolutionStop: Instant? { isResolvedState ? resolvedAt : nil }
}

extension LifecycleFacts {
    /// The facts of a decoded ticket; with `readHistory` false its history and survey are not
    /// parsed (the caller knows the history holds no event that shapes the clocks, and needs
    /// no duties). `history` and `escalations`, when given, are the object elements of those
    /// members as the caller already parsed them (check parses every member once), so they are
    /// not parsed again.
    public init(ticket t: Ticket, readHistory: Bool = true, history parsedHistory: [JSONObject]? = nil, escalations parsedEscalations: [JSONObject]? = nil) {
        self.init(openedAt: t.openedAt, channel: t.channel, status: t.status)
        priority = t.priority
        tier = t.tier
        missedCall = t.channel == .phone && t.value("answered")?.boolValue == false
        firstResponseAt = t.instant("first_response_at")
        workaroundAt = t.instant("workaround_at")
        let r = t.object("resolution")
        func time(_ o: JSONObject?, _ k: String) -> Instant? { o?[k]?.stringValue.flatMap(Instant.init(rfc3339:)) }
        if isResolvedState { resolvedAt = time(r, "at") }
        confirmedAt = time(r, "confirmed_at")
        observeUntil = time(r, "observe_until")
        var surveyEvent = false
        for e in readHistory ? parsedHistory ?? t.array("history").compactMap(\.objectValue) : [] {
            guard let name = e["event"]?.stringValue, let at = time(e, "at") else { continue }
            if let k = LifecycleEvent.spanKind(name) {
                events.append(LifecycleEvent(k, at: at))
                continue
            }
            switch name {
            case "workaround":
                if t.instant("workaround_at") == nil, workaroundAt == nil { workaroundAt = at }
            case "replied":
                if e["workaround"]?.boolValue == true, t.instant("workaround_at") == nil, workaroundAt == nil { workaroundAt = at }
                let flags = LifecycleEvent.ReplyFlags(
                    workaround: e["workaround"]?.boolValue ?? false, callback: e["callback"]?.boolValue ?? false,
                    promise: time(e, "promise"), eta: time(e, "eta"))
                events.append(LifecycleEvent(.replied(flags), at: at))
            case "call_dropped", "missed_call": events.append(LifecycleEvent(.callOwed, at: at))
            case "confirmed": events.append(LifecycleEvent(.confirmed, at: at))
            case "note": events.append(LifecycleEvent(.note, at: at))
            case "survey_recorded": events.append(LifecycleEvent(.surveyRecorded, at: at))
            case "surveyed", "survey_skipped": surveyEvent = true
            default: break
            }
        }
        // A missed call opened without a `missed_call` event still owes its call-back.
        if missedCall && !events.contains(where: { $0.kind == .callOwed && $0.at == t.openedAt }) {
            events.insert(LifecycleEvent(.callOwed, at: t.openedAt), at: 0)
        }
        for e in parsedEscalations ?? t.array("escalations").compactMap(\.objectValue) {
            guard let at = time(e, "at") else { continue }
            escalations.append(EscalationFacts(
                from: e["from"]?.stringValue.flatMap(Tier.init(rawValue:)), to: e["to"]?.stringValue.flatMap(Tier.init(rawValue:)),
                at: at, ackAt: time(e, "ack_at"), eta: time(e, "eta")))
        }
        guard readHistory else { return }
        let s = t.object("survey")
        surveyHandled = surveyEvent || s?["invited_at"].map { !$0.isNull } == true || s?["token"].map { !$0.isNull } == true
        surveyRespondedAt = time(s, "responded_at")
        let scores = Policy.SurveyDimension.allCases.compactMap { s?[$0.rawValue]?.doubleValue }
        surveyMean = Policy.SurveyDimension.mean(scores)
    }
}
