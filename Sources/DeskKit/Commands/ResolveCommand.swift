// `desk resolve`: record how a ticket was resolved — cause, solution and result, each checked
// against the policy's vague and taboo wording (seed 004 BRT回复规范: 原因说明、处理方案、处理
// 结果; no bare 已处理/已完成/已解决/OK) — optionally through an observation period (seed 000
// 稳定性观察) that `--confirm` ends.

/// The `resolve` command.
public enum ResolveCommand {
    /// The declaration of `resolve`.
    public static let spec = CommandSpec(
        name: "resolve",
        summary: "record cause, solution and result of a ticket, optionally after an observation period",
        synopsis: [
            "--id ID --cause TEXT --solution TEXT --result TEXT [--observe DURATION] [OPTIONS] [FILE...]",
            "--confirm --id ID [OPTIONS] [FILE...]",
            "--dry-run --cause TEXT --solution TEXT --result TEXT [--policy FILE]",
        ],
        discussion: """
            --cause, --solution and --result are all required (seed 004 BRT回复规范: 原因说明, \
            处理方案, 处理结果). A field that is missing, empty, too short, nothing but a vague \
            phrase (已处理, 已解决, OK, done, ... in any case or punctuation) or that contains a \
            service taboo phrase is refused; so is a field that gives up on the cause (原因不明, \
            unknown), keyboard mash, or one whose content once vague phrases and filler are taken \
            out is under 6 units (a Chinese character of content 2, a word its letters up to 6, a \
            number 2: "能登录" passes, "已重启" does not). The refusal says what the field is \
            missing. --dry-run checks the three texts only (exit 1 with the reasons, or 0). On a \
            refusal: exit 1, every refused field listed with the reason, \
            what was typed echoed back, nothing written. The ticket gets resolution {cause, \
            solution, result, by, at, business_seconds (SLA time from opening to now)}, history \
            'resolved' and status resolved, with sla.met {first_response, workaround, resolution} \
            for each target that has a due (met when the SLA time used, waits on the customer \
            left out, is within what the due allowed; the workaround counts as met when the \
            ticket was resolved in time for workaround_due). --observe DURATION (the policy's \
            observation, 30m by default, is the seeds' suggestion; the value is always given) \
            keeps the ticket observing with resolution.observe_until; --confirm then marks it \
            resolved with resolution.confirmed_at and sla.met. Confirming before observe_until is \
            allowed (the requester may confirm early) and noted in the 'confirmed' event. A \
            reopen during observation (desk open --reopen) sends it back to in_progress. Resolving \
            a resolved, closed or observing ticket is refused.
            """,
        flags: [
            CommonFlags.id,
            FlagSpec("cause", kind: .string, help: "原因说明: what caused the problem"),
            FlagSpec("solution", kind: .string, help: "处理方案: what was done"),
            FlagSpec("result", kind: .string, help: "处理结果: the outcome, as the requester sees it"),
            FlagSpec("observe", kind: .duration, help: "keep the ticket observing this long before it counts as resolved"),
            FlagSpec("confirm", help: "end the observation of --id: the ticket is resolved"),
            FlagSpec("dry-run", help: "only check cause, solution and result: exit 1 with the reasons, or 0; nothing is read or written"),
            SuggestHook.articleFlag,
            CommonFlags.by,
            CommonFlags.inPlace,
            CommonFlags.now,
            CommonFlags.policy,
        ],
        examples: [
            ExampleSpec(
                "desk resolve --id DK-261014-7G2K --cause 'VPN 网关证书过期' --solution '更换网关证书并重启 VPN 服务' --result '用户连续使用 1 小时未再断线' -i tickets.ndjson",
                "resolve with cause, solution and result"),
            ExampleSpec(
                "desk resolve --id DK-261014-7G2K --cause 'expired gateway certificate' --solution 'renewed the certificate' --result 'no drops since' --observe 30m -i tickets.ndjson",
                "resolve, then observe for 30 minutes"),
            ExampleSpec("desk resolve --confirm --id DK-261014-7G2K -i tickets.ndjson", "end the observation: the ticket is resolved"),
            ExampleSpec(
                "desk resolve --dry-run --cause '原因不明' --solution '重启' --result 'ok'",
                "check the texts before resolving: refused (exit 1), each field says what is missing", status: 1),
        ])

    /// The three fields: flag, resolution key and the seed's name.
    static let fields: [(flag: String, key: String, name: String)] = [
        ("cause", "cause", "原因说明"), ("solution", "solution", "处理方案"), ("result", "result", "处理结果"),
    ]

