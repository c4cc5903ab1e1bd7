// `desk reply`: log a public reply to the requester, an internal note, or a message from the
// requester, and move the ticket's status and SLA clock accordingly. Public replies are linted
// against the policy's service taboo phrases (seed 004 服务忌语) and bare vague phrases (seed
// 004 BRT回复规范) before anything is read or written.

/// The `reply` command.
public enum ReplyCommand {
    /// The declaration of `reply`.
    public static let spec = CommandSpec(
        name: "reply",
        summary: "log a reply to the requester, an internal note, or a message from the requester",
        synopsis: [
            "--id ID --text TEXT [--waiting] [OPTIONS] [FILE...]",
            "--id ID --text TEXT --internal [OPTIONS] [FILE...]",
            "--id ID --text TEXT --customer [OPTIONS] [FILE...]",
            "--id ID --text TEXT [--workaround] [--callback] [--promise WHEN] [--eta WHEN] [OPTIONS] [FILE...]",
            "--id ID --dropped [--text TEXT] [OPTIONS] [FILE...]",
            "--dry-run --text TEXT [--policy FILE]",
            "--learn -o MODEL [FILE...]",
        ],
        discussion: """
            A public reply (the default) is a message to the requester: history 'replied'; the \
            first one sets first_response_at (never overwritten) and records a first_response \
            breach in sla.breaches when it came after sla.first_response_due; an open ticket moves \
            to in_progress. --waiting also sets the status to waiting: the SLA clock pauses until \
            the requester's next message. --internal logs a note for colleagues (history 'note'; \
            no first response, no wording check). --customer logs a message from the requester \
            (history 'customer_replied'); a waiting ticket goes back to in_progress and \
            sla.paused_seconds is brought up to date. A public reply is checked against the \
            policy's phrase families (docs/POLICY.md): one using a service taboo phrase in the \
            agent's own words (我不知道, 這個不行, I'm too busy, ...; quoted or conditional words \
            do not count), one with no content (only punctuation, digits, fillers or a lone ?), or \
            one that only says "done" (已处理, 搞定了, OK, all sorted, ...) is refused (exit 1) \
            with the reasons and a politer wording, before anything is written. --dry-run checks \
            the text only: exit 1 with the reasons, or 0. Replies to resolved or closed tickets are refused: reopen them \
            first (desk open --reopen). \
            A public reply may also carry: --workaround (it delivers a temporary workaround; the \
            first sets workaround_at and meets the workaround target), --callback (it is the call \
            back owed for a missed or dropped call), --promise WHEN (the reply time agreed with the \
            requester: kept by the next public reply by then) and --eta WHEN (the expected \
            resolution time given to the requester). WHEN is an RFC 3339 time, a business duration \
            from now (2h, on the ticket's SLA calendar), a local clock time (16:00, its next \
            occurrence on the policy's clock) or eod (the end of the business day). Each is kept on \
            the 'replied' history event. --dropped records a call that dropped (history \
            'call_dropped'), which owes a call-back within the policy's duties.callback. \
            After the phrase families, a reply they pass is read whole by the policy's reply model \
            (phrases.model; the built-in policy ships one learnt from labelled replies) and refused \
            when the model reads it as blame, a brush-off or a bare "done" at or above \
            phrases.model_threshold; the reason gives its confidence and the words that weighed \
            most. --learn -o MODEL learns such a model from labelled replies, one JSON object per \
            line with "text" and "expect" ("refuse" or "keep"); name the file in phrases.model.
            """,
        flags: [
            CommonFlags.id,
            FlagSpec("text", kind: .string, help: "the message"),
            FlagSpec("internal", help: "an internal note, not sent to the requester"),
            FlagSpec("customer", help: "a message from the requester (resumes a waiting ticket)"),
            FlagSpec("waiting", help: "with a public reply: wait for the requester, pausing the SLA clock"),
            FlagSpec("workaround", help: "with a public reply: it delivers a temporary workaround"),
            FlagSpec("callback", help: "with a public reply: it is the call-back of a missed or dropped call"),
            FlagSpec("promise", kind: .string, valueName: "WHEN", help: "with a public reply: the reply time agreed with the requester"),
            FlagSpec("eta", kind: .string, valueName: "WHEN", help: "with a public reply: the expected resolution time given to the requester"),
            FlagSpec("dropped", help: "record a dropped call, which owes a call-back"),
            FlagSpec("dry-run", help: "only check the wording of the public reply: exit 1 with the reasons, or 0; nothing is read or written"),
            FlagSpec("learn", help: "learn a reply model from the input's labelled replies ({\"text\", \"expect\"} per line); write it with -o"),
            FlagSpec("output", short: "o", kind: .file, help: "with --learn: the model file to write (the policy names it in phrases.model)"),
            CommonFlags.by,
            CommonFlags.inPlace,
            CommonFlags.now,
            CommonFlags.policy,
        ],
        examples: [
            ExampleSpec(
                "desk reply --id DK-261014-7G2K --text '您好，我们已收到您的问题，正在排查 VPN 网关日志，预计 30 分钟内给您答复' -i tickets.ndjson",
                "first public reply: sets first_response_at"),
            ExampleSpec(
                "desk reply --id DK-261014-7G2K --waiting --text 'Could you send a screenshot of the error?' -i tickets.ndjson",
                "ask the requester for facts and pause the SLA clock"),
            ExampleSpec(
                "desk reply --id DK-261014-7G2K --customer --text 'Screenshot attached' -i tickets.ndjson",
                "log the requester's answer; the clock resumes"),
            ExampleSpec(
                "desk reply --id DK-261014-7G2K --internal --text 'gateway log shows cert expiry' -i tickets.ndjson",
                "an internal note"),
            ExampleSpec(
                "desk reply --id DK-261014-7G2K --workaround --promise 16:00 --text '请先改用 Web VPN 登录；16:00 前告知网关修复进展' -i tickets.ndjson",
                "deliver a workaround and agree when to report back"),
            ExampleSpec(
                "desk reply --id DK-261014-7G2K --callback --eta eod --text '回拨：网关证书今天下班前更换完毕' -i tickets.ndjson",
                "call back a missed call and give the expected resolution time"),
            ExampleSpec(
                "desk reply --dry-run --text '搞定了'",
                "check a reply before sending it: refused (exit 1), it only says done", status: 1),
            ExampleSpec(
                "desk reply --learn -o reply-model.json reviewed-replies.ndjson",
                "learn a reply model from replies reviewers refused or kept; name it in the policy's phrases.model"),
        ])

