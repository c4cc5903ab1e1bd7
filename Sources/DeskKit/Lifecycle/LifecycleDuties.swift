// Every duty of a ticket at `now`, derived from its facts and its schedule: the SLA targets and
// escalation steps, and the follow-through duties of the seeds (promises, ETAs, call-backs,
// end-of-day and progress updates, observation, survey and its follow-up). docs/SLA.md states
// each rule with its seed.

extension Lifecycle {
    /// Every duty of a ticket at `now`, open and settled, in a fixed order of kinds.
    public func duties(_ t: Ticket, now: Instant) -> [Duty] {
        let f = facts(t)
        return duties(f, schedule: schedule(f, now: now), now: now)
    }

    /// Every duty of a ticket's (full) facts at `now`. With `openOnly` the cadence duties
    /// (end-of-day and progress updates) are worked out only for the current day and the
    /// latest update, which is all `queue` lists; the open duties are the same either way.
    /// With `explain` false every duty's `explain` is empty (queue without --explain: the
    /// texts cost more than the replay). With `cadence` false the end-of-day and progress
    /// duties are left out (check judges them only while a ticket is worked on). With
    /// `explainLapsedOnly` only overdue and missed duties get their text (check quotes no other).
    public func duties(_ f: LifecycleFacts, schedule s: Schedule, now: Instant, openOnly: Bool = false, explain: Bool = true,
                       cadence: Bool = true, explainLapsedOnly: Bool = false) -> [Duty] {
        var out: [Duty] = []
        out.reserveCapacity(12)
        /// The rule text, built only when asked for.
        let ex = DutyTexts(explain, lapsedOnly: explainLapsedOnly)
        let cal = clock(for: f.priority)
        let dur = Policy.formatDuration
        /// Met or missed by `done`; missed for good when the ticket moved on without it
        /// (`closedWithout` set); else pending or overdue at `now`.
        func timed(_ due: Instant, done: Instant?, closedWithout: Instant? = nil) -> (Duty.State, Instant?) {
            Lifecycle.timed(due, done: done, closedWithout: closedWithout, now: now)
        }

        // SLA targets. The policy value behind each, named only when a text is built.
        func source(_ t: SLATarget) -> String {
            switch t {
            case .firstResponse: return "first_response.\(f.channel.rawValue)"
            case .workaround: return "workaround.\(s.priority.rawValue)"
            case .resolution: return "resolution.\(s.priority.rawValue)"
            }
        }
        for target in SLATarget.allCases {
            let c = s.targets[target]
            guard let limit = c.limit else { continue }
            let kind: Duty.Kind
            switch target {
            case .firstResponse: kind = .firstResponse
            case .workaround: kind = .workaround
            case .resolution: kind = .resolution
            }
            let state: Duty.State
            switch c.state {
            case .met: state = .met
            case .breached: state = c.stoppedAt == nil ? .overdue : .missed
            case .running: state = .pending
            case .none: continue
            }
            let due = state == .pending && s.isPaused ? nil : s.due(target)
            out.append(Duty(kind, due: due, state: state, doneAt: c.stoppedAt,
                explain: ex(state, "\(source(target)) \(dur(limit)) of SLA time from opened_at (waits and resolved time excluded)")))
        }
        // Escalation time limits.
        for st in s.stints {
            guard let limit = st.limit, st.state != .none else { continue }
            let state: Duty.State = st.state == .met ? .met : st.state == .breached ? (st.stop == nil ? .overdue : .missed) : .pending
            var text = ""
            if ex.wants(state) {
                text = "escalation.time_limits.\(st.tier.rawValue).\(s.priority.rawValue) \(dur(limit)) of SLA time at \(st.tier.rawValue) since \(st.start.rfc3339)"
                if let eta = st.eta { text += ", held off to the acknowledged ETA \(eta.rfc3339)" }
            }
            out.append(Duty(.escalation, due: state == .pending && s.isPaused ? nil : st.due, state: state, doneAt: st.stop, explain: text))
        }
        // The latest escalation's acknowledgement and ETA.
        if let e = f.escalations.last {
            let limit = e.from.flatMap { timeLimit($0, s.priority) } ?? 7200
            let due = cal.add(limit, to: e.at)
            if e.ackAt != nil || !f.isResolvedState {
                let (state, done) = timed(due, done: e.ackAt)
                out.append(Duty(.acknowledgement, due: due, state: state, doneAt: done,
                    explain: ex(state, "the receiver acknowledges within the sending tier's limit \(dur(limit)) (escalation.time_limits.\(e.from?.rawValue ?? "?").\(s.priority.rawValue), else 2h)")))
            }
            if let eta = e.eta {
                let (state, done) = timed(eta, done: f.resolutionStop)
                out.append(Duty(.escalationETA, due: eta, state: state, doneAt: done,
                    explain: ex(state, "resolved by the ETA \(e.to?.rawValue ?? "the receiver") gave when acknowledging")))
            }
        }
        // Promises, ETAs and call-backs, from the events.
        let events = f.events
        for (i, e) in events.enumerated() {
            switch e.kind {
            case .replied(let flags):
                if let p = flags.promise { out.append(promiseDuty(f, at: i, promise: p, now: now, explain: ex)) }
                if let eta = flags.eta {
                    // A later ETA given before this one passed revises it.
                    let revised = events[(i + 1)...].contains { x in
                        if case .replied(let g) = x.kind, g.eta != nil, x.at <= eta { return true }
                        return false
                    }
                    if !revised {
                        let (state, done) = timed(eta, done: f.resolutionStop)
                        out.append(Duty(.eta, due: eta, state: state, doneAt: done,
                            explain: ex(state, "expected resolution time given to the requester at \(e.at.rfc3339) (reply --eta)")))
                    }
                }
            case .callOwed:
                let due = cal.add(policy.duties.callback, to: e.at)
                let back = events[(i + 1)...].first { x in
                    if case .replied(let g) = x.kind { return g.callback }
                    return false
                }
                let (state, done) = timed(due, done: back?.at, closedWithout: back == nil && f.isResolvedState ? f.resolutionStop ?? due : nil)
                out.append(Duty(.callback, due: due, state: state, doneAt: done,
                    explain: ex(state, "duties.callback \(dur(policy.duties.callback)) of SLA time after the missed or dropped call at \(e.at.rfc3339)")))
            default: break
            }
        }
        let replies = events.compactMap { e -> Instant? in
            if case .replied = e.kind { return e.at }
            return nil
        }
        if cadence {
            if policy.duties.endOfDayUpdate { endOfDay(f, s, replies: replies, now: now, onlyToday: openOnly, explain: ex, into: &out) }
            progress(f, s, replies: openOnly ? Array(replies.suffix(1)) : replies, cal: cal, now: now, explain: ex, into: &out)
        }
        closingDuties(f, now: now, explain: ex, into: &out)
        return out
    }

