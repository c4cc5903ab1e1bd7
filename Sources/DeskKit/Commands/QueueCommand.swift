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
        let policy = try Policy.load(args, ctx)
        let now = ctx.now(args)
        let pick = QueuePick(
            owners: Set(args.strings("owner")), assignees: Set(args.strings("assignee")), people: people,
            tiers: Set(args.strings("tier")), priorities: Set(args.strings("priority")),
            onlyOverdue: args.has("overdue"), horizon: args.duration("within").map { now.adding($0) },
            explain: args.has("explain"), lifecycle: Lifecycle(policy: policy), now: now)
        // A large file is read on every core, each range into its own part (InputFile.reduceLines);
        // the parts are merged in order at the listing, so the result is that of one pass.
        var read = QueueParts()
        try InputFile.reduceLines(
            paths: args.positionals, stdin: ctx.stdin, parts: ReportCommand.threads(ctx.environment),
            into: &read, empty: QueueParts(), merge: { $0.parts += $1.parts }
        ) { (state, bytes) throws(TicketError) in
            try pick.read(bytes, into: &state.parts[state.parts.count - 1])
        }
        for i in read.parts.indices { read.parts[i].seal() }
        let total = read.parts.reduce(0) { $0 + $1.count }
        let shown = min(total, limit ?? total)
        // Written row by row: the output is as long as the duties, and holding it whole would
        // cost more than the duties themselves.
        var writer = QueueWriter(parts: read.parts, now: now, zone: policy.zone, out: ctx.stdout)
        if args.string("format") == "ndjson" {
            var merge = QueueMerge(read.parts)
            for _ in 0..<shown {
                guard let (e, p) = merge.next() else { break }
                try writer.ndjson(e, p)
            }
        } else {
            // Column widths over the rows printed: every entry (in any order) when all are.
            var widths = QueueWriter.Widths()
            if shown == total {
                for (p, part) in read.parts.enumerated() {
                    for c in part.sorted { for e in c { writer.measure(e, p, &widths) } }
                }
            } else {
                var merge = QueueMerge(read.parts)
                for _ in 0..<shown {
                    guard let (e, p) = merge.next() else { break }
                    writer.measure(e, p, &widths)
                }
            }
            let colour = ctx.colours(ctx.stdout)
            var merge = QueueMerge(read.parts)
            for _ in 0..<shown {
                guard let (e, p) = merge.next() else { break }
                try writer.text(e, p, widths, colour: colour)
            }
        }
        try writer.flush()
        return 0
    }
}

/// What `queue` picks and keeps of each line: the filters, the lifecycle's open duties, and
/// the ticket's record when it has any.
struct QueuePick: Sendable {
    let owners: Set<String>, assignees: Set<String>, people: Set<String>, tiers: Set<String>, priorities: Set<String>
    let onlyOverdue: Bool
    let horizon: Instant?
    let explain: Bool
    let lifecycle: Lifecycle
    let now: Instant

    /// Validates one line (refused with the same errors as decoding a Ticket) and adds its
    /// open duties to `part`. Only the members the filters, the lifecycle and the listing need
    /// are read, straight from the bytes; a finished ticket that can owe nothing more is
    /// passed over after the scan.
    func read(_ b: UnsafeRawBufferPointer, into part: inout QueuePart) throws(TicketError) {
        var required = Ticket.RequiredRanges()
        var m = LifecycleMembers()
        var owner: Range<Int>? = nil, assignee: Range<Int>? = nil, tier: Range<Int>? = nil
        var title: Range<Int>? = nil, description: Range<Int>? = nil
        try Ticket.scan(b) { span, known in
            m.note(b, span, known)
            guard let known else { return }
            let r = span.valueRange
            switch known.field {
            case .id, .openedAt, .channel, .status: required.note(known.field, r)
            case .owner: owner = r
            case .assignee: assignee = r
            case .tier: tier = r
            case .title: title = r
            case .description: description = r
            default: break
            }
        }
        let h = try required.header(b)
        func string(_ r: Range<Int>?) -> String? { r.flatMap { RawJSON.string(b, $0) } }
        if !owners.isEmpty || !assignees.isEmpty || !people.isEmpty {
            let o = string(owner) ?? "", a = string(assignee) ?? ""
            if !owners.isEmpty && !owners.contains(o) { return }
            if !assignees.isEmpty && !assignees.contains(a) { return }
            if !people.isEmpty && !people.contains(o) && !people.contains(a) { return }
        }
        if !tiers.isEmpty && !tiers.contains(string(tier).flatMap(Tier.init(rawValue:))?.rawValue ?? Tier.tier1.rawValue) { return }
        let priority = string(m.priority).flatMap(Priority.init(rawValue:))
        if !priorities.isEmpty && !priorities.contains(priority?.rawValue ?? "") { return }
        guard lifecycle.mayHaveOpenDuties(line: b, status: h.status, members: m, now: now) else { return }
        let f = LifecycleFacts(line: b, openedAt: h.openedAt, channel: h.channel, status: h.status, members: m)
        var entries: [QueueEntry] = []
        var rules: [String] = []
        for d in lifecycle.openDuties(f, now: now, explain: explain) {
            guard let due = d.due else { continue }  // paused: waiting on the customer
            if onlyOverdue && d.state != .overdue { continue }
            if let horizon, due > horizon { continue }
            entries.append(QueueEntry(
                due: due.seconds, ticket: 0, overdue: d.state == .overdue, priority: UInt8(priority?.ordinal ?? 3),
                kind: UInt8(Duty.Kind.allCases.firstIndex(of: d.kind) ?? 0), slot: UInt8(rules.count % 256)))
            if explain { rules.append(d.explain) }
        }
        guard !entries.isEmpty else { return }
        // The record: what the listing prints of the ticket. A record holds at most 256 rules;
        // a ticket with more open duties gets one record per 256.
        var start = 0
        while start < entries.count {
            let end = explain ? min(entries.count, start + 256) : entries.count
            var record: [UInt8] = []
            QueueRecord.put(h.id, &record)
            QueueRecord.put(string(title) ?? string(description) ?? "", &record)
            QueueRecord.putOptional(string(owner), &record)
            QueueRecord.putOptional(string(assignee), &record)
            QueueRecord.putOptional(string(tier), &record)
            QueueRecord.putLength(explain ? end - start : 0, &record)
            if explain { for r in rules[start..<end] { QueueRecord.put(r, &record) } }
            part.add(opened: h.openedAt, record: record, entries: Array(entries[start..<end]))
            start = end
        }
    }
}

