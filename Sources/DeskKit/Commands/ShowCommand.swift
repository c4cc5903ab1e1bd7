// `desk show`: print the tickets picked, byte for byte as read, or as readable cards; with
// --redact, requester contact data is masked so tickets can be shared in bug reports.

/// The `show` command.
public enum ShowCommand {
    /// The declaration of `show`.
    public static let spec = CommandSpec(
        name: "show",
        summary: "print the tickets picked, as NDJSON byte for byte or as readable cards",
        discussion: """
            Prints every ticket of the inputs (standard input when none) that passes the filters: \
            all of them by default. Different filters combine with AND; a filter given more than \
            once matches any of its values (OR). --requester and --text ignore case and match \
            Chinese as written. Times for --opened-since, --opened-before and --updated-since are \
            RFC 3339 or a duration back from --now (7d). Without --sort the output streams in input \
            order and NDJSON output is each input line unchanged, so `desk show` is a validating \
            filter in bounded memory; --sort (opened, updated = last history event, priority, \
            due = the earliest due time of work still open) holds the lines of the tickets picked \
            in memory until the input ends. --limit keeps the first N, --count prints only how many \
            tickets were picked. --format text prints a card per ticket for people. --redact masks \
            requester e-mail, phone and account in either format.
            """,
        flags: [
            CommonFlags.id,
            CommonFlags.status,
            CommonFlags.priority,
        ] + FilterFlags.all + [
            FlagSpec("sort", kind: .choice(ShowSort.allCases.map(\.rawValue)), help: "order by this key (holds the picked tickets in memory)"),
            FlagSpec("reverse", help: "reverse the --sort order"),
            FlagSpec("limit", kind: .integer, help: "print at most N tickets"),
            FlagSpec("count", help: "print only the number of tickets picked"),
            FlagSpec("format", kind: .choice(["ndjson", "text"]), help: "output format", defaultText: "ndjson"),
            FlagSpec("redact", help: "mask requester e-mail, phone and account"),
            CommonFlags.now,
            CommonFlags.policy,
        ],
        examples: [
            ExampleSpec("desk show --status open --priority high tickets.ndjson", "the open high-priority tickets"),
            ExampleSpec("desk show --id DK-261014-7G2K-M4QXZ --format text tickets.ndjson", "one ticket as a card"),
            ExampleSpec("desk show --redact tickets.ndjson > shareable.ndjson", "tickets without contact data"),
            ExampleSpec("desk show --requester wang --text vpn --opened-since 7d tickets.ndjson", "a requester's tickets about VPN from the last week"),
            ExampleSpec("desk show --assignee agent.li --sort due --limit 5 --format text tickets.ndjson", "one agent's five most pressing tickets"),
            ExampleSpec("desk show --breached --count tickets.ndjson", "how many tickets missed an SLA target"),
            ExampleSpec(
                "desk show --owner agent.li --channel phone --channel chat --tier tier1 --category network --tag vpn tickets.ndjson",
                "agent.li's first-tier network tickets about VPN that came in by phone or chat"),
            ExampleSpec(
                "desk show --opened-before 2026-11-01T00:00:00Z --updated-since 30d --sort updated --reverse tickets.ndjson",
                "October's tickets still being worked, most recently touched first"),
        ])

