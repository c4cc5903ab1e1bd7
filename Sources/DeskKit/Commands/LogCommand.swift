// `desk log`: a ticket's audit trail as a timeline for people — each history event at its local
// time in the policy's zone, who, what happened and the text — with the SLA events (a target
// falling due, met, breached) from SLATimeline interleaved; `--format ndjson` gives programs the
// same timeline one event per line.

/// The `log` command.
public enum LogCommand {
    /// The declaration of `log`.
    public static let spec = CommandSpec(
        name: "log",
        summary: "a ticket's audit trail as a readable timeline, SLA events interleaved",
        synopsis: ["--id ID [--format text|ndjson] [OPTIONS] [FILE...]"],
        discussion: """
            Prints the history of each ticket --id picks, oldest first: the local time in the \
            policy's time zone, who acted, what happened and its text (replies, notes, edits with \
            old and new value, escalations with their reason). The ticket's SLA events are \
            interleaved: when each target (first response, workaround, resolution) falls due, \
            when it was met, and when it was breached, as of --now. --format ndjson prints one \
            object per event instead: {id, at (UTC), local, by, event, ...} for history events as \
            recorded, and {id, at, local, event: sla_due|sla_met|sla_breached, target} for SLA \
            events. Reads only; nothing is changed.
            """,
        flags: [
            CommonFlags.id,
            FlagSpec("format", kind: .choice(["text", "ndjson"]), help: "output format", defaultText: "text"),
            CommonFlags.now,
            CommonFlags.policy,
        ],
        examples: [
            ExampleSpec("desk log --id DK-261014-7G2K-M4QXZ tickets.ndjson", "read a ticket's timeline"),
            ExampleSpec(
                "desk log --id DK-261014-7G2K-M4QXZ --format ndjson tickets.ndjson | jq -r .event",
                "the same timeline for a program"),
        ])

    /// Runs `log`.
    public static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        let ids = try TargetedRun.requireIds(args, "log")
        let policy = try Policy.load(args, ctx)
        let lifecycle = Lifecycle(policy: policy)
        let now = ctx.now(args)
        let ndjson = args.string("format") == "ndjson"
        var selection = IdSelection(ids)
        var first = true
        try TicketStream.read(paths: args.positionals, stdin: ctx.stdin) { (t, loc) throws(DeskError) in
            guard selection.picks(t.id, at: loc) else { return }
            let entries = Timeline.entries(t, lifecycle: lifecycle, now: now)
            if ndjson {
                for e in entries { try ctx.stdout.write(Timeline.json(e, t, zone: policy.zone) + [0x0A]) }
            } else {
                if !first { try ctx.stdout.write(byte: 0x0A) }
                first = false
                try ctx.stdout.write(TerminalText.escaped(Timeline.text(entries, t, zone: policy.zone, now: now)))
            }
        }
        try selection.checkAllFound(ids, input: TicketStream.inputName(args), allowRepeats: true)
        return 0
    }
}

/// A ticket's history and SLA events merged in time order.
enum Timeline {
    enum Entry {
        case event(JSONObject, at: Instant?)
        case sla(SLAEvent)

        var at: Instant? {
            switch self {
            case .event(_, let at): return at
            case .sla(let e): return e.at
            }
        }
    }

    /// History in its recorded order; each SLA event goes before the first history event that
    /// is later than it (at the same instant, what people did comes first).
    static func entries(_ t: Ticket, lifecycle: Lifecycle, now: Instant) -> [Entry] {
        let history: [Entry] = t.array("history").compactMap(\.objectValue).map {
            .event($0, at: $0["at"]?.stringValue.flatMap(Instant.init(rfc3339:)))
        }
        var sla = SLATimeline.events(t, lifecycle: lifecycle, now: now)[...]
        var out: [Entry] = []
        for h in history {
            while let s = sla.first, let at = h.at, s.at < at {
                out.append(.sla(s))
                sla = sla.dropFirst()
            }
            out.append(h)
        }
        out += sla.map { .sla($0) }
        return out
    }

    /// `2026-11-11 11:16` in the zone.
    static func local(_ at: Instant, _ zone: ZoneRules) -> String {
        let c = zone.civil(at)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }

    static func targetName(_ target: String) -> String { target.replacingAll("_", with: " ") }