    /// Which kind of message this is.
    enum Kind { case publicReply, internalNote, fromCustomer }

    /// Runs `reply`.
    public static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        if args.has("learn") {
            try TargetedRun.forbid(args, ["id", "text", "internal", "customer", "waiting", "dropped", "dry-run", "in-place"] + publicOnly, "with --learn")
            return try ReplyLearn.run(args, ctx)
        }
        if args.has("output") {
            throw .usage(UsageError(command: "reply", message: "-o MODEL goes with --learn"))
        }
        let dryRun = args.has("dry-run")
        let ids = dryRun ? args.strings("id") : try TargetedRun.requireIds(args, "reply")
        if args.has("dropped") {
            if dryRun { throw .usage(UsageError(command: "reply", message: "--dry-run checks a public reply's wording; --dropped has none")) }
            return try dropped(args, ctx, ids: ids)
        }
        let text = try TargetedRun.requireText(args, "text", "the message to log")
        if args.has("internal") && args.has("customer") {
            throw .usage(UsageError(command: "reply", message: "--internal and --customer cannot be used together"))
        }
        let kind: Kind = args.has("internal") ? .internalNote : args.has("customer") ? .fromCustomer : .publicReply
        if kind != .publicReply {
            try TargetedRun.forbid(args, ["waiting"] + publicOnly, "with --internal or --customer")
        }
        if dryRun && kind != .publicReply {
            throw .usage(UsageError(command: "reply", message: "--dry-run checks a public reply; it cannot be used with --internal or --customer"))
        }
        let policy = try Policy.load(args, ctx)
        if kind == .publicReply {
            let problems = PhraseLint(policy: policy, replyModel: try ReplyModel.load(policy, ctx)).review(reply: text).map(\.message)
            let target = ids.isEmpty ? "reply" : "reply to \(ids.joined(separator: ", "))"
            if !problems.isEmpty {
                throw .refused(target + (dryRun ? " (dry run)" : "") + ": " + problems.joined(separator: "\n  ")
                    + "\n  nothing was written; the refused reply was: " + text)
            }
        }
        if dryRun {
            ctx.diagnostics.print(Diagnostic(.plain, "reply (dry run): the wording checks pass; nothing was written"))
            return 0
        }
        let now = ctx.now(args)
        let by = ctx.actor(args)
        let lifecycle = Lifecycle(policy: policy)
        // WHEN values are checked before any ticket is read; a duration is resolved per ticket
        // (on its priority's calendar).
        for flag in ["promise", "eta"] {
            if let w = args.string(flag), when(w, now: now, lifecycle: lifecycle, priority: nil) == nil {
                throw .usage(UsageError(command: "reply", message: "--\(flag) must be an RFC 3339 time, a business duration (2h), a local time (16:00) or eod, later than now; got '\(w)'"))
            }
        }
        try TargetedRun.run(args, ctx, ids: ids) { (t) throws(DeskError) in
            var extras = Extras(workaround: args.has("workaround"), callback: args.has("callback"))
            extras.promise = args.string("promise").flatMap { when($0, now: now, lifecycle: lifecycle, priority: t.priority) }
            extras.eta = args.string("eta").flatMap { when($0, now: now, lifecycle: lifecycle, priority: t.priority) }
            try apply(kind, text: text, waiting: args.has("waiting"), extras: extras, to: &t, by: by, now: now)
            lifecycle.record(&t, now: now)
        }
        return 0
    }

    /// Flags that only go with a public reply.
    static let publicOnly = ["workaround", "callback", "promise", "eta"]

    /// What a public reply carries besides its text.
    struct Extras {
        var workaround = false
        var callback = false
        var promise: Instant? = nil
        var eta: Instant? = nil
    }

    /// A WHEN value at `now`, later than now; nil when it is not one.
    static func when(_ text: String, now: Instant, lifecycle: Lifecycle, priority: Priority?) -> Instant? {
        guard let at = WhenText.parse(text, now: now, calendar: lifecycle.calendar(for: priority), business: lifecycle.policy.businessCalendar),
              at > now else { return nil }
        return at
    }

    /// `--dropped`: a call that dropped owes a call-back (seed 004 电话服务规范: 主动回拨).
    static func dropped(_ args: ParsedArguments, _ ctx: Context, ids: [String]) throws(DeskError) -> Int32 {
        try TargetedRun.forbid(args, ["internal", "customer", "waiting"] + publicOnly, "with --dropped")
        let policy = try Policy.load(args, ctx)
        let now = ctx.now(args)
        let by = ctx.actor(args)
        let lifecycle = Lifecycle(policy: policy)
        let text = args.string("text").flatMap { $0.trimmed.isEmpty ? nil : $0 }
        try TargetedRun.run(args, ctx, ids: ids) { (t) throws(DeskError) in
            if t.status.isFinished {
                throw .refused("record a dropped call on \(t.id): the ticket is \(t.status.rawValue); reopen it first: desk open --reopen --id \(t.id) --reason TEXT")
            }
            t.record("call_dropped", at: now, by: by, text.map { [JSONMember("text", .string($0))] } ?? [])
            lifecycle.record(&t, now: now)
        }
        return 0
    }

    /// Applies one message to a picked ticket.
    static func apply(
        _ kind: Kind, text: String, waiting: Bool = false, extras: Extras = Extras(), to t: inout Ticket, by: String?, now: Instant
    ) throws(DeskError) {
        if t.status.isFinished && kind != .internalNote {
            throw .refused(
                "reply to \(t.id): the ticket is \(t.status.rawValue); reopen it first: desk open --reopen --id \(t.id) --reason TEXT")
        }
        let textMember = [JSONMember("text", .string(text))]
        switch kind {
        case .internalNote:
            t.record("note", at: now, by: by, textMember)
        case .fromCustomer:
            t.record("customer_replied", at: now, by: by, textMember)
            if t.status == .waiting { t.setStatus(.inProgress) }
        case .publicReply:
            var details = textMember
            if extras.workaround { details.append(JSONMember("workaround", .bool(true))) }
            if extras.callback { details.append(JSONMember("callback", .bool(true))) }
            if let p = extras.promise { details.append(JSONMember("promise", .string(p.rfc3339))) }
            if let e = extras.eta { details.append(JSONMember("eta", .string(e.rfc3339))) }
            t.record("replied", at: now, by: by, details)
            // The first public reply is the first response (a call-back and a workaround too);
            // the first workaround reply is when the workaround was delivered.
            if !t.has("first_response_at") || t.value("first_response_at")?.isNull == true {
                t.setInPlace("first_response_at", .string(now.rfc3339))
            }
            if extras.workaround, !t.has("workaround_at") || t.value("workaround_at")?.isNull == true {
                t.setInPlace("workaround_at", .string(now.rfc3339))
            }
            if waiting {
                if t.status != .waiting {
                    t.setStatus(.waiting)
                    t.record("waiting", at: now, by: by)
                }
            } else if t.status == .open {
                t.setStatus(.inProgress)
            }
        }
    }
}