    /// Met or missed by `done`; missed for good when the ticket moved on without it
    /// (`closedWithout` set); else pending or overdue at `now`.
    static func timed(_ due: Instant, done: Instant?, closedWithout: Instant? = nil, now: Instant) -> (Duty.State, Instant?) {
        if let d = done { return (d <= due ? .met : .missed, d) }
        if closedWithout != nil { return (.missed, nil) }
        return (now > due ? .overdue : .pending, nil)
    }

    /// The duty of the reply time promised by event `i`: kept by the next public reply (or
    /// the resolution) by the agreed time.
    func promiseDuty(_ f: LifecycleFacts, at i: Int, promise p: Instant, now: Instant, explain: DutyTexts) -> Duty {
        let events = f.events
        let next = events[(i + 1)...].first { x in
            if case .replied = x.kind { return true }
            return x.kind == .resolved
        }
        let (state, done) = Lifecycle.timed(p, done: next?.at, closedWithout: f.status == .closed && next == nil ? f.resolutionStop ?? p : nil, now: now)
        return Duty(.promise, due: p, state: state, doneAt: done,
            explain: explain(state, "reply time agreed with the requester at \(events[i].at.rfc3339) (reply --promise)"))
    }

    /// Observation, survey and its follow-up.
    func closingDuties(_ f: LifecycleFacts, now: Instant, explain ex: DutyTexts, into out: inout [Duty]) {
        func timed(_ due: Instant, done: Instant?) -> (Duty.State, Instant?) { Lifecycle.timed(due, done: done, now: now) }
        let dur = Policy.formatDuration
        if f.status == .observing, let until = f.observeUntil {
            let state: Duty.State = now > until ? .overdue : .pending
            out.append(Duty(.observation, due: until, state: state,
                explain: ex(state, "confirm or reopen when the observation ends (resolve --observe; policy observation \(dur(policy.observation)))")))
        }
        if f.status.isFinished, !f.surveyHandled, let done = f.confirmedAt ?? f.resolvedAt ?? f.events.last(where: { $0.kind == .resolved })?.at {
            let due = done.adding(policy.survey.responseWindow)
            // Once the window has passed an invitation is pointless: missed, not overdue.
            let state: Duty.State = now > due ? .missed : .pending
            out.append(Duty(.survey, due: due, state: state,
                explain: ex(state, "invite the requester, or record why not, within survey.response_window \(dur(policy.survey.responseWindow)) of the resolution")))
        }
        if let at = f.surveyRespondedAt, let mean = f.surveyMean, mean < policy.survey.csatThreshold {
            let due = businessClock.add(policy.duties.surveyFollowUp, to: at)
            let follow = f.events.first { x in
                guard x.at >= at else { return false }
                if case .replied = x.kind { return true }
                return x.kind == .note || x.kind == .reopened
            }
            let (state, done) = timed(due, done: follow?.at)
            out.append(Duty(.surveyFollowUp, due: due, state: state, doneAt: done,
                explain: ex(state, "follow up an answer below survey.csat_threshold \(JSONWriter.string(Policy.number(policy.survey.csatThreshold))) within duties.survey_follow_up \(dur(policy.duties.surveyFollowUp))")))
        }
    }