    /// What happened, in words, and the text that goes with it.
    static func describe(_ e: JSONObject) -> (what: String, text: String) {
        let name = e["event"]?.stringValue ?? "?"
        func s(_ k: String) -> String? { e[k].flatMap { $0.isNull ? nil : ($0.stringValue ?? JSONWriter.string($0)) } }
        switch name {
        case "replied", "note", "customer_replied":
            let what = ["replied": "replied", "note": "internal note", "customer_replied": "customer wrote"][name] ?? name
            return (what, s("text") ?? "")
        case "classified":
            var parts = ["priority " + (s("priority") ?? "?")]
            if let c = s("category") { parts.append("category " + c) }
            if let rules = e["rules"]?.arrayValue, !rules.isEmpty {
                parts.append("rules " + rules.compactMap(\.stringValue).joined(separator: ", "))
            }
            return ("classified", parts.joined(separator: "; "))
        case "priority_set":
            return ("priority set", (s("priority") ?? "?") + (s("reason").map { ": " + $0 } ?? ""))
        case "edited":
            var text = (s("field") ?? "?") + ": " + (s("old") ?? "(none)") + " -> " + (s("new") ?? "(none)")
            if let r = s("reason") { text += " (" + r + ")" }
            return ("edited", text)
        case "escalated":
            var text = (s("from") ?? "?") + " -> " + (s("to") ?? "?")
            if let tr = s("trigger") { text += " (" + tr + ")" }
            if let r = s("reason") { text += ": " + r }
            return ("escalated", text)
        case "acknowledged":
            return ("acknowledged", s("eta").map { "eta " + $0 } ?? "")
        case "waiting":
            return ("waiting", "on the customer; SLA clock paused")
        case "reopened":
            return ("reopened", (s("from").map { "from " + $0 } ?? "") + (s("reason").map { ": " + $0 } ?? ""))
        default:
            let rest = e.members.filter { !["at", "by", "event"].contains($0.key) }
            return (name.replacingAll("_", with: " "), rest.map { $0.key + " " + (s($0.key) ?? "null") }.joined(separator: "; "))
        }
    }

    /// The readable timeline of one ticket.
    static func text(_ entries: [Entry], _ t: Ticket, zone: ZoneRules, now: Instant) -> String {
        var head = t.id + "  " + t.status.rawValue
        if let p = t.priority { head += "  " + p.rawValue }
        if let tier = t.string("tier") { head += "  " + tier }
        if let title = t.string("title") { head += "  " + title }
        var rows: [(time: String, who: String, what: String, text: String)] = []
        for (i, e) in entries.enumerated() {
            // A target breached when it fell due reads as one line: "... breached".
            if case .sla(let s) = e, s.kind == .due, i + 1 < entries.count, case .sla(let n) = entries[i + 1],
               n.kind == .breached, n.target == s.target, n.at == s.at { continue }
            let time = e.at.map { local($0, zone) } ?? "????-??-?? ??:??"
            switch e {
            case .event(let o, _):
                let d = describe(o)
                rows.append((time, o["by"]?.stringValue ?? "-", d.what, d.text))
            case .sla(let s):
                let what: String
                switch s.kind {
                case .due: what = "SLA " + targetName(s.target) + " due" + (now < s.at ? " (ahead)" : "")
                case .met: what = "SLA " + targetName(s.target) + " met"
                case .breached: what = "SLA " + targetName(s.target) + " breached"
                }
                rows.append((time, "-", what, ""))
            }
        }
        let whoWidth = rows.map { $0.who.count }.max() ?? 1
        let whatWidth = rows.filter { !$0.text.isEmpty }.map { $0.what.count }.max() ?? 0
        var lines = [head, "times in " + zone.identifier]
        let indent = String(repeating: " ", count: 16 + 2 + whoWidth + 2 + whatWidth + 2)
        for r in rows {
            var line = r.time + "  " + r.who + String(repeating: " ", count: whoWidth - r.who.count) + "  " + r.what
            if !r.text.isEmpty {
                line += String(repeating: " ", count: max(0, whatWidth - r.what.count)) + "  "
                line += r.text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"  // escaped by the caller, for a terminal
    }

    /// One timeline entry as an NDJSON line.
    static func json(_ e: Entry, _ t: Ticket, zone: ZoneRules) -> [UInt8] {
        var o = JSONObject([JSONMember("id", .string(t.id))])
        switch e {
        case .event(let h, let at):
            for m in h.members where m.key != "id" {
                o.members.append(m)
                if m.key == "at", let at { o["local"] = .string(local(at, zone)) }
            }
        case .sla(let s):
            o["at"] = .string(s.at.rfc3339)
            o["local"] = .string(local(s.at, zone))
            o["event"] = .string("sla_" + s.kind.rawValue)
            o["target"] = .string(s.target)
        }
        var out: [UInt8] = []
        JSONWriter.write(.object(o), to: &out)
        return out
    }
}
