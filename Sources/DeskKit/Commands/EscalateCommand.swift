// `desk escalate`: move a ticket up the policy's escalation path (seed 000 §四 问题升级:
// 一线 → 二线 → 研发 → 供应商) by hand with a complete hand-off package, record the receiving
// tier's acknowledgement and ETA (`--ack`), or escalate every ticket whose trigger fired
// (`--auto`: time limit, customer request, complexity) — meant for a cron job.

/// The `escalate` command.
public enum EscalateCommand {
    /// The declaration of `escalate`.
    public static let spec = CommandSpec(
        name: "escalate",
        summary: "escalate a ticket by hand, acknowledge an escalation, or escalate every ticket whose trigger fired",
        synopsis: [
            "--id ID --to TIER --reason TEXT --progress TEXT --support-needed TEXT [OPTIONS] [FILE...]",
            "--ack --id ID --eta TIME|DURATION [OPTIONS] [FILE...]",
            "--auto [--dry-run] [OPTIONS] [FILE...]",
        ],
        discussion: """
            By hand, the ticket moves to --to with a hand-off package (seed 000 四(一)3): the \
            description (the ticket's description, else its title), the steps tried (the ticket's \
            steps_tried, or --steps-tried), --progress and --support-needed; the policy's \
            escalation.handoff_required says which must be present. An incomplete package is \
            refused (exit 1) naming every missing item and what supplies it. Skipping a tier of the \
            path needs --skip-reason; escalating backwards or to the current tier is refused. The \
            owner never changes (首问责任制: the first-contact owner keeps answering for the \
            ticket); tier becomes the new tier; assignee stays unless --assignee names the receiver. \
            The ticket gets an escalations entry and status escalated. \
            --ack records the receiver's confirmation on the latest escalation: ack_at and eta (an \
            RFC 3339 time, or a duration added to now on the wall clock, since an ETA is a promise \
            to a person); status in_progress. An escalation is acknowledged once; later news goes \
            in a reply or note. \
            --auto escalates, one tier up the path, every ticket not resolved, closed or observing \
            whose trigger fired: the customer asked (escalation_requested, true or {at, reason}) \
            and no escalation happened since; a complexity tag (escalation.complexity_tags) on a \
            ticket never escalated; or more SLA time than escalation.time_limits[tier][priority] \
            passed since it reached its tier, waits on the customer and time spent resolved left \
            out, and not before an ETA the tier acknowledged (unclassified tickets count as the \
            policy's default priority), which also records an escalation breach in sla.breaches. \
            Checked in that order; the first that fires is recorded. The automatic hand-off is \
            built from the ticket: its description (else title), steps_tried, the latest notes and \
            replies as progress, and the trigger as the support needed; a fact the ticket lacks is \
            stated as not recorded in its field, listed in handoff_missing and named in the reason, \
            so a file kept through desk commands still passes desk check. Nothing goes past the \
            last tier. Running again at the same time changes nothing. Each escalation is also reported on stderr; --dry-run only \
            prints 'ID FROM -> TO: TRIGGER: REASON' lines on stdout and changes nothing. Meant to run \
            from cron every five minutes (Examples/cron/auto-escalate.sh).
            """,
        flags: [
            CommonFlags.id,
            FlagSpec("to", kind: .choice(Tier.names), valueName: "TIER", help: "the tier to escalate to"),
            FlagSpec("reason", kind: .string, help: "why the ticket is escalated"),
            FlagSpec("progress", kind: .string, help: "hand-off: what has been found and done so far"),
            FlagSpec("support-needed", kind: .string, help: "hand-off: what kind of support is needed"),
            FlagSpec("steps-tried", kind: .string, help: "hand-off: steps tried, when the ticket has no steps_tried"),
            FlagSpec("skip-reason", kind: .string, help: "why a tier of the path is skipped"),
            FlagSpec("assignee", kind: .string, valueName: "NAME", help: "who takes the ticket at the new tier"),
            FlagSpec("ack", help: "acknowledge the latest escalation of --id as its receiver"),
            FlagSpec("eta", kind: .instantOrDuration, help: "with --ack: when the receiver expects to have handled it"),
            FlagSpec("auto", help: "escalate every ticket whose trigger fired"),
            FlagSpec("dry-run", help: "with --auto: print what would be escalated, change nothing"),
            CommonFlags.by,
            CommonFlags.inPlace,
            CommonFlags.now,
            CommonFlags.policy,
        ],
        examples: [
            ExampleSpec(
                "desk escalate --id DK-261014-7G2K --to tier2 --reason '证书问题超出一线权限' --progress '已确认网关证书过期' --support-needed '更换网关证书' -i tickets.ndjson",
                "escalate by hand with a complete hand-off package"),
            ExampleSpec(
                "desk escalate --ack --id DK-261014-7G2K --by agent.zhou --eta 4h -i tickets.ndjson",
                "the receiving tier confirms and promises an answer within 4 hours"),
            ExampleSpec("desk escalate --auto --dry-run tickets.ndjson", "list the tickets whose escalation trigger fired"),
            ExampleSpec("desk escalate --auto -i tickets.ndjson", "escalate them (every five minutes from cron)"),
        ])

