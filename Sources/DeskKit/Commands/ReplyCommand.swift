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
            "--dry-run --text TEXT [--policy FILE]",
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
            first (desk open --reopen).
            """,
        flags: [
            CommonFlags.id,
            FlagSpec("text", kind: .string, help: "the message"),
            FlagSpec("internal", help: "an internal note, not sent to the requester"),
            FlagSpec("customer", help: "a message from the requester (resumes a waiting ticket)"),
            FlagSpec("waiting", help: "with a public reply: wait for the requester, pausing the SLA clock"),
            FlagSpec("dry-run", help: "only check the wording of the public reply: exit 1 with the reasons, or 0; nothing is read or written"),
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
                "desk reply --dry-run --text '搞定了'",
                "check a reply before sending it: refused (exit 1), it only says done", status: 1),
        ])

    /// Which kind of message this is.
    enum Kind { case publicReply, internalNote, fromCustomer }

    /// Runs `reply`.
    public static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        let dryRun = args.has("dry-run")
        let ids = dryRun ? args.strings("id") : try TargetedRun.requireIds(args, "reply")
        let text = try TargetedRun.requireText(args, "text", "the message to log")
        if args.has("internal") && args.has("customer") {
            throw .usage(UsageError(command: "reply", message: "--internal and --customer cannot be used together"))
        }
        let kind: Kind = args.has("internal") ? .internalNote : args.has("customer") ? .fromCustomer : .publicReply
        if kind != .publicReply { try TargetedRun.forbid(args, ["waiting"], "with --internal or --customer") }
        if dryRun && kind != .publicReply {
            throw .usage(UsageError(command: "reply", message: "--dry-run checks a public reply; it cannot be used with --internal or --customer"))
        }
        let policy = try Policy.load(args, ctx)
        if kind == .publicReply {
            let problems = lint(text, policy: policy)
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
        let clock = SLAClock(policy: policy)
        try TargetedRun.run(args, ctx, ids: ids) { (t) throws(DeskError) in
            try apply(kind, text: text, waiting: args.has("waiting"), to: &t, by: by, now: now, clock: clock)
        }
        return 0
    }

    /// Why a public reply cannot be sent: one message per taboo phrase with its politer
    /// wording, or one for a reply that is nothing but a vague phrase. Empty when it may go.
    static func lint(_ text: String, policy: Policy) -> [String] {
        PhraseLint(policy: policy).review(reply: text).map(\.message)
    }

    /// Applies one message to a picked ticket.
    static func apply(_ kind: Kind, text: String, waiting: Bool = false, to t: inout Ticket, by: String?, now: Instant, clock: SLAClock) throws(DeskError) {
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
            if t.status == .waiting {
                t.setStatus(.inProgress)
                SLAUpdate.refreshPaused(&t, clock: clock, now: now)
            }
        case .publicReply:
            t.record("replied", at: now, by: by, textMember)
            if !t.has("first_response_at") || t.value("first_response_at")?.isNull == true {
                t.setInPlace("first_response_at", .string(now.rfc3339))
                if let due = t.object("sla")?["first_response_due"]?.stringValue.flatMap(Instant.init(rfc3339:)),
                   SLAUpdate.met(t, dueKey: "first_response_due", at: now, clock: clock, now: now) == false {
                    SLAUpdate.addBreach(&t, target: "first_response", due: due, at: now)
                }
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
