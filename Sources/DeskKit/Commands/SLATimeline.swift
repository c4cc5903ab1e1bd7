// A ticket's SLA events — each target's due time, and whether it was met or breached — as the
// lifecycle replays them (Lifecycle.schedule), not as the `sla` object last recorded them. The
// one place `log`, `show --breached` and `show --sort due` take them from, so they cannot
// disagree with each other, nor with classify, check, queue and report.

/// One SLA event on a ticket's timeline.
public struct SLAEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The target falls due at `at` (shown whether or not it is still ahead).
        case due
        /// Done at `at`, within the target.
        case met
        /// Missed: `at` is when the due time passed.
        case breached
    }

    public var at: Instant
    /// `first_response`, `workaround`, `resolution`, `escalation`.
    public var target: String
    public var kind: Kind
}

/// SLA events of tickets.
public enum SLATimeline {
    /// Every SLA event of the ticket as of `now`, in time order (due before met/breached at the
    /// same instant): each target's due, then met when its event came in time or breached at
    /// the due; each tier's escalation limit likewise (`escalation`).
    public static func events(_ t: Ticket, lifecycle: Lifecycle, now: Instant) -> [SLAEvent] {
        let s = lifecycle.schedule(t, now: now)
        var out: [SLAEvent] = []
        for target in SLATarget.allCases {
            let c = s.targets[target]
            guard let due = s.due(target), c.state != .none else { continue }
            out.append(SLAEvent(at: due, target: target.rawValue, kind: .due))
            switch c.state {
            case .met: if let at = c.stoppedAt { out.append(SLAEvent(at: at, target: target.rawValue, kind: .met)) }
            case .breached: out.append(SLAEvent(at: due, target: target.rawValue, kind: .breached))
            default: break
            }
        }
        for st in s.stints {
            guard let due = st.due, st.state != .none else { continue }
            out.append(SLAEvent(at: due, target: "escalation", kind: .due))
            if st.state == .breached { out.append(SLAEvent(at: due, target: "escalation", kind: .breached)) }
        }
        return out.enumerated().sorted { a, b in
            if a.element.at != b.element.at { return a.element.at < b.element.at }
            if (a.element.kind == .due) != (b.element.kind == .due) { return a.element.kind == .due }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Whether the ticket missed any SLA target (or a tier its time limit) by `now`: a breach
    /// whose due is not after `now` (a file read at a `--now` before its own events is judged
    /// by what had happened by then).
    public static func isBreached(_ t: Ticket, lifecycle: Lifecycle, now: Instant) -> Bool {
        events(t, lifecycle: lifecycle, now: now).contains { $0.kind == .breached && $0.at <= now }
    }

    /// The earliest due time of a target still running; nil when none is.
    public static func nextDue(_ t: Ticket, lifecycle: Lifecycle, now: Instant) -> Instant? {
        let s = lifecycle.schedule(t, now: now)
        return SLATarget.allCases.compactMap { s.targets[$0].stoppedAt == nil && s.targets[$0].state != .none ? s.due($0) : nil }.min()
    }
}
