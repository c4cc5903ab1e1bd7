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
            now (overdue ones included); --limit N the first N (only those are kept while reading). \
            --format text (default) prints \
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
            explain: args.has("explain"), ndjson: args.string("format") == "ndjson", lifecycle: Lifecycle(policy: policy, tabledAround: now), now: now)
        // A large file is read on every core, each range into its own part (InputFile.reduceLines);
        // the parts are merged in order at the listing, so the result is that of one pass.
        // With --limit each part keeps only its first N duties (QueuePart.keepFirst).
        var read = QueueParts(keep: limit)
        try InputFile.reduceLines(
            paths: args.positionals, stdin: ctx.stdin, parts: ForkJoin.threads(ctx.environment),
            into: &read, empty: QueueParts(keep: limit), merge: { $0.parts += $1.parts }
        ) { (state, bytes) throws(TicketError) in
            try pick.read(bytes, into: &state.parts[state.parts.count - 1])
        }
        // Each part's last chunk is sorted on its own thread.
        let unsealed = read.parts
        read.parts = ForkJoin.map(unsealed.count) { p in
            var part = unsealed[p]
            part.seal()
            return part
        }
        let total = read.parts.reduce(0) { $0 + $1.count }
        let shown = min(total, limit ?? total)
        let ndjson = args.string("format") == "ndjson"
        let threads = ForkJoin.threads(ctx.environment)
        // Text columns are as wide as their widest cell among the rows printed: every entry
        // (measured as each part was read) when all are printed, else the first `shown`.
        var widths = QueueRows.Widths()
        if !ndjson {
            let parts = read.parts
            if limit == nil {
                for p in parts { widths.widen(p.widths) }
            } else {
                var merge = QueueMerge(parts)
                for _ in 0..<shown {
                    guard let (e, p) = merge.next() else { break }
                    widths.widen(e, parts[p].tickets, now: now)
                }
            }
        }
        // The rows are merged in order in blocks; each block is formatted on the threads in
        // slices and written in order. Why: formatting a million rows costs more than merging.
        let formatter = QueueRows(
            tickets: read.parts.map(\.tickets), now: now, zone: policy.zone, widths: widths, colour: !ndjson && ctx.colours(ctx.stdout), ndjson: ndjson)
        // The whole listing on several threads: cut into segments of about a block each, every
        // thread merging and formatting its own, written in order a round at a time. Why: the
        // merge on one thread was a tenth of the time at a million duties.
        if shown == total, threads > 1, total >= 2 * QueueRows.block {
            let parts = read.parts
            let segments = QueueMerge.segments(parts, count: total / QueueRows.block)
            var next = 0
            while next < segments.count {
                let round = Array(segments[next..<min(segments.count, next + threads)])
                next += round.count
                for bytes in ForkJoin.map(round.count, { i in
                    var merge = QueueMerge(parts, ranges: round[i])
                    var rows: [QueueRow] = []
                    rows.reserveCapacity(round[i].reduce(0) { $0 + $1.count })
                    while let (e, p) = merge.next() { rows.append(QueueRow(entry: e, part: p)) }
                    return formatter.format(rows[...])
                }) {
                    try ctx.stdout.write(bytes)
                }
            }
            return 0
        }
        var merge = QueueMerge(read.parts)
        var left = shown
        while left > 0 {
            var rows: [QueueRow] = []
            rows.reserveCapacity(min(left, QueueRows.block))
            while rows.count < min(left, QueueRows.block), let (e, p) = merge.next() { rows.append(QueueRow(entry: e, part: p)) }
            if rows.isEmpty { break }
            left -= rows.count
            let block = rows
            let slices = threads > 1 && block.count >= 1024 ? 2 : 1
            for bytes in ForkJoin.map(slices, { i in formatter.format(block[(block.count * i / slices)..<(block.count * (i + 1) / slices)]) }) {
                try ctx.stdout.write(bytes)
            }
        }
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
    /// Owner, assignee and tier are printed only in NDJSON: the text listing keeps none of them.
    let ndjson: Bool
    let lifecycle: Lifecycle
    let now: Instant

    /// Validates one line (refused with the same errors as decoding a Ticket) and adds its
    /// open duties to `part`. Only the members the filters, the lifecycle and the listing need
    /// are read, straight from the bytes (`resolution` and `survey` one level down as the scan
    /// passes them); a finished ticket that can owe nothing more is passed over after the scan,
    /// and only the others have their history and escalations walked.
    func read(_ b: UnsafeRawBufferPointer, into part: inout QueuePart) throws(TicketError) {
        var required = Ticket.RequiredRanges()
        // The part's scratch: the members' lists and the entries keep their storage from line
        // to line (the entries moved out while the line is read, and back after).
        part.members.reset()
        var entries: [QueueEntry] = []
        swap(&entries, &part.entries)
        defer { swap(&entries, &part.entries) }
        entries.removeAll(keepingCapacity: true)
        var owner: Range<Int>? = nil, assignee: Range<Int>? = nil, tier: Range<Int>? = nil
        var title: Range<Int>? = nil, description: Range<Int>? = nil
        try part.members.scan(b, lists: false) { span, known in
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
        // The id is decoded only for a ticket that owes something.
        let h = try required.header(b, decodingID: false)
        func string(_ r: Range<Int>?) -> String? { r.flatMap { RawJSON.string(b, $0) } }
        if !owners.isEmpty || !assignees.isEmpty || !people.isEmpty {
            let o = string(owner) ?? "", a = string(assignee) ?? ""
            if !owners.isEmpty && !owners.contains(o) { return }
            if !assignees.isEmpty && !assignees.contains(a) { return }
            if !people.isEmpty && !people.contains(o) && !people.contains(a) { return }
        }
        if !tiers.isEmpty && !tiers.contains(string(tier).flatMap(Tier.init(rawValue:))?.rawValue ?? Tier.tier1.rawValue) { return }
        if !priorities.isEmpty && !priorities.contains(string(part.members.priority).flatMap(Priority.init(rawValue:))?.rawValue ?? "") { return }
        guard lifecycle.mayHaveOpenDuties(line: b, status: h.status, members: &part.members, now: now) else { return }
        // The events and escalations, noted only for the tickets that may owe something.
        part.members.walkNested(b)
        let f = LifecycleFacts(line: b, openedAt: h.openedAt, channel: h.channel, status: h.status, members: part.members)
        let priority = UInt8(f.priority?.ordinal ?? 3)
        var rules: [String] = []
        for d in lifecycle.openDuties(f, now: now, explain: explain) {
            guard let due = d.due else { continue }  // paused: waiting on the customer
            if onlyOverdue && d.state != .overdue { continue }
            if let horizon, due > horizon { continue }
            // `slot`: the duty's place in its record (records hold at most 256), which orders
            // duties equal in every key as they were read, and names its rule.
            entries.append(QueueEntry(
                due: due.seconds, ticket: 0, overdue: d.state == .overdue, priority: priority,
                kind: UInt8(d.kind.ordinal), slot: UInt8(entries.count % 256)))
            if explain { rules.append(d.explain) }
        }
        guard !entries.isEmpty else { return }
        // The id (checked by `header`) read in place: its bytes are its text unless written
        // with escapes, which are decoded (a String per ticket owing something was measurable).
        let idRange = required.id
        func withID<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
            if let r = idRange, let (inner, escaped) = RawJSON.body(b, r), !escaped { return body(inner) }
            var text = idRange.flatMap { RawJSON.string(b, $0) } ?? ""
            return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
        // The record: what the listing prints of the ticket, in the form it prints it. A
        // ticket with more than 256 open duties gets one record per 256.
        let shownTitle = title.flatMap { RawJSON.body(b, $0) } != nil ? title : description.flatMap { RawJSON.body(b, $0) } != nil ? description : nil
        var start = 0
        while start < entries.count {
            let end = min(entries.count, start + 256)
            var record: [UInt8] = []
            swap(&record, &part.record)
            record.removeAll(keepingCapacity: true)
            var idWidth = 0
            withID { QueueRecord.put($0, &record) }
            if ndjson {
                QueueRecord.putLength(0, &record)
            } else {
                withID { QueueRecord.putShown($0, oneLine: false, width: &idWidth, &record) }
            }
            QueueRecord.putLength(idWidth, &record)
            QueueRecord.putTitle(b, shownTitle, ndjson: ndjson, &record)
            QueueRecord.putLength(ndjson ? part.tickets.number(string(owner)) : 0, &record)
            QueueRecord.putLength(ndjson ? part.tickets.number(string(assignee)) : 0, &record)
            QueueRecord.putLength(ndjson ? part.tickets.number(string(tier)) : 0, &record)
            QueueRecord.putLength(explain ? end - start : 0, &record)
            if explain {
                var code: [UInt8] = []
                for r in rules[start..<end] {
                    code.removeAll(keepingCapacity: true)
                    part.tickets.encode(rule: r, &code)
                    code.withUnsafeBytes { QueueRecord.put($0, &record) }
                }
            }
            part.add(opened: h.openedAt, record: record, entries: entries[start..<end], idWidth: ndjson ? nil : idWidth, now: now)
            swap(&record, &part.record)
            start = end
        }
    }
}