    /// Runs `resolve`.
    public static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        let dryRun = args.has("dry-run")
        if dryRun { try TargetedRun.forbid(args, ["confirm"], "with --dry-run") }
        let ids = dryRun ? args.strings("id") : try TargetedRun.requireIds(args, "resolve")
        let policy = try Policy.load(args, ctx)
        let now = ctx.now(args)
        let by = ctx.actor(args)
        let lifecycle = Lifecycle(policy: policy)
        if args.has("confirm") {
            try TargetedRun.forbid(args, ["cause", "solution", "result", "observe", "article"], "with --confirm")
            try TargetedRun.run(args, ctx, ids: ids) { (t) throws(DeskError) in
                try confirm(&t, by: by, now: now, lifecycle: lifecycle)
            }
            return 0
        }
        var observe: Int64? = nil
        if args.has("observe") {
            guard let d = args.duration("observe"), d > 0 else {
                throw .usage(UsageError(command: "resolve", message: "--observe needs a duration above zero, e.g. 30m"))
            }
            guard now.moved(by: d) != nil else {
                throw .usage(UsageError(command: "resolve", message: "--observe would end after 9999-12-31"))
            }
            observe = d
        }
        let problems = check(args, policy: policy)
        if !problems.isEmpty {
            let target = ids.isEmpty ? "resolve" : "resolve \(ids.joined(separator: ", "))"
            var lines = [target + (dryRun ? " (dry run)" : "") + ": \(problems.count) of 3 fields refused (seed 004 BRT回复规范: a resolution states 原因说明, 处理方案 and 处理结果)"]
            lines += problems.map { "  " + $0 }
            lines.append("  nothing was written; what you typed:")
            for f in fields {
                if let v = args.string(f.flag) { lines.append("  --\(f.flag) " + shellQuoted(v)) }
            }
            throw .refused(lines.joined(separator: "\n"))
        }
        if dryRun {
            ctx.diagnostics.print(Diagnostic(.plain, "resolve (dry run): cause, solution and result pass the checks; nothing was written"))
            return 0
        }
        let values = fields.map { args.string($0.flag) ?? "" }
        try TargetedRun.run(args, ctx, ids: ids) { (t) throws(DeskError) in
            try resolve(&t, cause: values[0], solution: values[1], result: values[2], observe: observe, by: by, now: now, lifecycle: lifecycle)
            SuggestHook.recordArticle(&t, args)
        }
        return 0
    }

    /// One line per refused field: `--cause: why`. Empty when all three may stand.
    static func check(_ args: ParsedArguments, policy: Policy) -> [String] {
        let lint = PhraseLint(policy: policy, replyModel: nil)
        var problems: [String] = []
        for f in fields {
            guard let text = args.string(f.flag) else {
                problems.append("--\(f.flag) (\(f.name)): missing; give --\(f.flag) TEXT")
                continue
            }
            var reasons = lint.review(field: f.key, text).map(\.message)
            let given = fields.compactMap { g in args.string(g.flag).map { (field: g.key, text: $0) } }
            reasons += PhraseLint.repeatedFields(given).filter { $0.field == f.key }.map(\.message)
            if !reasons.isEmpty { problems.append("--\(f.flag) (\(f.name)): " + reasons.joined(separator: "; ")) }
        }
        return problems
    }

    /// The text quoted for a POSIX shell, so a refused value can be pasted back.
    static func shellQuoted(_ s: String) -> String {
        "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    static func resolve(
        _ t: inout Ticket, cause: String, solution: String, result: String, observe: Int64?, by: String?, now: Instant,
        lifecycle: Lifecycle
    ) throws(DeskError) {
        switch t.status {
        case .resolved, .closed:
            throw .refused("resolve \(t.id): the ticket is already \(t.status.rawValue); to resolve it again, reopen it first: desk open --reopen --id \(t.id) --reason TEXT")
        case .observing:
            let until = t.object("resolution")?["observe_until"]?.stringValue ?? "?"
            throw .refused("resolve \(t.id): the ticket is already resolved and observing until \(until); end it with desk resolve --confirm --id \(t.id), or reopen it")
        default: break
        }
        var r = JSONObject()
        r["cause"] = .string(cause)
        r["solution"] = .string(solution)
        r["result"] = .string(result)
        if let b = by { r["by"] = .string(b) }
        r["at"] = .string(now.rfc3339)
        r["business_seconds"] = .number("0")  // measured below, once the resolution is on record
        var details: [JSONMember] = []
        if let o = observe {
            let until = now.adding(o)
            r["observe_until"] = .string(until.rfc3339)
            details.append(JSONMember("observe_until", .string(until.rfc3339)))
        }
        t.setInPlace("resolution", .object(r))
        t.record("resolved", at: now, by: by, details)
        t.setStatus(observe != nil ? .observing : .resolved)
        // SLA time from opening to the resolution, waits and earlier resolved time excluded.
        r["business_seconds"] = .number(String(lifecycle.schedule(t, now: now).targets.resolution.used))
        t.setInPlace("resolution", .object(r))
        lifecycle.record(&t, now: now)
    }

    static func confirm(_ t: inout Ticket, by: String?, now: Instant, lifecycle: Lifecycle) throws(DeskError) {
        guard t.status == .observing, var r = t.object("resolution") else {
            throw .refused("confirm \(t.id): the ticket is \(t.status.rawValue), not observing; only a ticket resolved with --observe can be confirmed")
        }
        r["confirmed_at"] = .string(now.rfc3339)
        t.setInPlace("resolution", .object(r))
        t.setStatus(.resolved)
        var details: [JSONMember] = []
        if let until = r["observe_until"]?.stringValue.flatMap(Instant.init(rfc3339:)), now < until {
            details.append(JSONMember("note", .string("confirmed before the observation period ended at \(until.rfc3339)")))
        }
        t.record("confirmed", at: now, by: by, details)
        lifecycle.record(&t, now: now)
    }
}
