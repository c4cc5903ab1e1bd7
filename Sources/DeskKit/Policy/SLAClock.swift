// SLA time for one ticket under a policy (SPEC §5): targets per channel and priority, counted
// in business time of the policy calendar (24x7 for always-on priorities), minus the time the
// ticket spent waiting on the customer. Pauses come from history: a `waiting` event starts one,
// the next `customer_replied` (or `reopened`, `resolved`) ends it; a pause still open runs to
// `now`. Shared by classify (due times), escalate --auto (time limits), check and report.

/// SLA arithmetic for tickets under one policy.
public struct SLAClock: Sendable {
    public let policy: Policy

    public init(policy: Policy) { self.policy = policy }

    /// The calendar the ticket's clock runs on.
    public func calendar(for t: Ticket) -> BusinessCalendar { policy.calendar(for: t.priority?.rawValue) }

    /// Time spans the ticket waited on the customer, up to `now`.
    public static func pauses(of t: Ticket, until now: Instant) -> [TimeSpan] {
        var spans: [TimeSpan] = []
        var start: Instant? = nil
        for e in t.array("history").compactMap(\.objectValue) {
            guard let name = e["event"]?.stringValue, let at = e["at"]?.stringValue.flatMap(Instant.init(rfc3339:)) else { continue }
            switch name {
            case "waiting":
                if start == nil { start = at }
            case "customer_replied", "reopened", "resolved", "closed":
                if let s = start {
                    spans.append(TimeSpan(start: s, end: at))
                    start = nil
                }
            default: break
            }
        }
        if let s = start, s < now { spans.append(TimeSpan(start: s, end: now)) }
        return spans
    }

    /// Business seconds of SLA time between two instants, pauses excluded.
    public func elapsed(_ t: Ticket, from: Instant, to: Instant, now: Instant) -> Int64 {
        calendar(for: t).businessTime(from: from, to: to, excluding: SLAClock.pauses(of: t, until: now))
    }

    /// Business seconds the ticket has been paused so far (what moves its due times).
    public func pausedSeconds(_ t: Ticket, now: Instant) -> Int64 {
        let cal = calendar(for: t)
        return SLAClock.pauses(of: t, until: now).reduce(0) { $0 + cal.businessTime(from: $1.start, to: $1.end) }
    }

    /// The instant when `target` seconds of SLA time have run since the ticket opened.
    public func due(_ t: Ticket, target: Int64, now: Instant) -> Instant {
        calendar(for: t).add(target, to: t.openedAt, excluding: SLAClock.pauses(of: t, until: now))
    }

    /// First-response target of the ticket's channel, in seconds.
    public func firstResponseTarget(_ t: Ticket) -> Int64? { policy.firstResponse[t.channel] }

    /// Workaround target of the ticket's priority.
    public func workaroundTarget(_ t: Ticket) -> Int64? { t.priority.flatMap { policy.workaround[$0] } }

    /// Resolution target of the ticket's priority.
    public func resolutionTarget(_ t: Ticket) -> Int64? { t.priority.flatMap { policy.resolution[$0] } }
}
