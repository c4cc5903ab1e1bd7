// `desk queue`: the agent's "what now" — every open duty of the tickets read (SLA targets,
// escalation steps, promises, ETAs, call-backs, updates, observation, surveys), one per line,
// overdue first, then by due time. The duties come from the lifecycle (Lifecycle.duties), the
// same replay check and report judge by; only the open duties are kept, so memory follows them,
// not the tickets read.

/// The `queue` command.
public enum QueueCommand {
    /// The declaration of `queue`.
    public static let spec = CommandSpec(
        name: "queue",
        summary: "list every open duty of the tickets, overdue first, then by due time",
        discussion: """
            Replays each ticket's history under the policy (the rules of docs/SLA.md) and lists \
            the duties still open at --now: first response, workaround, resolution, the tier's \
            escalation time limit, acknowledging an escalation and meeting its ETA, a reply time \
            promised to the requester, the expected resolution time given to them, calling back a \
            missed or dropped call, the end-of-day update, the next progress update, ending an \
            observation, sending a survey and following up a dissatisfied answer. Overdue duties \
            come first, then the rest by due time; ties go by priority (high first), opened_at and \
            id. A duty whose clock is paused because the ticket waits on the customer is not \
            listed. --owner, --assignee, --tier and --priority pick tickets (repeatable: any of \
            the values); --mine picks the tickets owned by or assigned to $DESK_AGENT (or --by). \
            --overdue keeps the overdue duties; --within DURATION those due within that time from \
            now (overdue ones included); --limit N the first N. --format text (default) prints \
            the due time in the policy's time zone, how long until it (in 12m) or since (overdue \
            1h3m), the ticket, its priority, the duty and the title, in aligned columns, the \
            overdue ones in red on a terminal; --format ndjson prints one object per duty for \
            scripts and agents. --explain adds the rule and the policy value behind each due time.
            """,
        flags: [
            FlagSpec("owner", kind: .string, valueName: "NAME", repeatable: true, help: "pick tickets owned by NAME"),
            FlagSpec("assignee", kind: .string, valueName: "NAME", repeatable: true, help: "pick tickets assigned to NAME"),
            FlagSpec("mine", help: "pick tickets owned by or assigned to $DESK_AGENT (or --by)"),
            FlagSpec("tier", kind: .choice(Tier.names), repeatable: true, help: "pick tickets at this tier"),
            CommonFlags.priority,
            FlagSpec("overdue", help: "list only overdue duties"),
            FlagSpec("within", kind: .duration, help: "list only duties due within this time from now (overdue included)"),
            FlagSpec("limit", kind: .integer, help: "print at most N duties"),
            FlagSpec("format", kind: .choice(["text", "ndjson"]), help: "output format", defaultText: "text"),
            FlagSpec("explain", help: "name the rule and the policy value behind each due time"),
            CommonFlags.by,
            CommonFlags.now,
            CommonFlags.policy,
        ],
        examples: [
            ExampleSpec("desk queue --mine tickets.ndjson", "what is due for me, most urgent first"),
            ExampleSpec("desk queue --overdue --priority high tickets.ndjson", "every overdue duty of high-priority tickets"),
            ExampleSpec("desk queue --within 2h --format ndjson tickets.ndjson | jq -r .ticket", "tickets with something due in the next two hours"),
            ExampleSpec("desk queue --owner agent.li --explain --limit 10 tickets.ndjson", "one agent's next ten duties with the rules behind them"),
        ])

    /// One open duty, kept small (memory follows the open duties): its kind, due, whether it
    /// is overdue, its ticket, and the rule behind it only when --explain asks for it.
    struct Entry {
        var kind: Duty.Kind
        var overdue: Bool
        var due: Instant
        var ticket: Int32
        var explain: String?
    }

    /// What the listing shows of a ticket with open duties (kept once per ticket).
    struct TicketInfo {
        var id: String
        var priority: Priority?
        var openedAt: Instant
        var title: String
        var owner: String?
        var assignee: String?
        var tier: String?
    }