/// One row of the listing: an entry and the part that holds its ticket.
struct QueueRow: Sendable {
    var entry: QueueEntry
    var part: Int
}

/// Formats the listing's rows as bytes: the aligned text (due in the policy's zone, how long
/// until or since, ticket, priority, duty, title, and the rule with --explain) or one JSON
/// object per duty. Outside text goes through the same escaping as before: plain text is
/// copied as is, anything holding a control character through TerminalText or the JSON
/// writer's rules.
struct QueueRows: Sendable {
    /// The records of each part (the rows' `part` indexes them).
    let tickets: [QueueTickets]
    let now: Instant
    let zone: ZoneRules
    let widths: Widths
    let colour: Bool
    let ndjson: Bool
    /// Rows merged and formatted at a time.
    static let block = 4096

    /// The widths of the text listing's first five columns.
    struct Widths: Sendable {
        var date = 0, relative = 0, id = 0, priority = 0, kind = 0

        mutating func widen(_ o: Widths) {
            date = max(date, o.date)
            relative = max(relative, o.relative)
            id = max(id, o.id)
            priority = max(priority, o.priority)
            kind = max(kind, o.kind)
        }

        /// Widened to hold one entry's row; `idWidth` the width of its ticket's id.
        @inline(__always)
        mutating func widen(_ e: QueueEntry, idWidth: Int, now: Instant) {
            date = 16
            relative = max(relative, QueueRows.relativeWidth(e.due, now: now))
            id = max(id, idWidth)
            priority = max(priority, QueueRows.priorityWidths[Int(e.priority)])
            kind = max(kind, QueueRows.kindWidths[Int(e.kind)])
        }

