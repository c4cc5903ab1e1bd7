// The ticket's `sla` object written from its schedule: due times, paused time, breaches and,
// once resolved, which targets were met. The object is a record of the lifecycle at the time
// of the last write, never a second computation: every command that changes a ticket rewrites
// it through `Lifecycle.record`, so what a ticket holds agrees with what check, queue and
// report compute at the same `--now`.

extension Lifecycle {
    /// The `sla` object of a ticket at `now`: `old`'s other keys are kept in place.
    public func slaObject(_ t: Ticket, old: JSONObject?, now: Instant) -> JSONObject {
        let s = schedule(t, now: now)
        var o = old ?? JSONObject()
        o["policy"] = .string(policy.id)
        for target in SLATarget.allCases {
            o[target.rawValue + "_due"] = s.due(target).map { .string($0.rfc3339) } ?? .null
        }
        o["paused_seconds"] = .number(String(s.pausedSeconds))
        o["breaches"] = .array(s.breaches.map { b in
            .object(["target": .string(b.target), "due": .string(b.due.rfc3339), "at": .string(b.at.rfc3339)])
        })
        if t.status.isFinished {
            var met = JSONObject()
            for target in SLATarget.allCases {
                switch s.targets[target].state {
                case .met: met[target.rawValue] = .bool(true)
                case .breached: met[target.rawValue] = .bool(false)
                default: break
                }
            }
            o["met"] = .object(met)
        } else if o["met"] != nil {
            o["met"] = Optional<JSONValue>.none
        }
        return o
    }

    /// Brings the ticket's `sla` object up to date at `now`; with `create` false a ticket
    /// without one is left without (classify creates it). Nothing is set when nothing changed,
    /// so an untouched ticket keeps its bytes.
    public func record(_ t: inout Ticket, now: Instant, create: Bool = false) {
        let old = t.object("sla")
        guard old != nil || create else { return }
        let new = slaObject(t, old: old, now: now)
        if old != new { t.set("sla", .object(new)) }
    }
}