    /// Runs `show`.
    public static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        let ids = args.strings("id")
        var selection = IdSelection(ids)
        let statuses = Set(args.strings("status"))
        let priorities = Set(args.strings("priority"))
        let sort = args.string("sort").flatMap(ShowSort.init(rawValue:))
        if args.has("reverse") && sort == nil {
            throw .usage(UsageError(command: "show", message: "--reverse goes with --sort"))
        }
        let limit = args.int("limit")
        if let limit, limit < 0 { throw .usage(UsageError(command: "show", message: "--limit must be 0 or more")) }
        if args.has("count") && (args.has("format") || args.has("redact")) {
            throw .usage(UsageError(command: "show", message: "--count prints a number; --format and --redact do not apply"))
        }
        let now = ctx.now(args)
        let text = args.string("format") == "text"
        // The SLA replay, only for what needs it (the card, --breached, --sort due): plain
        // filtering reads no policy.
        let lifecycle = text || args.has("breached") || sort == .due ? Lifecycle(policy: try Policy.load(args, ctx)) : nil
        let filter = TicketFilter(args, now: now, lifecycle: lifecycle)
        var printer = ShowPrinter(text: text, redact: args.has("redact"), lifecycle: lifecycle, now: now)
        var picked = 0
        var held: [(key: ShowSort.Key, line: [UInt8])] = []
        let counting = args.has("count")
        // Plain `desk show FILE...` (no filter, order, limit, count, card or redaction): a
        // validating filter whose output is its input.
        if args.values.keys.allSatisfy({ $0 == "now" || $0 == "format" && args.string("format") == "ndjson" }) {
            try passThrough(args.positionals, ctx)
            return 0
        }
        try InputFile.forEachLine(paths: args.positionals, stdin: ctx.stdin) { (file, number, bytes) throws(DeskError) in
            let ticket = try TicketStream.decode(bytes, file: file, line: number)
            guard selection.picks(ticket.id) else { return }
            if !statuses.isEmpty && !statuses.contains(ticket.status.rawValue) { return }
            if !priorities.isEmpty && !priorities.contains(ticket.priority?.rawValue ?? "") { return }
            guard filter.matches(ticket) else { return }
            if let sort {
                held.append((sort.key(ticket, held.count, lifecycle: lifecycle, now: now), [UInt8](bytes)))
                return
            }
            if let limit, picked >= limit { return }
            picked += 1
            if !counting { try printer.print(ticket, ctx.stdout) }
        }
        try selection.checkAllFound(ids, input: TicketStream.inputName(args), allowRepeats: true)
        if sort != nil {
            held.sort { $0.key < $1.key }
            if args.has("reverse") { held.reverse() }
            if let limit, held.count > limit { held.removeLast(held.count - limit) }
            picked = held.count
            if !counting {
                for h in held {
                    let t: Ticket
                    do throws(TicketError) { t = try Ticket(bytes: h.line) } catch { continue }  // read once already
                    try printer.print(t, ctx.stdout)
                }
            }
        }
        if counting { try ctx.stdout.write("\(picked)\n") }
        return 0
    }
}

/// The orders `show --sort` offers.
enum ShowSort: String, CaseIterable {
    case opened, updated, priority, due

    /// What tickets are ordered by; ties keep input order.
    struct Key: Comparable {
        var primary: Int64
        var secondary: Int64
        var position: Int
        static func < (a: Key, b: Key) -> Bool {
            (a.primary, a.secondary, a.position) < (b.primary, b.secondary, b.position)
        }
    }

    func key(_ t: Ticket, _ position: Int, lifecycle: Lifecycle?, now: Instant) -> Key {
        switch self {
        case .opened:
            return Key(primary: t.openedAt.seconds, secondary: 0, position: position)
        case .updated:
            let at = t.source.withUnsafeBytes { TicketFilter.updatedAt(t, $0) }
            return Key(primary: at.seconds, secondary: 0, position: position)
        case .priority:
            // Most urgent first; tickets without a priority last, then oldest first.
            return Key(primary: Int64(t.priority?.ordinal ?? 3), secondary: t.openedAt.seconds, position: position)
        case .due:
            // Soonest due first; tickets with nothing due last.
            return Key(primary: lifecycle.flatMap { SLATimeline.nextDue(t, lifecycle: $0, now: now) }?.seconds ?? Int64.max, secondary: t.openedAt.seconds, position: position)
        }
    }
}

/// Writes picked tickets: the line as read, or a card, redacted when asked.
struct ShowPrinter {
    let text: Bool
    let redact: Bool
    let lifecycle: Lifecycle?
    let now: Instant
    var first = true
    var line: [UInt8] = []