    /// The open duties of a ticket's facts at `now`: what `queue` lists, the open ones of
    /// `duties(openOnly: true)`. A resolved or closed ticket whose resolution time has passed
    /// has stopped every SLA clock, tier limit, ETA, call-back and update (docs/SLA.md), so
    /// only a promise, the survey and its follow-up can still be open: its clocks are not
    /// replayed. A test holds this to `duties`.
    public func openDuties(_ f: LifecycleFacts, now: Instant, explain: Bool = true) -> [Duty] {
        // The settled duties are dropped in place: no second array per ticket.
        guard f.status.isFinished, let stop = f.resolutionStop, stop <= now else {
            var all = duties(f, schedule: schedule(f, now: now), now: now, openOnly: true, explain: explain)
            all.removeAll { !$0.isOpen }
            return all
        }
        var out: [Duty] = []
        for (i, e) in f.events.enumerated() {
            if case .replied(let flags) = e.kind, let p = flags.promise {
                let d = promiseDuty(f, at: i, promise: p, now: now, explain: DutyTexts(explain))
                if d.isOpen { out.append(d) }
            }
        }
        closingDuties(f, now: now, explain: DutyTexts(explain), into: &out)
        out.removeAll { !$0.isOpen }
        return out
    }

    /// The end-of-day update: each business day an unresolved ticket (not waiting, not resolved)
    /// stands open at the day's business end, having been opened at least its first-response
    /// target before it, is due a public reply within that business day.
    func endOfDay(_ f: LifecycleFacts, _ s: Schedule, replies: [Instant], now: Instant, onlyToday: Bool = false, explain: DutyTexts = DutyTexts(true), into out: inout [Duty]) {
        let grace = firstResponseLimits[f.channel.ordinal] ?? 0
        let last = min(now, f.resolutionStop ?? now)
        let firstDay = businessClock.date(of: f.openedAt)
        let lastDay = businessClock.date(of: last)
        guard lastDay >= firstDay else { return }
        // Old open tickets: the last 400 days are enough for any review.
        for day in max(firstDay, onlyToday ? lastDay : lastDay - 400)...lastDay {
            guard let (startS, endS) = businessClock.dayBounds(day) else { continue }
            let start = Instant(seconds: startS), end = Instant(seconds: endS)
            guard f.openedAt.seconds <= endS - grace else { continue }
            if let stop = f.resolutionStop, stop <= end { continue }
            // Waiting on the customer, or resolved, at the day's end: nothing is owed.
            if s.spans.spans.contains(where: { $0.start <= end && end < $0.end }) { continue }
            if end > now && s.isPaused { continue }
            let done = replies.first { $0 >= start && $0 <= end && $0 <= now }
            let state: Duty.State = done != nil ? .met : end > now ? .pending : .missed
            out.append(Duty(.endOfDay, due: end, state: state, doneAt: done ?? (state == .missed ? end : nil),
                explain: explain(state, "duties.end_of_day_update: an unresolved ticket gets a public update before the business day ends")))
        }
    }

