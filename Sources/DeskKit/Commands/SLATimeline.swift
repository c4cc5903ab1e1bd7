// A ticket's SLA events — each target's due time, and whether it was met or breached — read
// from the `sla` object classify and the work commands keep. The one place `log`, `show
// --breached` and `show --sort due` take them from, so they cannot disagree; when the shared
// lifecycle module lands it replaces the body of `events`.

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
    /// The targets with a due time on `sla`, and the key of the time they were done at.
    static let targets: [(name: String, dueKey: String)] = [
        ("first_response", "first_response_due"), ("workaround", "workaround_due"), ("resolution", "resolution_due"),
    ]

    /// When the ticket did what the target asks: the first public reply, and the resolution
    /// (which also ends the need for a workaround, as classify counts it).
    static func doneAt(_ t: Ticket, _ target: String) -> Instant? {
        switch target {
        case "first_response": return t.instant("first_response_at")
        default: return t.object("resolution")?["at"]?.stringValue.flatMap(Instant.init(rfc3339:))
        }
    }

    /// Every SLA event of the ticket as of `now`, in time order (due before met/breached at the
    /// same instant). A breach listed in `sla.breaches` is kept even when the dues moved since.
    public static func events(_ t: Ticket, now: Instant) -> [SLAEvent] {
        guard let sla = t.object("sla") else { return [] }
        let recorded = (sla["breaches"]?.arrayValue ?? []).compactMap(\.objectValue)
        let met = sla["met"]?.objectValue
        var out: [SLAEvent] = []
        var breachedTargets: Set<String> = []
        for b in recorded {
            guard let target = b["target"]?.stringValue,
                  let at = (b["due"] ?? b["at"])?.stringValue.flatMap(Instant.init(rfc3339:)) else { continue }
            out.append(SLAEvent(at: at, target: target, kind: .breached))
            breachedTargets.insert(target)
        }
        for (name, key) in targets {
            guard let due = sla[key]?.stringValue.flatMap(Instant.init(rfc3339:)) else { continue }
            out.append(SLAEvent(at: due, target: name, kind: .due))
            let done = doneAt(t, name)
            // A verdict written when the work happened (it counts customer waits) wins.
            let verdict = met?[name]?.boolValue ?? done.map { $0 <= due }
            if let done, verdict == true {
                out.append(SLAEvent(at: done, target: name, kind: .met))
            } else if !breachedTargets.contains(name), verdict == false || (done == nil && due < now) {
                out.append(SLAEvent(at: due, target: name, kind: .breached))
            }
        }
        return out.enumerated().sorted { a, b in
            if a.element.at != b.element.at { return a.element.at < b.element.at }
            if (a.element.kind == .due) != (b.element.kind == .due) { return a.element.kind == .due }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Whether the ticket missed any SLA target by `now`.
    public static func isBreached(_ t: Ticket, now: Instant) -> Bool {
        events(t, now: now).contains { $0.kind == .breached && $0.at <= now }
    }

    /// The earliest due time of a target not yet done; nil when none is pending.
    public static func nextDue(_ t: Ticket) -> Instant? {
        guard let sla = t.object("sla"), !t.status.isFinished else { return nil }
        var best: Instant? = nil
        for (name, key) in targets where doneAt(t, name) == nil {
            guard let due = sla[key]?.stringValue.flatMap(Instant.init(rfc3339:)) else { continue }
            if best.map({ due < $0 }) ?? true { best = due }
        }
        return best
    }
}
