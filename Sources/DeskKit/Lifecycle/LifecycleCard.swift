// The lifecycle's rows on a ticket's card (`show --format text`): each SLA clock with its due
// and where it stands, and the follow-through duties still open or missed.

/// Card rows from a ticket's replay.
public enum LifecycleCard {
    /// One row per SLA target and tier limit: `first response due T: met T2`.
    public static func slaRows(_ t: Ticket, lifecycle: Lifecycle, now: Instant) -> [String] {
        let s = lifecycle.schedule(t, now: now)
        var rows: [String] = []
        for target in SLATarget.allCases {
            let c = s.targets[target]
            guard c.limit != nil else { continue }
            var r = target.rawValue.replacingAll("_", with: " ") + " due " + (s.due(target)?.rfc3339 ?? "-")
            switch c.state {
            case .met: r += ": met " + (c.stoppedAt?.rfc3339 ?? "")
            case .breached: r += c.stoppedAt.map { ": breached, done " + $0.rfc3339 } ?? ": breached, still open"
            case .running: r += s.isPaused ? ": paused (waiting on the customer)" : ": running"
            case .none: r += ": no verdict (finished without it)"
            }
            rows.append(r)
        }
        for st in s.stints where st.limit != nil && st.state != .none {
            var r = "\(st.tier.rawValue) limit due " + (st.due?.rfc3339 ?? "-")
            switch st.state {
            case .met: r += ": met"
            case .breached: r += st.stop == nil ? ": overdue" : ": breached, left " + (st.stop?.rfc3339 ?? "")
            default: r += s.isPaused ? ": paused" : ": running"
            }
            rows.append(r)
        }
        return rows
    }

    /// One row per follow-through duty that is open or was missed (SLA targets and tier limits
    /// are in the sla rows): `promise due T: overdue`; missed daily and progress updates are
    /// counted in one row each.
    public static func dutyRows(_ t: Ticket, lifecycle: Lifecycle, now: Instant) -> [String] {
        var rows: [String] = []
        var missedCadence: [Duty.Kind: Int] = [:]
        for d in lifecycle.duties(t, now: now) {
            switch d.kind {
            case .firstResponse, .workaround, .resolution, .escalation: continue
            default: break
            }
            guard d.state != .met else { continue }
            // Missed daily and progress updates are summed up; the open one is listed.
            if d.state == .missed && (d.kind == .endOfDay || d.kind == .progress) {
                missedCadence[d.kind, default: 0] += 1
                continue
            }
            rows.append(name(d.kind) + " due " + (d.due?.rfc3339 ?? "(paused)") + ": " + d.state.rawValue)
        }
        for kind in [Duty.Kind.endOfDay, .progress] {
            if let n = missedCadence[kind] { rows.append(name(kind) + ": missed \(n) time" + (n == 1 ? "" : "s")) }
        }
        return rows
    }

    static func name(_ k: Duty.Kind) -> String { k.rawValue.replacingAll("_", with: " ") }
}
