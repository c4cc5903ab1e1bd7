// `desk edit`: change a ticket after `open` — fill or clear the facts intake collected, correct
// the title, category or tags, hand it to another assignee, set impact and urgency, record the
// customer's request to escalate (seed 000 四(一)2 用户明确要求升级处理), or, on purpose and with a
// reason, change the first-contact owner (首问责任制). Every change is one `edited` history event
// with the old and new value and who made it; needs_info is recomputed; a change that moves the
// classification or the SLA is passed through classify's own code (ClassifyRun).

/// The `edit` command.
public enum EditCommand {
    /// The declaration of `edit`.
    public static let spec = CommandSpec(
        name: "edit",
        summary: "change a ticket's facts, category, tags, assignee, impact, urgency or escalation request",
        synopsis: [
            "--id ID [FACT FLAGS] [--unset FIELD] [OPTIONS] [FILE...]",
            "--id ID --owner NAME --reason TEXT [OPTIONS] [FILE...]",
            "--id ID --escalation-requested --reason TEXT [OPTIONS] [FILE...]",
        ],
        discussion: """
            Changes the tickets --id picks: any requester, problem or environment fact of `open` \
            (same flags), --title, --category, --tag +TAG to add or --tag -TAG to remove a tag, \
            --assignee, --impact, --urgency; --unset FIELD clears one (FIELD is the flag's name). \
            Each change is recorded in history as an `edited` event {field, old, new, reason} by \
            --by; a value equal to the one held changes nothing. needs_info is recomputed from the \
            facts. When the title, description, impact, urgency, category or tags of a classified \
            ticket change, its priority, category, tags and SLA due times are recomputed by the \
            same code as `classify`; a category or a removed tag set here is kept by later \
            classify runs. --escalation-requested records that the customer asked for escalation \
            (escalate --auto acts on it) and needs --reason; --owner changes the first-contact \
            owner and needs --reason. A resolved or closed ticket is edited only with --reason \
            (exit 1 otherwise). An --id matching no ticket, or two, is exit 3; nothing is \
            written unless every picked ticket could be changed.
            """,
        flags: [CommonFlags.id] + OpenCommand.factFlags + [
            FlagSpec("category", kind: .string, help: "set the category (kept by later classify runs)"),
            FlagSpec("tag", kind: .string, valueName: "+TAG|-TAG", repeatable: true,
                help: "add a tag (+TAG or TAG) or remove one (-TAG)", takesDashValue: true),
            FlagSpec("assignee", kind: .string, valueName: "NAME", help: "who works the ticket now"),
            FlagSpec("impact", kind: .choice(Priority.names), help: "how widely the problem is felt"),
            FlagSpec("urgency", kind: .choice(Priority.names), help: "how soon it hurts"),
            FlagSpec("escalation-requested", help: "record that the customer asked for escalation (with --reason)"),
            FlagSpec("owner", kind: .string, valueName: "NAME", help: "change the first-contact owner (with --reason)"),
            FlagSpec("unset", kind: .choice(EditField.unsettable), valueName: "FIELD", repeatable: true,
                help: "clear a field, named as its flag"),
            FlagSpec("reason", kind: .string, help: "why; required for --owner, --escalation-requested and finished tickets"),
            CommonFlags.by,
            CommonFlags.now,
            CommonFlags.policy,
            CommonFlags.inPlace,
        ],
        examples: [
            ExampleSpec(
                "desk edit --id DK-261014-7G2K-M4QXZ --phone '+86 138 0000 1234' --os 'Windows 11' --frequency 'every 10 minutes' -i tickets.ndjson",
                "fill facts intake missed; needs_info shrinks"),
            ExampleSpec(
                "desk edit --id DK-261014-7G2K-M4QXZ --category network --tag +vpn --tag -printer --assignee agent.zhou -i tickets.ndjson",
                "correct the category and tags and hand the ticket on"),
            ExampleSpec(
                "desk edit --id DK-261014-7G2K-M4QXZ --title 'VPN drops for the whole finance team' --impact high --urgency medium --unset phone -i tickets.ndjson",
                "correct the title, judge impact and urgency (priority and SLA follow), drop a wrong phone number"),
            ExampleSpec(
                "desk edit --id DK-261014-7G2K-M4QXZ --escalation-requested --reason '用户要求升级处理' -i tickets.ndjson",
                "record the customer's request to escalate"),
            ExampleSpec(
                "desk edit --id DK-261014-7G2K-M4QXZ --owner agent.zhou -i tickets.ndjson",
                "refused (exit 2): the first-contact owner changes only with --reason", status: 2),
        ])

    /// Runs `edit`.
    public static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        let ids = try TargetedRun.requireIds(args, "edit")
        let request = try EditRequest(args)
        let policy = try Policy.load(args, ctx)
        let now = ctx.now(args)
        let by = ctx.actor(args)
        let classify = ClassifyRun(classifier: Classifier(policy: policy, model: try Classifier.loadModel(policy, ctx)), now: now, by: by)
        try TargetedRun.run(args, ctx, ids: ids) { (t: inout Ticket, loc: TicketLocation) throws(DeskError) in
            try request.apply(to: &t, at: loc, now: now, by: by, classify: classify)
        }
        return 0
    }
}