    /// Progress updates: from each public reply, the next is due `duties.progress[priority]` of
    /// SLA time later while the ticket is unresolved (the resolution counts as an update).
    func progress(_ f: LifecycleFacts, _ s: Schedule, replies: [Instant], cal: LifecycleClock, now: Instant, explain: DutyTexts = DutyTexts(true), into out: inout [Duty]) {
        guard let interval = progressIntervals[s.priority.ordinal] else { return }
        let stop = f.resolutionStop
        for (k, r) in replies.enumerated() {
            if let stop, r >= stop { break }
            var next = k + 1 < replies.count ? replies[k + 1] : nil
            if let stop, next.map({ $0 > stop }) ?? true { next = stop }
            if next == nil && f.isResolvedState { break }  // closed without a resolution time
            let end = next ?? now
            let used = s.spans.used(from: r, to: end) { cal.businessTime(from: $0, to: $1) }
            let due = cal.add(interval, to: r, excluding: s.spans.clipped(r, end))
            let state: Duty.State
            if next != nil { state = used > interval ? .missed : .met } else { state = used > interval ? .overdue : .pending }
            out.append(Duty(.progress, due: state == .pending && s.isPaused ? nil : due, state: state, doneAt: next,
                explain: explain(state, "duties.progress.\(s.priority.rawValue) \(Policy.formatDuration(interval)) of SLA time after the public update at \(r.rfc3339)")))
        }
    }
}

extension Lifecycle {
    /// False only when the ticket can have no open duty at `now`, decided from a few facts
    /// without replaying its clocks: a resolved or closed ticket with a resolution time, no
    /// promise on record, no survey left to send within its window and no dissatisfied
    /// answer. `queue` skips such tickets (most of a long file) after the scan; its reader of
    /// a line's bytes answers the same (`mayHaveOpenDuties(line:…)`), and a test holds this
    /// to `duties` on generated tickets.
    public func mayHaveOpenDuties(_ t: Ticket, now: Instant) -> Bool {
        guard t.status.isFinished else { return true }
        let f = facts(t)
        guard let at = f.resolvedAt else { return true }
        // Resolved after `now`: its clocks still run at `now` (openDuties replays them).
        if at > now { return true }
        let promised = f.events.contains { e in
            if case .replied(let g) = e.kind { return g.promise != nil }
            return false
        }
        if promised { return true }
        if !f.surveyHandled, now <= (f.confirmedAt ?? at).adding(policy.survey.responseWindow) { return true }
        if f.surveyRespondedAt != nil, let mean = f.surveyMean, mean < policy.survey.csatThreshold { return true }
        return false
    }
}

/// Which duties get their `explain` text: all, none (queue without --explain), or only the
/// overdue and missed ones (check quotes no other). The texts cost more than the replay.
struct DutyTexts {
    let all: Bool
    let lapsed: Bool

    init(_ explain: Bool, lapsedOnly: Bool = false) {
        all = explain && !lapsedOnly
        lapsed = explain
    }

    /// Whether a duty in `state` gets its text.
    func wants(_ state: Duty.State) -> Bool { all || (lapsed && (state == .overdue || state == .missed)) }

    /// `text` when a duty in `state` gets it, else empty.
    func callAsFunction(_ state: Duty.State, _ text: @autoclosure () -> String) -> String { wants(state) ? text() : "" }
}