        mutating func widen(_ e: QueueEntry, _ tickets: QueueTickets, now: Instant) {
            widen(e, idWidth: tickets.read(e.ticket) { $0.idWidth }, now: now)
        }
    }

    static let kinds: [[UInt8]] = Duty.Kind.allCases.map { Array($0.rawValue.utf8) }
    static let priorities: [[UInt8]] = Priority.allCases.map { Array($0.rawValue.utf8) } + [Array("-".utf8)]
    static let kindWidths = kinds.map(\.count), priorityWidths = priorities.map(\.count)

    /// `kinds[k]` as static bytes: no array to retain per row (a test holds the two equal).
    static func label(kind k: UInt8) -> UnsafeRawBufferPointer {
        let s: StaticString
        switch k {
        case 0: s = "first_response"
        case 1: s = "workaround"
        case 2: s = "resolution"
        case 3: s = "escalation"
        case 4: s = "acknowledgement"
        case 5: s = "escalation_eta"
        case 6: s = "promise"
        case 7: s = "eta"
        case 8: s = "callback"
        case 9: s = "end_of_day_update"
        case 10: s = "progress"
        case 11: s = "observation"
        case 12: s = "survey"
        default: s = "survey_follow_up"
        }
        return UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)
    }

    /// `priorities[p]` as static bytes.
    static func label(priority p: UInt8) -> UnsafeRawBufferPointer {
        let s: StaticString = p == 0 ? "high" : p == 1 ? "medium" : p == 2 ? "low" : "-"
        return UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)
    }
    static let red = Array(Colour.red.utf8), reset = Array(Colour.reset.utf8)

    /// The rows of a slice, as bytes.
    func format(_ rows: ArraySlice<QueueRow>) -> [UInt8] {
        var due = DueText()
        if !ndjson {
            var out = QueueRowBuffer(capacity: rows.count * 120)
            // The parts' records are read in place (no copy of a part per row).
            tickets.withUnsafeBufferPointer { parts in
                for r in rows { text(r, parts, &out, &due) }
            }
            return out.bytes
        }
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * 240)
        for r in rows { json(r, &out, &due) }
        return out
    }

    /// The last due written and its text (dues repeat: the end of a business day); for the
    /// text listing, the local day last written and its `YYYY-MM-DD ` (most rows share a day).
    struct DueText {
        var seconds: Int64? = nil
        var bytes: [UInt8] = []
        var day = Int64.min
        var date: [UInt8] = []
        /// The text listing's last row: its due, and where its local time and its relative
        /// time lie in the buffer. Rows come in due order, so runs share a due (the end of a
        /// business day): those copy the two texts instead of writing them again.
        var rowDue = Int64.min
        var dateAt = 0, dateCount = 0, relativeAt = 0, relativeCount = 0

        /// `2026-11-30 16:00`: `due` in the zone, as `zone.civil` reads it (the UTC fields of
        /// `due` + the zone's offset at `due`).
        mutating func writeLocal(_ due: Int64, _ zone: ZoneRules, _ out: inout QueueRowBuffer) {
            let local = due + Int64(zone.offset(at: Instant(seconds: due)))
            let day = local >= 0 ? local / 86400 : (local - 86399) / 86400
            if day != self.day {
                let c = CivilTime(utcSeconds: day * 86400)
                date.removeAll(keepingCapacity: true)
                QueueRows.digits(c.year, 4, &date); date.append(0x2D); QueueRows.digits(c.month, 2, &date); date.append(0x2D)
                QueueRows.digits(c.day, 2, &date); date.append(0x20)
                self.day = day
            }
            out.put(date)
            let rem = Int(local - day * 86400)
            out.twoDigits(rem / 3600)
            out.put(0x3A)
            out.twoDigits(rem % 3600 / 60)
        }
    }

    static func put(_ s: StaticString, _ out: inout [UInt8]) {
        out.append(contentsOf: UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// A decimal integer, as `String(v)` writes it.
    static func number(_ v: Int64, _ out: inout [UInt8]) {
        if v < 0 { out.append(UInt8(ascii: "-")) }
        var m = v.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[n] = UInt8(0x30 + m % 10)
                m /= 10
                n += 1
            } while m > 0
            for k in stride(from: n - 1, through: 0, by: -1) { out.append(d[k]) }
        }
    }

    /// The low `width` digits of v, as `CivilTime.formatted` writes them.
    static func digits(_ v: Int, _ width: Int, _ out: inout [UInt8]) {
        var div = 1
        for _ in 1..<width { div *= 10 }
        while div > 0 {
            out.append(UInt8(0x30 + (v / div) % 10))
            div /= 10
        }
    }

    /// The length of `relative`'s text.
    static func relativeWidth(_ due: Int64, now: Instant) -> Int {
        let d = due - now.seconds
        let s = d < 0 ? -d : d
        func count(_ v: Int64) -> Int {
            var n = 1, m = v
            while m >= 10 { m /= 10; n += 1 }
            return n
        }
        let head = d < 0 ? 8 : 3
        if s < 60 { return head + 3 }
        if s < 3600 { return head + count(s / 60) + 1 }
        if s < 86400 { return head + count(s / 3600) + 1 + (s % 3600 / 60 > 0 ? count(s % 3600 / 60) + 1 : 0) }
        return head + count(s / 86400) + 1 + (s % 86400 / 3600 > 0 ? count(s % 86400 / 3600) + 1 : 0)
    }

    /// True when TerminalText would print the UTF-8 text as it is, on one line: no C0 or C1
    /// control, no DEL, no bidi control (checked conservatively: any U+2000–U+207F takes the
    /// slow path). Printable ASCII is passed eight bytes a step; a word holding anything else
    /// is checked a byte at a time (`plainByte`). Why: every id and title of a ticket that owes
    /// something is checked, a byte per step was a percent of queue. Tested against
    /// `isPlainBytewise`.
    static func isPlain(_ b: UnsafeRawBufferPointer) -> Bool {
        guard let base = b.baseAddress else { return true }
        let n = b.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        var i = 0
        while i &+ 8 <= n {
            let w = UInt64(littleEndian: (base + i).loadUnaligned(as: UInt64.self))
            // A high bit is set in some byte exactly when a byte is below 0x20 (it borrows and
            // its own byte wraps), DEL (0x7F + 1) or non-ASCII; a borrow or carry only ever
            // leaves such a byte, so a word of printable ASCII gives zero.
            if ((w &- ones &* 0x20) | (w &+ ones) | w) & (ones &* 0x80) != 0 {
                for k in i..<(i &+ 8) where !plainByte(base, k, n) { return false }
            }
            i &+= 8
        }
        while i < n {
            if !plainByte(base, i, n) { return false }
            i &+= 1
        }
        return true
    }

    /// Whether the byte at `i` of the `n` bytes at `base` passes `isPlain`'s test (the byte
    /// after it read for a two-byte control or a bidi control's lead).
    @inline(__always)
    static func plainByte(_ base: UnsafeRawPointer, _ i: Int, _ n: Int) -> Bool {
        let c = base.load(fromByteOffset: i, as: UInt8.self)
        if c < 0x20 || c == 0x7F { return false }
        if c >= 0xC2, i + 1 < n {
            let d = base.load(fromByteOffset: i + 1, as: UInt8.self)
            if c == 0xC2 && d < 0xA0 { return false }
            if c == 0xD8 && d == 0x9C { return false }
            if c == 0xE2 && (d == 0x80 || d == 0x81) { return false }
        }
        return true
    }

    /// `isPlain` a byte at a time: the twin the tests hold it to.
    static func isPlainBytewise(_ b: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x20 || c == 0x7F { return false }
            if c >= 0xC2, i + 1 < n {
                let d = b[i + 1]
                if c == 0xC2 && d < 0xA0 { return false }
                if c == 0xD8 && d == 0x9C { return false }
                if c == 0xE2 && (d == 0x80 || d == 0x81) { return false }
            }
            i += 1
        }
        return true
    }

    /// Outside text for a terminal, as TerminalText.escaped prints it (a title first put on one
    /// line), and its width in Characters (0 unless `width` is asked).
    @discardableResult
    static func terminal(_ b: UnsafeRawBufferPointer, oneLine: Bool, width: Bool = false, _ out: inout [UInt8]) -> Int {
        if isPlain(b) {
            out.append(contentsOf: b)
            guard width else { return 0 }
            return b.contains(where: { $0 >= 0x80 }) ? String(decoding: b, as: UTF8.self).count : b.count
        }
        var s = String(decoding: b, as: UTF8.self)
        if oneLine, b.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            s = s.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
        }
        let e = TerminalText.escaped(s, keepLayout: false)
        out.append(contentsOf: e.utf8)
        return e.count
    }

    /// `in 12m`, `overdue 1h3m`: the two largest units, minutes at least.
    static func relative(_ due: Int64, now: Instant, _ out: inout QueueRowBuffer) {
        let d = due - now.seconds
        let s = d < 0 ? -d : d
        out.put(d < 0 ? QueueRows.bytes("overdue ") : QueueRows.bytes("in "))
        if s < 60 {
            out.put(QueueRows.bytes("<1m"))
        } else if s < 3600 {
            out.number(s / 60); out.put(UInt8(ascii: "m"))
        } else if s < 86400 {
            out.number(s / 3600); out.put(UInt8(ascii: "h"))
            if s % 3600 / 60 > 0 { out.number(s % 3600 / 60); out.put(UInt8(ascii: "m")) }
        } else {
            out.number(s / 86400); out.put(UInt8(ascii: "d"))
            if s % 86400 / 3600 > 0 { out.number(s % 86400 / 3600); out.put(UInt8(ascii: "h")) }
        }
    }

    /// The bytes of a literal, read in place (a static array was retained and released on
    /// every row).
    @inline(__always)
    static func bytes(_ s: StaticString) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)
    }

    /// One row of the aligned text listing (and its rule with --explain).
    func text(_ row: QueueRow, _ parts: UnsafeBufferPointer<QueueTickets>, _ out: inout QueueRowBuffer, _ due: inout DueText) {
        let e = row.entry
        let w = widths
        let prio = QueueRows.label(priority: e.priority), kind = QueueRows.label(kind: e.kind)
        let red = colour && e.overdue
        guard let base = parts.baseAddress else { return }
        QueueTickets.read(base + row.part, e.ticket) { r in
            let rule = r.rule(Int(e.slot)).map { parts[row.part].decode(rule: $0) }
            // Room for the row: every field and pad at its widest (the date 16 bytes, the
            // relative time at most `overdue ` and two 20-digit numbers with their units).
            out.reserve(16 + w.date + w.relative + 50 + r.shownId.count + w.id + prio.count + w.priority
                        + kind.count + w.kind + r.title.count + 16 + (rule?.count ?? 0) + (red ? QueueRows.red.count + QueueRows.reset.count : 0))
            let start = out.mark
            let again = e.due == due.rowDue
            if again { out.repeatBytes(at: due.dateAt, count: due.dateCount) } else { due.writeLocal(e.due, zone, &out) }
            let dateCount = out.mark - start
            out.spaces(max(0, w.date - dateCount) + 2)
            if red { out.put(QueueRows.red) }
            let before = out.mark
            if again { out.repeatBytes(at: due.relativeAt, count: due.relativeCount) } else { QueueRows.relative(e.due, now: now, &out) }
            let relativeCount = out.mark - before
            (due.rowDue, due.dateAt, due.dateCount, due.relativeAt, due.relativeCount) = (e.due, start, dateCount, before, relativeCount)
            out.spaces(w.relative - relativeCount)
            if red { out.put(QueueRows.reset) }
            out.spaces(2)
            out.put(r.shownId)
            out.spaces(max(0, w.id - r.idWidth) + 2)
            out.put(prio)
            out.spaces(max(0, w.priority - prio.count) + 2)
            out.put(kind)
            out.spaces(max(0, w.kind - kind.count) + 2)
            out.put(r.title)
            out.put(0x0A)
            if let rule {
                out.spaces(4)
                out.put(rule)
                out.put(0x0A)
            }
        }
    }

    /// A JSON string of UTF-8 bytes (JSONWriter's escaping).
    static func jsonString(_ b: UnsafeRawBufferPointer, _ out: inout [UInt8]) { JSONWriter.writeString(bytes: b, to: &out) }

    /// One JSON object per duty, members in the order JSONObject wrote them.
    func json(_ row: QueueRow, _ out: inout [UInt8], _ due: inout DueText) {
        let e = row.entry
        if due.seconds != e.due {
            // RFC 3339 in UTC, as Instant.rfc3339 writes it.
            let c = CivilTime(utcSeconds: min(max(e.due, Instant.earliest.seconds), Instant.latest.seconds))
            due.seconds = e.due
            due.bytes.removeAll(keepingCapacity: true)
            QueueRows.digits(c.year, 4, &due.bytes); due.bytes.append(0x2D); QueueRows.digits(c.month, 2, &due.bytes); due.bytes.append(0x2D)
            QueueRows.digits(c.day, 2, &due.bytes); due.bytes.append(0x54)
            QueueRows.digits(c.hour, 2, &due.bytes); due.bytes.append(0x3A); QueueRows.digits(c.minute, 2, &due.bytes); due.bytes.append(0x3A)
            QueueRows.digits(c.second, 2, &due.bytes); due.bytes.append(0x5A)
        }
        let tickets = self.tickets[row.part]
        func optional(_ n: Int) {
            tickets.withName(n) { v in
                if let v { QueueRows.jsonString(v, &out) } else { QueueRows.put("null", &out) }
            }
        }
        tickets.read(e.ticket) { r in
            QueueRows.put("{\"ticket\":", &out)
            QueueRows.jsonString(r.id, &out)
            QueueRows.put(",\"duty\":\"", &out)
            out.append(contentsOf: QueueRows.kinds[Int(e.kind)])
            if e.overdue { QueueRows.put("\",\"state\":\"overdue\",\"due\":\"", &out) } else { QueueRows.put("\",\"state\":\"pending\",\"due\":\"", &out) }
            out.append(contentsOf: due.bytes)
            QueueRows.put("\",\"seconds_left\":", &out)
            QueueRows.number(e.due - now.seconds, &out)
            QueueRows.put(",\"priority\":", &out)
            if e.priority < 3 {
                out.append(0x22)
                out.append(contentsOf: QueueRows.priorities[Int(e.priority)])
                out.append(0x22)
            } else {
                QueueRows.put("null", &out)
            }
            QueueRows.put(",\"owner\":", &out)
            optional(r.owner)
            QueueRows.put(",\"assignee\":", &out)
            optional(r.assignee)
            QueueRows.put(",\"tier\":", &out)
            optional(r.tier)
            QueueRows.put(",\"title\":", &out)
            out.append(contentsOf: r.title)
            if let code = r.rule(Int(e.slot)) {
                QueueRows.put(",\"rule\":", &out)
                tickets.decode(rule: code).withUnsafeBytes { QueueRows.jsonString($0, &out) }
            }
            QueueRows.put("}\n", &out)
        }
    }
}