    init(text: Bool, redact: Bool, lifecycle: Lifecycle?, now: Instant) {
        self.text = text
        self.redact = redact
        self.lifecycle = lifecycle
        self.now = now
    }

    mutating func print(_ t: Ticket, _ out: OutputSink) throws(DeskError) {
        var ticket = t
        if redact { Redaction.apply(to: &ticket) }
        if text {
            if !first { try out.write(byte: 0x0A) }
            first = false
            try out.write(TicketCard.render(ticket, lifecycle: lifecycle, now: now))
        } else if ticket.isModified {
            line.removeAll(keepingCapacity: true)
            ticket.write(to: &line)
            line.append(0x0A)
            try out.write(line)
        } else {
            try out.write(ticket.source)  // the line exactly as read
            try out.write(byte: 0x0A)
        }
    }
}

extension ShowCommand {
    /// Validates a line as every command does (the same errors), without keeping the ticket.
    static func validate(_ b: UnsafeRawBufferPointer) throws(TicketError) {
        var required = Ticket.RequiredRanges()
        try Ticket.scan(b) { span, known in
            if let known { required.note(known.field, span.valueRange) }
        }
        // The id is checked, not decoded: a pass-through prints the line, not the id.
        _ = try required.header(b, decodingID: false)
    }

    /// Every ticket of the inputs, as read. A large regular file is validated first on every
    /// core (InputFile.reduceLines, the report's reader), then, when its bytes are exactly its
    /// lines each ending in a newline, copied out in large blocks. Anything else (a pipe, a bad
    /// line, a blank line, CR LF, a byte order mark, a missing last newline) takes the one-pass
    /// path, which prints the lines before a bad one and stops there: the output and the error
    /// are the same either way. Why: validating is the whole cost of a pass-through, and it
    /// splits across cores; writing a checked file is a copy.
    static func passThrough(_ paths: [String], _ ctx: Context, minBytes: Int64 = 16 << 20) throws(DeskError) {
        for path in paths.isEmpty ? ["-"] : paths {
            if path != "-", let size = InputFile.regularFileSize(path), size >= minBytes {
                var covered: Int64 = 0
                let checked: Bool
                do throws(DeskError) {
                    try InputFile.reduceLines(
                        paths: [path], stdin: ctx.stdin, parts: ForkJoin.threads(ctx.environment),
                        minPartBytes: max(1, minBytes / 2), into: &covered, empty: 0, merge: { $0 += $1 }
                    ) { (n, bytes) throws(TicketError) in
                        try validate(bytes)
                        n += Int64(bytes.count) + 1
                    }
                    checked = covered == size
                } catch {
                    checked = false
                }
                if checked, try InputFile.copy(path, size: size, to: ctx.stdout) { continue }
            }
            try InputFile.forEachLine(paths: [path], stdin: ctx.stdin) { (file, number, bytes) throws(DeskError) in
                do throws(TicketError) { try validate(bytes) } catch { throw error.at(file: file, line: number) }
                try ctx.stdout.write(bytes)
                try ctx.stdout.write(byte: 0x0A)
            }
        }
    }
}