    static let manualFlags = ["to", "reason", "progress", "support-needed", "steps-tried", "skip-reason", "assignee"]

    /// Runs `escalate`.
    public static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        try FlagRules.escalate(args)  // every flag-combination rule, before the policy is opened
        let policy = try Policy.load(args, ctx)
        let now = ctx.now(args)
        if args.has("auto") {
            return try auto(args, ctx, policy: policy, now: now)
        }
        if args.has("ack") {
            return try acknowledge(args, ctx, lifecycle: Lifecycle(policy: policy), now: now)
        }
        return try manual(args, ctx, policy: policy, now: now)
    }

    // MARK: by hand

    /// The hand-off package of a ticket: each field's value, or nil when missing.
    static func handoff(of t: Ticket, progress: String?, supportNeeded: String?, stepsTried: String?) -> [(String, String?)] {
        func nonBlank(_ s: String?) -> String? { s.flatMap { $0.trimmed.isEmpty ? nil : $0 } }
        return [
            ("description", nonBlank(t.string("description")) ?? nonBlank(t.string("title"))),
            ("steps_tried", nonBlank(t.string("steps_tried")) ?? nonBlank(stepsTried)),
            ("progress", nonBlank(progress)),
            ("support_needed", nonBlank(supportNeeded)),
        ]
    }

    /// What supplies a missing hand-off item, for the refusal message.
    static let supplier: [String: String] = [
        "description": "the ticket's description or title",
        "steps_tried": "the ticket's steps_tried or --steps-tried TEXT",
        "progress": "--progress TEXT",
        "support_needed": "--support-needed TEXT",
    ]

    static func manual(_ args: ParsedArguments, _ ctx: Context, policy: Policy, now: Instant) throws(DeskError) -> Int32 {
        let ids = try TargetedRun.requireIds(args, "escalate")
        guard let toText = args.string("to"), let to = Tier(rawValue: toText) else {
            throw .usage(UsageError(command: "escalate", message: "--to TIER is required (or --ack, or --auto)"))
        }
        let reason = try TargetedRun.requireText(args, "reason", "say why the ticket is escalated")
        guard let by = ctx.actor(args) else {
            throw .usage(UsageError(command: "escalate", message: "--by NAME is required: who hands the ticket over"))
        }
        let path = policy.escalation.path
        guard let toIndex = path.firstIndex(of: to) else {
            throw .refused("escalate to \(to.rawValue): not on the policy's escalation path (\(path.map(\.rawValue).joined(separator: " -> ")))")
        }
        let skipReason = args.string("skip-reason").flatMap { $0.trimmed.isEmpty ? nil : $0 }
        let lifecycle = Lifecycle(policy: policy)
        try TargetedRun.run(args, ctx, ids: ids) { (t) throws(DeskError) in
            let what = "escalate \(t.id) to \(to.rawValue)"
            if t.status.isFinished || t.status == .observing {
                throw .refused("\(what): the ticket is \(t.status.rawValue); reopen it first: desk open --reopen --id \(t.id) --reason TEXT")
            }
            let from = t.tier ?? path.first ?? .tier1
            let fromIndex = path.firstIndex(of: from) ?? 0
            if toIndex <= fromIndex {
                let how = toIndex == fromIndex ? "it is already at \(from.rawValue)" : "that is backwards from \(from.rawValue)"
                throw .refused("\(what): \(how); escalation goes up the path \(path.map(\.rawValue).joined(separator: " -> "))")
            }
            if toIndex > fromIndex + 1 && skipReason == nil {
                let skipped = path[(fromIndex + 1)..<toIndex].map(\.rawValue).joined(separator: ", ")
                throw .refused("\(what): that skips \(skipped); the path is \(path.map(\.rawValue).joined(separator: " -> ")); give --skip-reason TEXT to skip")
            }
            let package = handoff(of: t, progress: args.string("progress"), supportNeeded: args.string("support-needed"), stepsTried: args.string("steps-tried"))
            let missing = package.filter { item in item.1 == nil && policy.escalation.handoffRequired.contains(item.0) }
            if !missing.isEmpty {
                let lines = missing.map { "  \($0.0): missing; supply \(supplier[$0.0] ?? $0.0)" }
                throw .refused(
                    "\(what): the hand-off package is incomplete (seed 000 四(一)3: 问题描述、已尝试步骤、当前进展、所需支持类型):\n"
                        + lines.joined(separator: "\n") + "\n  nothing was written")
            }
            escalate(&t, from: from, to: to, at: now, by: by, trigger: EscalationTrigger.manual.rawValue, reason: reason, skipReason: skipReason,
                package: package, assignee: args.string("assignee"))
            lifecycle.record(&t, now: now)
        }
        return 0
    }

    /// Records one escalation on the ticket.
    static func escalate(
        _ t: inout Ticket, from: Tier, to: Tier, at: Instant, by: String, trigger: String, reason: String,
        skipReason: String? = nil, package: [(String, String?)], assignee: String? = nil, missing: [String] = []
    ) {
        var h = JSONObject()
        for (key, value) in package { if let v = value { h[key] = .string(v) } }
        var e = JSONObject()
        e["from"] = .string(from.rawValue)
        e["to"] = .string(to.rawValue)
        e["at"] = .string(at.rfc3339)
        e["by"] = .string(by)
        e["trigger"] = .string(trigger)
        e["reason"] = .string(reason)
        if let s = skipReason { e["skip_reason"] = .string(s) }
        e["handoff"] = .object(h)
        if !missing.isEmpty { e["handoff_missing"] = .array(missing.map { .string($0) }) }
        t.appendInPlace(.object(e), to: "escalations")
        t.set("tier", .string(to.rawValue))
        if let a = assignee, !a.isEmpty { t.set("assignee", .string(a)) }
        t.setStatus(.escalated)
        t.record("escalated", at: at, by: by, [
            JSONMember("from", .string(from.rawValue)), JSONMember("to", .string(to.rawValue)),
            JSONMember("trigger", .string(trigger)), JSONMember("reason", .string(reason)),
        ])
    }

    // MARK: acknowledgement

    static func acknowledge(_ args: ParsedArguments, _ ctx: Context, lifecycle: Lifecycle, now: Instant) throws(DeskError) -> Int32 {
        let ids = try TargetedRun.requireIds(args, "escalate --ack")
        guard let etaText = args.string("eta") else {
            throw .usage(UsageError(command: "escalate", message: "--ack needs --eta TIME|DURATION: when the receiver expects to have handled it (seed 000 四(一)3 预计处理时间)"))
        }
        guard let eta = Instant(rfc3339: etaText) ?? DurationText.parse(etaText).flatMap({ now.moved(by: $0) }) else {
            throw .usage(UsageError(command: "escalate", message: "--eta must be an RFC 3339 time or a duration ending by 9999-12-31, got '\(etaText)'"))
        }
        if eta < now {
            throw .usage(UsageError(command: "escalate", message: "--eta \(eta.rfc3339) is before now (\(now.rfc3339))"))
        }
        guard let by = ctx.actor(args) else {
            throw .usage(UsageError(command: "escalate", message: "--by NAME is required: who acknowledges the escalation"))
        }
        try TargetedRun.run(args, ctx, ids: ids) { (t) throws(DeskError) in
            var list = t.array("escalations")
            guard let lastIndex = list.indices.last, var last = list[lastIndex].objectValue else {
                throw .refused("acknowledge \(t.id): the ticket has no escalation to acknowledge")
            }
            if let at = last["ack_at"]?.stringValue {
                throw .refused(
                    "acknowledge \(t.id): its escalation to \(last["to"]?.stringValue ?? "?") was already acknowledged at \(at); revise the ETA in a reply or note")
            }
            if t.status.isFinished || t.status == .observing {
                throw .refused("acknowledge \(t.id): the ticket is \(t.status.rawValue)")
            }
            last["ack_at"] = .string(now.rfc3339)
            last["eta"] = .string(eta.rfc3339)
            list[lastIndex] = .object(last)
            t.set("escalations", .array(list))
            t.setStatus(.inProgress)
            var details = [JSONMember]()
            if let tier = last["to"] { details.append(JSONMember("tier", tier)) }
            details.append(JSONMember("eta", .string(eta.rfc3339)))
            t.record("acknowledged", at: now, by: by, details)
            lifecycle.record(&t, now: now)
        }
        return 0
    }

    // MARK: automatic

    /// A trigger that fired for one ticket.
    struct Firing: Equatable {
        var from: Tier
        var to: Tier
        var trigger: String
        var reason: String
        var supportNeeded: String
        /// For a time limit: when the limit passed (recorded as an escalation breach).
        var limitDue: Instant?
    }

    /// The trigger that fires for `t` at `now`, or nil.
    static func firing(_ t: Ticket, lifecycle: Lifecycle, now: Instant) -> Firing? {
        let policy = lifecycle.policy
        guard !t.status.isFinished && t.status != .observing else { return nil }
        let path = policy.escalation.path
        let from = t.tier ?? path.first ?? .tier1
        guard let i = path.firstIndex(of: from), i + 1 < path.count else { return nil }
        let to = path[i + 1]
        let escalations = t.array("escalations").compactMap(\.objectValue)
        let lastAt = escalations.compactMap { $0["at"]?.stringValue.flatMap(Instant.init(rfc3339:)) }.max()

        // (b) The customer asked, and no escalation happened since (000 四(一)2 用户要求).
        if let request = t.value("escalation_requested"), isTruthy(request) {
            let requestedAt = request.objectValue?["at"]?.stringValue.flatMap(Instant.init(rfc3339:)) ?? t.openedAt
            if lastAt.map({ $0 < requestedAt }) ?? true {
                var reason = "the customer asked for escalation"
                if let r = request.objectValue?["reason"]?.stringValue, !r.isEmpty { reason += ": " + r }
                return Firing(from: from, to: to, trigger: EscalationTrigger.customerRequest.rawValue, reason: reason,
                    supportNeeded: "handling at \(to.rawValue), as the customer requested", limitDue: nil)
            }
        }
        // (c) Complexity tags (000 四(一)2 复杂性判断) send a ticket up once, from where it was taken.
        if escalations.isEmpty {
            let tags = t.array("tags").compactMap(\.stringValue)
            let hits = policy.escalation.complexityTags.filter { tags.contains($0) }
            if !hits.isEmpty {
                return Firing(from: from, to: to, trigger: EscalationTrigger.complexity.rawValue, reason: "complexity tag " + hits.joined(separator: ", "),
                    supportNeeded: "\(to.rawValue) expertise for " + hits.joined(separator: ", "), limitDue: nil)
            }
        }
        // (a) The tier held the ticket longer than its time limit (000 四(一)2 时间限制): SLA time
        // at the tier, waits and resolved time excluded, held off by an acknowledged ETA.
        let sched = lifecycle.schedule(t, now: now)
        if let stint = sched.stints.last, stint.stop == nil, stint.state == .breached, let limit = stint.limit {
            let priority = sched.priority
            var reason = "time limit \(Policy.formatDuration(limit)) of \(from.rawValue)/\(priority.rawValue) passed (\(Policy.formatDuration(stint.used)) of business time)"
            if let eta = stint.eta { reason += " and the acknowledged ETA \(eta.rfc3339) passed" }
            return Firing(from: from, to: to, trigger: EscalationTrigger.timeLimit.rawValue, reason: reason,
                supportNeeded: "\(to.rawValue) support: \(from.rawValue) could not solve it within its time limit",
                limitDue: stint.due)
        }
        return nil
    }

    /// `true`, a non-empty object or string count as a request; false, null, {} and "" do not.
    static func isTruthy(_ v: JSONValue) -> Bool {
        switch v {
        case .bool(let b): return b
        case .object(let o): return !o.members.isEmpty
        case .string(let s): return !s.isEmpty
        case .null: return false
        default: return true
        }
    }

    /// The automatic hand-off package, built from what the ticket holds (seed 000 四(一)3):
    /// the description (else the title), the steps tried, the latest internal notes and public
    /// replies as progress, and the trigger as the support needed. A fact the ticket does not
    /// hold is stated as missing in its field (so the receiver is told, and `check` sees a
    /// complete package) and listed in `handoff_missing`; the reason names it too.
    static func autoPackage(_ t: Ticket, _ f: Firing, at now: Instant) -> (package: [(String, String?)], reason: String, missing: [String]) {
        let progress = recentWork(t)
        var package = handoff(of: t, progress: progress, supportNeeded: f.supportNeeded, stepsTried: nil)
        var reason = f.reason
        let missing = package.filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty { reason += "; hand-off incomplete: \(missing.joined(separator: ", ")) missing" }
        for i in package.indices where package[i].1 == nil {
            package[i].1 = "not recorded on the ticket when desk escalated it automatically at \(now.rfc3339); ask the owner"
        }
        return (package, reason, missing)
    }

    /// The latest internal notes and public replies, oldest first (at most three, each cut to
    /// 200 characters): what has been found and done so far.
    static func recentWork(_ t: Ticket) -> String? {
        var texts: [String] = []
        for e in t.array("history").compactMap(\.objectValue).reversed() {
            guard let name = e["event"]?.stringValue, name == "note" || name == "replied",
                  let text = e["text"]?.stringValue?.trimmed, !text.isEmpty else { continue }
            let cut = text.count > 200 ? String(text.prefix(200)) + "…" : text
            texts.append((name == "note" ? "note " : "reply ") + (e["at"]?.stringValue ?? "") + ": " + cut)
            if texts.count == 3 { break }
        }
        return texts.isEmpty ? nil : texts.reversed().joined(separator: "\n")
    }

    static func auto(_ args: ParsedArguments, _ ctx: Context, policy: Policy, now: Instant) throws(DeskError) -> Int32 {
        let lifecycle = Lifecycle(policy: policy)
        let by = ctx.actor(args) ?? "desk"
        if args.has("dry-run") {
            let paths = args.string("in-place").map { [$0] } ?? args.positionals
            try TicketStream.read(paths: paths, stdin: ctx.stdin) { (t, _) throws(DeskError) in
                if let f = firing(t, lifecycle: lifecycle, now: now) {
                    let reason = autoPackage(t, f, at: now).reason
                    try ctx.stdout.write(TerminalText.escaped("\(t.id) \(f.from.rawValue) -> \(f.to.rawValue): \(f.trigger): \(reason)", keepLayout: false) + "\n")
                }
            }
            return 0
        }
        var notes: [String] = []
        try TicketStream.transform(args, ctx, visit: { (t, _) throws(DeskError) in
            guard let f = firing(t, lifecycle: lifecycle, now: now) else { return }
            let (package, reason, missing) = autoPackage(t, f, at: now)
            escalate(&t, from: f.from, to: f.to, at: now, by: by, trigger: f.trigger, reason: reason, package: package,
                missing: missing)
            lifecycle.record(&t, now: now)
            notes.append("desk: escalated \(t.id) \(f.from.rawValue) -> \(f.to.rawValue): \(f.trigger): \(reason)")
        })
        for n in notes { ctx.diagnostics.print(Diagnostic(.plain, n)) }
        return 0
    }
}
