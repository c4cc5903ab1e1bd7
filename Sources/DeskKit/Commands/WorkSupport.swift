// Shared machinery of the commands that work a ticket (reply, escalate, resolve): a transform
// over the tickets `--id` picks that commits nothing unless the whole run succeeded, and small
// helpers for placing the fields they add (the `sla` object is Lifecycle.record's).

/// Runs ticket-changing commands aimed at `--id` tickets.
enum TargetedRun {
    /// Streams the inputs through `visit`, which is called for each picked ticket and may
    /// change it or throw a refusal. An `--id` matching no ticket is exit 3. Nothing is
    /// committed unless the whole run succeeded: with -i the file is left as it was, and on
    /// stdout the output is held in memory and written only at the end (these commands touch a
    /// few tickets, so a refusal found on line 50 must not leave 49 lines on stdout).
    static func run(
        _ args: ParsedArguments, _ ctx: Context, ids: [String],
        visit: (inout Ticket) throws(DeskError) -> Void
    ) throws(DeskError) {
        try run(args, ctx, ids: ids) { (t: inout Ticket, _: TicketLocation) throws(DeskError) in try visit(&t) }
    }

    /// As `run(_:_:ids:visit:)`, telling `visit` where each picked ticket was read, so a data
    /// error can name its line.
    static func run(
        _ args: ParsedArguments, _ ctx: Context, ids: [String],
        visit: (inout Ticket, TicketLocation) throws(DeskError) -> Void
    ) throws(DeskError) {
        var selection = IdSelection(ids)
        let input = TicketStream.inputName(args)
        var runCtx = ctx
        let held = OutputSink(memoryNamed: "<stdout>")
        let inPlace = args.has("in-place")
        if !inPlace { runCtx.stdout = held }
        try TicketStream.transform(
            args, runCtx,
            visit: { (t, loc) throws(DeskError) in
                guard selection.picks(t.id, at: loc) else { return }
                try visit(&t, loc)
            },
            trailer: { () throws(DeskError) -> [Ticket] in
                try selection.checkAllFound(ids, input: input)
                return []
            })
        if !inPlace {
            try held.flush()
            try ctx.stdout.write(held.captured)
        }
    }

    /// The `--id` values, or a usage error naming the command when there are none.
    static func requireIds(_ args: ParsedArguments, _ what: String) throws(DeskError) -> [String] {
        let ids = args.strings("id")
        guard !ids.isEmpty else { throw .usage(UsageError(command: args.command, message: "\(what) needs --id ID")) }
        return ids
    }

    /// A required text flag, trimmed; a usage error when missing or blank.
    static func requireText(_ args: ParsedArguments, _ flag: String, _ why: String) throws(DeskError) -> String {
        guard let v = args.string(flag), !v.trimmed.isEmpty else {
            throw .usage(UsageError(command: args.command, message: "--\(flag) TEXT is required: \(why)"))
        }
        return v
    }

    /// Usage error when any of `flags` was given although it does not apply.
    static func forbid(_ args: ParsedArguments, _ flags: [String], _ context: String) throws(DeskError) {
        for f in flags where args.has(f) {
            throw .usage(UsageError(command: args.command, message: "--\(f) cannot be used \(context)"))
        }
    }
}

extension Ticket {
    /// The record's key order (SPEC §3) for the fields these commands add.
    static let canonicalOrder = [
        "id", "opened_at", "channel", "answered", "owner", "assignee", "tier", "status", "requester", "title",
        "description", "occurred_at", "frequency", "steps_tried", "attachments", "environment", "priority",
        "impact", "urgency", "category", "tags", "classification", "needs_info", "sla", "first_response_at",
        "workaround_at",
        "escalation_requested", "escalations", "resolution", "reopened", "survey", "history",
    ]

    /// Sets a member; a new one goes in its place in the record's order (before the first
    /// present field that comes after it, e.g. `first_response_at` before `history`) instead of
    /// at the end, so tickets keep reading in SPEC order. Unknown keys stay where they are.
    mutating func setInPlace(_ key: String, _ value: JSONValue) {
        let isNew = !has(key)
        set(key, value)
        guard isNew, let rank = Ticket.canonicalOrder.firstIndex(of: key) else { return }
        let later = Set(Ticket.canonicalOrder[(rank + 1)...])
        guard let target = members.firstIndex(where: { later.contains($0.key) }),
              let current = members.lastIndex(where: { $0.key == key }), target < current else { return }
        moveMember(from: current, to: target)
    }

    /// Appends an element to an array member, creating it in its place when absent.
    mutating func appendInPlace(_ element: JSONValue, to key: String) {
        var items = array(key)
        items.append(element)
        setInPlace(key, .array(items))
    }
}