    /// Runs `queue`.
    public static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        let limit = args.int("limit")
        if let limit, limit < 0 { throw .usage(UsageError(command: "queue", message: "--limit must be 0 or more")) }
        if args.has("within"), args.duration("within") == nil {
            throw .usage(UsageError(command: "queue", message: "--within needs a duration, e.g. 2h"))
        }
        var people: Set<String> = []
        if args.has("mine") {
            guard let me = ctx.actor(args) else {
                throw .usage(UsageError(command: "queue", message: "--mine needs DESK_AGENT (or --by NAME): whose queue"))
            }
            people.insert(me)
        }
        let owners = Set(args.strings("owner")), assignees = Set(args.strings("assignee"))
        let tiers = Set(args.strings("tier")), priorities = Set(args.strings("priority"))
        let policy = try Policy.load(args, ctx)
        let lifecycle = Lifecycle(policy: policy)
        let now = ctx.now(args)
        let horizon = args.duration("within").map { now.adding($0) }
        let onlyOverdue = args.has("overdue")

        var tickets: [TicketInfo] = []
        var entries: [Entry] = []
        let explain = args.has("explain")
        try TicketStream.read(paths: args.positionals, stdin: ctx.stdin) { (t, _) throws(DeskError) in
            let owner = t.string("owner"), assignee = t.string("assignee")
            if !owners.isEmpty && !owners.contains(owner ?? "") { return }
            if !assignees.isEmpty && !assignees.contains(assignee ?? "") { return }
            if !people.isEmpty && !people.contains(owner ?? "") && !people.contains(assignee ?? "") { return }
            if !tiers.isEmpty && !tiers.contains(t.tier?.rawValue ?? Tier.tier1.rawValue) { return }
            if !priorities.isEmpty && !priorities.contains(t.priority?.rawValue ?? "") { return }
            guard lifecycle.mayHaveOpenDuties(t, now: now) else { return }
            var picked = false
            let f = lifecycle.facts(t)
            for d in lifecycle.duties(f, schedule: lifecycle.schedule(f, now: now), now: now, openOnly: true) where d.isOpen {
                guard let due = d.due else { continue }  // paused: waiting on the customer
                if onlyOverdue && d.state != .overdue { continue }
                if let horizon, due > horizon { continue }
                if !picked {
                    tickets.append(TicketInfo(
                        id: t.id, priority: t.priority, openedAt: t.openedAt,
                        title: t.string("title") ?? t.string("description") ?? "", owner: owner, assignee: assignee,
                        tier: t.string("tier")))
                    picked = true
                }
                entries.append(Entry(kind: d.kind, overdue: d.state == .overdue, due: due, ticket: Int32(tickets.count - 1),
                                     explain: explain ? d.explain : nil))
            }
        }
        entries.sort { a, b in before(a, b, tickets) }
        if let limit, entries.count > limit { entries.removeLast(entries.count - limit) }
        // Written row by row: the output is as long as the duties, and holding it whole (or
        // its cells) would cost more than the duties themselves.
        if args.string("format") == "ndjson" {
            try ndjson(entries, tickets, now: now, to: ctx.stdout)
        } else {
            try text(entries, tickets, now: now, zone: policy.zone, colour: ctx.colours(ctx.stdout), to: ctx.stdout)
        }
        return 0
    }

    /// Overdue first, then by due time; ties by priority (high first, none last), opened_at,
    /// id, and the duty's kind.
    static func before(_ a: Entry, _ b: Entry, _ tickets: [TicketInfo]) -> Bool {
        if a.overdue != b.overdue { return a.overdue }
        if a.due != b.due { return a.due < b.due }
        let ta = tickets[Int(a.ticket)], tb = tickets[Int(b.ticket)]
        let pa = ta.priority?.ordinal ?? 3, pb = tb.priority?.ordinal ?? 3
        if pa != pb { return pa < pb }
        if ta.openedAt != tb.openedAt { return ta.openedAt < tb.openedAt }
        if ta.id != tb.id { return ta.id.utf8.lexicographicallyPrecedes(tb.id.utf8) }
        let ka = Duty.Kind.allCases.firstIndex(of: a.kind) ?? 0, kb = Duty.Kind.allCases.firstIndex(of: b.kind) ?? 0
        return ka < kb
    }

    /// `in 12m`, `overdue 1h3m`: the two largest units, minutes at least.
    static func relative(_ due: Instant, now: Instant) -> String {
        let d = due.seconds - now.seconds
        let s = d < 0 ? -d : d
        var text: String
        if s < 60 {
            text = "<1m"
        } else if s < 3600 {
            text = "\(s / 60)m"
        } else if s < 86400 {
            text = "\(s / 3600)h" + (s % 3600 / 60 > 0 ? "\(s % 3600 / 60)m" : "")
        } else {
            text = "\(s / 86400)d" + (s % 86400 / 3600 > 0 ? "\(s % 86400 / 3600)h" : "")
        }
        return d < 0 ? "overdue " + text : "in " + text
    }

    /// The aligned text listing: one pass for the column widths, one writing the rows.
    static func text(_ entries: [Entry], _ tickets: [TicketInfo], now: Instant, zone: ZoneRules, colour: Bool, to out: OutputSink) throws(DeskError) {
        func cells(_ e: Entry) -> [String] {
            let t = tickets[Int(e.ticket)]
            let local = zone.civil(e.due).formatted(offsetSeconds: 0)
            // `2026-11-30 16:00` in the policy's zone.
            let shown = String(local.prefix(10)) + " " + String(local.dropFirst(11).prefix(5))
            // The id and title come from the file: no control character reaches the terminal.
            return [shown, relative(e.due, now: now), TerminalText.escaped(t.id, keepLayout: false), t.priority?.rawValue ?? "-",
                    e.kind.rawValue, TerminalText.escaped(oneLine(t.title), keepLayout: false)]
        }
        var widths = [Int](repeating: 0, count: 5)
        for e in entries {
            let r = cells(e)
            for i in 0..<5 { widths[i] = max(widths[i], r[i].count) }
        }
        for e in entries {
            let r = cells(e)
            var line = ""
            for c in 0..<5 {
                var cell = r[c] + String(repeating: " ", count: widths[c] - r[c].count)
                if c == 1 && colour && e.overdue { cell = Colour.red + cell + Colour.reset }
                line += cell + "  "
            }
            line += r[5] + "\n"
            if let x = e.explain { line += "    " + x + "\n" }
            try out.write(line)
        }
    }

    /// A title on one line.
    static func oneLine(_ s: String) -> String {
        // Most titles are one line already: check the bytes before splitting (a row per duty).
        guard s.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return s }
        return s.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    }

    /// One JSON object per duty.
    static func ndjson(_ entries: [Entry], _ tickets: [TicketInfo], now: Instant, to out: OutputSink) throws(DeskError) {
        var line: [UInt8] = []
        for e in entries {
            let t = tickets[Int(e.ticket)]
            var o = JSONObject()
            o["ticket"] = .string(t.id)
            o["duty"] = .string(e.kind.rawValue)
            o["state"] = .string(e.overdue ? "overdue" : "pending")
            o["due"] = .string(e.due.rfc3339)
            o["seconds_left"] = .number(String(e.due.seconds - now.seconds))
            o["priority"] = t.priority.map { .string($0.rawValue) } ?? .null
            o["owner"] = t.owner.map { .string($0) } ?? .null
            o["assignee"] = t.assignee.map { .string($0) } ?? .null
            o["tier"] = t.tier.map { .string($0) } ?? .null
            o["title"] = .string(t.title)
            if let x = e.explain { o["rule"] = .string(x) }
            line.removeAll(keepingCapacity: true)
            JSONWriter.write(.object(o), to: &line)
            line.append(0x0A)
            try out.write(line)
        }
    }
}