/// A readable card of one ticket, for `show --format text`.
public enum TicketCard {
    /// Renders the card (ends with a newline); with a lifecycle, the SLA rows and open duties
    /// come from its replay at `now`, else from the record's `sla` object.
    public static func render(_ t: Ticket, lifecycle: Lifecycle? = nil, now: Instant = Instant(seconds: 0)) -> String {
        var lines: [String] = []
        var head = t.id + "  " + t.status.rawValue
        if let p = t.priority { head += "  " + p.rawValue }
        if let tier = t.string("tier") { head += "  " + tier }
        lines.append(head)
        func row(_ label: String, _ value: String?) {
            guard let v = value, !v.isEmpty else { return }
            let pad = String(repeating: " ", count: max(1, 12 - label.count))
            let indented = v.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + String(repeating: " ", count: 14))
            lines.append("  " + label + pad + indented)
        }
        var opened = t.openedAt.rfc3339 + " via " + t.channel.rawValue
        if t.value("answered")?.boolValue == false { opened += " (missed call)" }
        row("opened", opened)
        row("title", t.string("title"))
        row("description", t.string("description"))
        if let r = t.object("requester") {
            var who = r["name"]?.stringValue ?? ""
            let contacts = ["email", "phone", "contact", "account"].compactMap { r[$0]?.stringValue }
            if !contacts.isEmpty { who += (who.isEmpty ? "" : " ") + "<" + contacts.joined(separator: ", ") + ">" }
            if let d = r["department"]?.stringValue { who += ", " + d }
            row("requester", who)
        }
        var people: [String] = []
        if let o = t.string("owner") { people.append("owner " + o) }
        if let a = t.string("assignee") { people.append("assignee " + a) }
        row("people", people.joined(separator: ", "))
        if let c = t.string("category") { row("category", c + (t.array("tags").isEmpty ? "" : " [" + t.array("tags").compactMap(\.stringValue).joined(separator: ", ") + "]")) }
        if let env = t.object("environment") {
            row("environment", env.members.compactMap { m in m.value.stringValue.map { m.key + " " + $0 } }.joined(separator: "; "))
        }
        row("occurred", t.string("occurred_at"))
        row("frequency", t.string("frequency"))
        row("tried", t.string("steps_tried"))
        let needs = t.array("needs_info").compactMap(\.stringValue)
        if !needs.isEmpty { row("needs info", needs.joined(separator: ", ")) }
        row("suggested", SuggestHook.cardText(t))
        if let lifecycle {
            row("sla", LifecycleCard.slaRows(t, lifecycle: lifecycle, now: now).joined(separator: "\n"))
        } else if let sla = t.object("sla") {
            let dues = ["first_response_due", "workaround_due", "resolution_due"].compactMap { k in
                sla[k]?.stringValue.map { k.replacingAll("_", with: " ") + " " + $0 }
            }
            row("sla", dues.joined(separator: "\n"))
        }
        row("responded", t.string("first_response_at"))
        row("workaround", t.string("workaround_at"))
        if let lifecycle { row("duties", LifecycleCard.dutyRows(t, lifecycle: lifecycle, now: now).joined(separator: "\n")) }
        for e in t.array("escalations").compactMap(\.objectValue) {
            var s = (e["from"]?.stringValue ?? "?") + " -> " + (e["to"]?.stringValue ?? "?")
            if let at = e["at"]?.stringValue { s += " at " + at }
            if let r = e["reason"]?.stringValue { s += ": " + r }
            if let ack = e["ack_at"]?.stringValue { s += " (acknowledged " + ack + ")" }
            row("escalated", s)
        }
        if let r = t.object("resolution") {
            row("cause", r["cause"]?.stringValue)
            row("solution", r["solution"]?.stringValue)
            row("result", r["result"]?.stringValue)
            row("article", r["article"]?.stringValue)
            var when = r["at"]?.stringValue ?? ""
            if let by = r["by"]?.stringValue { when += " by " + by }
            row("resolved", when)
        }
        for r in t.array("reopened").compactMap(\.objectValue) {
            row("reopened", (r["at"]?.stringValue ?? "") + ": " + (r["reason"]?.stringValue ?? ""))
        }
        if let s = t.object("survey") {
            let scores = ["efficiency", "attitude", "effectiveness"].compactMap { k in s[k].map { k + " " + JSONWriter.string($0) } }
            var text = scores.isEmpty ? "invited " + (s["invited_at"]?.stringValue ?? "") : scores.joined(separator: ", ")
            if let c = s["comment"]?.stringValue { text += "\n\"" + c + "\"" }
            row("survey", text)
        }
        let events = t.array("history").count
        row("history", events == 0 ? nil : events == 1 ? "1 event" : "\(events) events")
        // Every value came from the file: no control character reaches the terminal raw.
        return TerminalText.escaped(lines.joined(separator: "\n")) + "\n"
    }
}