/// Writes the listing's rows into a buffer flushed in large blocks.
struct QueueWriter {
    let parts: [QueuePart]
    let now: Instant
    let zone: ZoneRules
    let out: OutputSink
    var buffer: [UInt8] = []
    /// The last due written and its text (dues repeat: the end of a business day).
    var lastDue: Int64? = nil
    var lastDueText: [UInt8] = []
    var scratch: [UInt8] = []

    init(parts: [QueuePart], now: Instant, zone: ZoneRules, out: OutputSink) {
        self.parts = parts
        self.now = now
        self.zone = zone
        self.out = out
        buffer.reserveCapacity(1 << 17)
    }

    /// The widths of the text listing's first five columns.
    struct Widths {
        var cells = [Int](repeating: 0, count: 5)
    }

    static let kinds: [[UInt8]] = Duty.Kind.allCases.map { Array($0.rawValue.utf8) }
    static let priorities: [[UInt8]] = Priority.allCases.map { Array($0.rawValue.utf8) } + [Array("-".utf8)]

    mutating func flush() throws(DeskError) {
        if !buffer.isEmpty { try out.write(buffer) }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func flushIfFull() throws(DeskError) {
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// `in 12m`, `overdue 1h3m`: the two largest units, minutes at least.
    static func relative(_ due: Int64, now: Instant, into out: inout [UInt8]) {
        let d = due - now.seconds
        let s = d < 0 ? -d : d
        out.append(contentsOf: d < 0 ? Array("overdue ".utf8) : Array("in ".utf8))
        func num(_ v: Int64, _ unit: UInt8) {
            out.append(contentsOf: Array(String(v).utf8))
            out.append(unit)
        }
        if s < 60 {
            out.append(contentsOf: Array("<1m".utf8))
        } else if s < 3600 {
            num(s / 60, UInt8(ascii: "m"))
        } else if s < 86400 {
            num(s / 3600, UInt8(ascii: "h"))
            if s % 3600 / 60 > 0 { num(s % 3600 / 60, UInt8(ascii: "m")) }
        } else {
            num(s / 86400, UInt8(ascii: "d"))
            if s % 86400 / 3600 > 0 { num(s % 86400 / 3600, UInt8(ascii: "h")) }
        }
    }

    /// Text for a terminal: plain printable ASCII as is, anything else through the one
    /// escaping (TerminalText), after putting a title on one line.
    static func terminal(_ b: UnsafeRawBufferPointer, oneLine: Bool) -> (bytes: [UInt8], width: Int) {
        if !b.contains(where: { $0 < 0x20 || $0 >= 0x7F }) { return (Array(b), b.count) }
        var s = String(decoding: b, as: UTF8.self)
        if oneLine, b.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            s = s.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
        }
        let e = TerminalText.escaped(s, keepLayout: false)
        return (Array(e.utf8), e.count)
    }

    /// Adds an entry's cells to the column widths.
    mutating func measure(_ e: QueueEntry, _ p: Int, _ w: inout Widths) {
        w.cells[0] = max(w.cells[0], 16)
        scratch.removeAll(keepingCapacity: true)
        QueueWriter.relative(e.due, now: now, into: &scratch)
        w.cells[1] = max(w.cells[1], scratch.count)
        let idWidth = parts[p].tickets.withId(e.ticket) { QueueWriter.terminal($0, oneLine: false).width }
        w.cells[2] = max(w.cells[2], idWidth)
        w.cells[3] = max(w.cells[3], QueueWriter.priorities[Int(e.priority)].count)
        w.cells[4] = max(w.cells[4], QueueWriter.kinds[Int(e.kind)].count)
    }

    /// `2026-11-30 16:00` in the policy's zone.
    mutating func localDue(_ due: Int64) -> [UInt8] {
        if due == lastDue { return lastDueText }
        let local = Array(zone.civil(Instant(seconds: due)).formatted(offsetSeconds: 0).utf8)
        lastDueText = Array(local[0..<10]) + [0x20] + Array(local[11..<16])
        lastDue = due
        return lastDueText
    }

    /// One row of the aligned text listing (and its rule with --explain).
    mutating func text(_ e: QueueEntry, _ p: Int, _ w: Widths, colour: Bool) throws(DeskError) {
        func pad(_ n: Int, _ width: Int) {
            if width > n { buffer.append(contentsOf: repeatElement(0x20, count: width - n)) }
        }
        let date = localDue(e.due)
        buffer.append(contentsOf: date)
        pad(date.count, w.cells[0])
        buffer.append(contentsOf: [0x20, 0x20])
        if colour && e.overdue { buffer.append(contentsOf: Array(Colour.red.utf8)) }
        scratch.removeAll(keepingCapacity: true)
        QueueWriter.relative(e.due, now: now, into: &scratch)
        buffer.append(contentsOf: scratch)
        pad(scratch.count, w.cells[1])
        if colour && e.overdue { buffer.append(contentsOf: Array(Colour.reset.utf8)) }
        buffer.append(contentsOf: [0x20, 0x20])
        parts[p].tickets.read(e.ticket) { r in
            let id = QueueWriter.terminal(r.id, oneLine: false)
            buffer.append(contentsOf: id.bytes)
            pad(id.width, w.cells[2])
            buffer.append(contentsOf: [0x20, 0x20])
            let prio = QueueWriter.priorities[Int(e.priority)]
            buffer.append(contentsOf: prio)
            pad(prio.count, w.cells[3])
            buffer.append(contentsOf: [0x20, 0x20])
            let kind = QueueWriter.kinds[Int(e.kind)]
            buffer.append(contentsOf: kind)
            pad(kind.count, w.cells[4])
            buffer.append(contentsOf: [0x20, 0x20])
            buffer.append(contentsOf: QueueWriter.terminal(r.title, oneLine: true).bytes)
            buffer.append(0x0A)
            if let rule = r.rule(Int(e.slot)) {
                buffer.append(contentsOf: [0x20, 0x20, 0x20, 0x20])
                buffer.append(contentsOf: rule)
                buffer.append(0x0A)
            }
        }
        try flushIfFull()
    }

    /// A JSON string of UTF-8 bytes, escaped as JSONWriter.writeString escapes.
    static func jsonString(_ b: UnsafeRawBufferPointer, _ out: inout [UInt8]) {
        out.append(0x22)
        var runStart = 0
        for i in 0..<b.count {
            let c = b[i]
            guard c < 0x20 || c == 0x22 || c == 0x5C else { continue }
            if runStart < i { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[runStart..<i])) }
            runStart = i + 1
            switch c {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            default:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(contentsOf: Array(JSONParser.hex2(c).lowercased().utf8))
            }
        }
        if runStart < b.count { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[runStart..<b.count])) }
        out.append(0x22)
    }

    /// One JSON object per duty.
    mutating func ndjson(_ e: QueueEntry, _ p: Int) throws(DeskError) {
        func key(_ k: StaticString) {
            buffer.append(contentsOf: UnsafeRawBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
        }
        func optional(_ v: UnsafeRawBufferPointer?) {
            if let v { QueueWriter.jsonString(v, &buffer) } else { key("null") }
        }
        parts[p].tickets.read(e.ticket) { r in
            key("{\"ticket\":")
            QueueWriter.jsonString(r.id, &buffer)
            key(",\"duty\":\"")
            buffer.append(contentsOf: QueueWriter.kinds[Int(e.kind)])
            key(e.overdue ? "\",\"state\":\"overdue\",\"due\":\"" : "\",\"state\":\"pending\",\"due\":\"")
            if e.due != lastDue {
                lastDue = e.due
                lastDueText = Array(Instant(seconds: e.due).rfc3339.utf8)
            }
            buffer.append(contentsOf: lastDueText)
            key("\",\"seconds_left\":")
            buffer.append(contentsOf: Array(String(e.due - now.seconds).utf8))
            key(",\"priority\":")
            if e.priority < 3 {
                buffer.append(0x22)
                buffer.append(contentsOf: QueueWriter.priorities[Int(e.priority)])
                buffer.append(0x22)
            } else {
                key("null")
            }
            key(",\"owner\":")
            optional(r.owner)
            key(",\"assignee\":")
            optional(r.assignee)
            key(",\"tier\":")
            optional(r.tier)
            key(",\"title\":")
            QueueWriter.jsonString(r.title, &buffer)
            if let rule = r.rule(Int(e.slot)) {
                key(",\"rule\":")
                QueueWriter.jsonString(rule, &buffer)
            }
            key("}\n")
        }
        try flushIfFull()
    }
}
