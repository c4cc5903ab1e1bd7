// `desk classify`: set priority, category and tags from the policy's classification rules
// (with the reason), record the SLA schedule (Lifecycle); `--priority` with `--id`
// sets a priority by hand that later automatic runs keep. Runs are idempotent: a ticket whose
// computed fields equal what it holds is not rewritten, so a second run at the same --now
// gives identical bytes.

/// The `classify` command.
public enum ClassifyCommand {
    /// Not `CommonFlags.priority`: that one is a repeatable filter; this sets one value.
    static let priorityFlag = FlagSpec(
        "priority", kind: .choice(Priority.names), help: "set this priority by hand (with --id, --by and --reason)")

    /// The declaration of `classify`.
    public static let spec = CommandSpec(
        name: "classify",
        summary: "set priority, category and tags by the policy's rules, with the reasons; compute SLA due times",
        synopsis: [
            "[OPTIONS] [FILE...]",
            "--id ID --priority PRIORITY --reason TEXT [--by NAME] [OPTIONS] [FILE...]",
            "--evaluate LABELLED [--min-macro-f1 X] [--policy FILE]",
            "--learn -o MODEL [FILE...]",
        ],
        discussion: """
            Matches the policy's classification rules (keywords in Chinese and English) against each \
            ticket's title and description. The priority comes from a priority set by hand, else from \
            the impact x urgency matrix when both are given, else from the policy's learnt model where \
            it comes first and is sure enough (model_first; the built-in policy ships a model learnt \
            from hand-labelled tickets and takes its answer at 0.5, a high from the rules taken down \
            only at 0.8), else from the most urgent matching rule (lifted to high when the model says \
            high at or above model_raise), else the model, else the policy default; the category from \
            the model where it comes first (model_first_category), else from the rule with the \
            strongest evidence; tags are \
            added to those the ticket has. classification {rules, reason} says why. The sla object gets \
            the first-response, workaround and resolution due times in business time of the policy \
            calendar (24x7 for always-on priorities), minus time spent waiting on the customer, and a \
            breach for every target missed by --now. Resolved and closed tickets are left alone unless \
            picked with --id. A ticket whose result is unchanged is written back byte for byte, so \
            running classify again changes nothing. Without --id, tickets are classified in batches on \
            several threads (DESK_THREADS sets how many); the output is the same for any number. --priority sets a priority by hand, recorded in \
            classification.manual and history; later runs keep it. \
            Rules are read on normalised text, skip negated clauses and combine scope x effect; the \
            category is the one with the strongest evidence (docs/POLICY.md). --evaluate LABELLED \
            classifies tickets that carry a label {priority, category} and prints accuracy, \
            per-class precision and recall, macro-F1, the confusion matrix and every miss with its \
            reason, writing nothing; --min-macro-f1 X exits 1 when the priority macro-F1 is below \
            X. --learn -o MODEL trains a naive Bayes model on the words and word pairs of the \
            tickets whose priority a person labelled, set by hand or kept to resolution; a policy \
            naming it (classification.model, model_threshold, model_raise) lets it answer where no \
            rule sets a priority, and only at or above the threshold, and a category where no rule or \
            only one short keyword gives one, the reason giving its confidence and the words that weighed most; \
            model_first, model_first_over_high and model_first_category put it before the rules.
            """,
        flags: [
            CommonFlags.id,
            priorityFlag,
            FlagSpec("reason", kind: .string, help: "why the priority is set by hand (with --priority)"),
            CommonFlags.by,
            CommonFlags.now,
            CommonFlags.policy,
            CommonFlags.inPlace,
            FlagSpec("evaluate", kind: .file, help: "classify the labelled tickets of FILE and report accuracy, precision, recall, macro-F1 and the confusion matrix; nothing is written"),
            FlagSpec("min-macro-f1", kind: .string, help: "with --evaluate: exit 1 when the priority macro-F1 is below this number (0 to 1)"),
            FlagSpec("learn", help: "train a naive Bayes model on the input tickets whose priority a person gave or confirmed; write it with -o"),
            FlagSpec("output", short: "o", kind: .file, help: "with --learn: the model file to write (the policy names it in classification.model)"),
        ] + SuggestHook.flags,
        examples: [
            ExampleSpec("desk classify -i tickets.ndjson", "classify every unfinished ticket in place"),
            ExampleSpec(
                "desk open --channel web --title '系统崩溃，无法下单' | desk classify",
                "open a ticket and classify it on the way"),
            ExampleSpec(
                "desk classify --id DK-261014-7G2K-M4QXZ --priority high --reason 'CEO cannot present' -i tickets.ndjson",
                "raise one ticket's priority by hand"),
            ExampleSpec(
                "desk classify --evaluate labelled.ndjson --min-macro-f1 0.85",
                "measure the rules on hand-labelled tickets; exit 1 when priority macro-F1 falls below 0.85"),
            ExampleSpec(
                "desk classify --learn -o model.json labelled.ndjson",
                "learn a model from tickets a person labelled or confirmed; name it in the policy's classification.model"),
        ])

    /// A priority set by hand on this run.
    struct ManualRequest {
        var priority: Priority
        var by: String
        var reason: String
    }

    /// Runs `classify`.
    public static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        if args.has("learn") {
            try TargetedRun.forbid(args, ["id", "priority", "reason", "in-place", "evaluate"], "with --learn")
            return try ClassifyLearn.run(args, ctx)
        }
        if args.has("output") {
            throw .usage(UsageError(command: "classify", message: "-o MODEL goes with --learn"))
        }
        if let path = args.string("evaluate") {
            try TargetedRun.forbid(args, ["id", "priority", "reason", "in-place"], "with --evaluate")
            return try ClassifyEvaluate.run(args, ctx, path: path)
        }
        if args.has("min-macro-f1") {
            throw .usage(UsageError(command: "classify", message: "--min-macro-f1 goes with --evaluate LABELLED"))
        }
        let ids = args.strings("id")
        let by = ctx.actor(args)
        var manual: ManualRequest? = nil
        if let p = args.string("priority").flatMap(Priority.init(rawValue:)) {
            guard !ids.isEmpty else {
                throw .usage(UsageError(command: "classify", message: "--priority sets a priority by hand; name the ticket with --id"))
            }
            guard let reason = args.string("reason"), !reason.trimmed.isEmpty else {
                throw .usage(UsageError(command: "classify", message: "--priority needs --reason TEXT: say why the rules are overruled"))
            }
            guard let by else {
                throw .usage(UsageError(command: "classify", message: "--priority needs --by NAME (or DESK_AGENT): who set it"))
            }
            manual = ManualRequest(priority: p, by: by, reason: reason)
        } else if args.has("reason") {
            throw .usage(UsageError(command: "classify", message: "--reason goes with --priority"))
        }
        let policy = try Policy.load(args, ctx)
        let now = ctx.now(args)
        let run = ClassifyRun(classifier: Classifier(policy: policy, model: try Classifier.loadModel(policy, ctx)), now: now, by: by)
        var selection = IdSelection(ids)
        let suggest = try SuggestHook.prepare(args, ctx)
        if selection.isAll && manual == nil {
            // Each ticket's result depends on that ticket alone: batches on every core.
            try TicketStream.transformParallel(args, ctx, threads: ForkJoin.threads(ctx.environment)) { t in
                // Finished tickets keep their dues unless asked for by id.
                guard !t.status.isFinished else { return }
                run.apply(to: &t, manual: nil)
                suggest?.apply(to: &t)
            }
            return 0
        }
        try TicketStream.transform(
            args, ctx,
            visit: { (t, loc) throws(DeskError) in
                guard selection.picks(t.id, at: loc) else { return }
                // Finished tickets keep their dues unless asked for by id.
                if selection.isAll && t.status.isFinished { return }
                run.apply(to: &t, manual: manual)
                suggest?.apply(to: &t)
            },
            trailer: { () throws(DeskError) -> [Ticket] in
                // Inside the run, so a missing id leaves an -i file untouched.
                try selection.checkAllFound(ids, input: TicketStream.inputName(args))
                return []
            })
        return 0
    }
}

/// One classify run: the compiled rules, the clock and the actor.
struct ClassifyRun {
    let classifier: Classifier
    let now: Instant
    let by: String?
    /// The SLA schedule (calendars built once: a calendar holds sets of dates).
    let lifecycle: Lifecycle

    init(classifier: Classifier, now: Instant, by: String?) {
        self.classifier = classifier
        self.now = now
        self.by = by
        self.lifecycle = Lifecycle(policy: classifier.policy)
    }

    var policy: Policy { classifier.policy }

    /// Classifies one ticket and updates its SLA; sets only the members whose value changes.
    func apply(to t: inout Ticket, manual: ClassifyCommand.ManualRequest?) {
        let oldClassification = t.value("classification")
        var classification = oldClassification?.objectValue ?? JSONObject()

        // A priority set by hand earlier (or now) overrules the rules.
        var manualObject = classification["manual"]?.objectValue
        var manualChanged = false
        if let m = manual {
            let same = manualObject.map {
                $0["priority"]?.stringValue == m.priority.rawValue && $0["by"]?.stringValue == m.by
                    && $0["reason"]?.stringValue == m.reason
            } ?? false
            if !same {
                manualObject = JSONObject([
                    JSONMember("priority", .string(m.priority.rawValue)), JSONMember("by", .string(m.by)),
                    JSONMember("at", .string(now.rfc3339)), JSONMember("reason", .string(m.reason)),
                ])
                manualChanged = true
            }
        }
        let kept: (priority: Priority, by: String, reason: String)? = manualObject.flatMap { o in
            guard let p = o["priority"]?.stringValue.flatMap(Priority.init(rawValue:)) else { return nil }
            return (p, o["by"]?.stringValue ?? "someone", o["reason"]?.stringValue ?? "no reason given")
        }

        let d = classifier.decide(
            title: t.string("title"), description: t.string("description"),
            impact: t.string("impact").flatMap(Priority.init(rawValue:)),
            urgency: t.string("urgency").flatMap(Priority.init(rawValue:)), manual: kept)

        var changed = false
        var priorityChanged = false
        func update(_ key: String, _ new: JSONValue?, old: JSONValue?) {
            guard let new, new != old else { return }
            t.set(key, new)
            changed = true
        }

        let oldPriority = t.value("priority")
        let newPriority = JSONValue.string(d.priority.rawValue)
        if newPriority != oldPriority {
            priorityChanged = true
            update("priority", newPriority, old: oldPriority)
        }
        // A category chosen and tags removed with `desk edit` outrank the rules.
        let byHand = classification["by_hand"]?.objectValue
        let removedTags = byHand?["tags_removed"]?.arrayValue ?? []
        let oldCategory = t.value("category")
        update("category", byHand?["category"] ?? d.category.map { .string($0) }, old: oldCategory)

        let oldTags = t.value("tags")
        // Keyed by the value's JSON text: linear in the number of tags (UniqueList).
        var unique = UniqueList<JSONValue, String>(key: { JSONWriter.string($0) })
        for v in oldTags?.arrayValue ?? [] { unique.append(v) }
        for tag in d.tags where !removedTags.contains(.string(tag)) { unique.append(.string(tag)) }
        let tags = unique.items
        if !tags.isEmpty || oldTags != nil { update("tags", .array(tags), old: oldTags) }

        let oldRules = classification["rules"]
        let rules = JSONValue.array(d.ruleIds.map { .string($0) })
        classification["rules"] = rules
        var reason = d.reason
        if let c = byHand?["category"]?.stringValue { reason += "; category \(c) set by hand" }
        classification["reason"] = .string(reason)
        if let m = manualObject { classification["manual"] = .object(m) }
        update("classification", .object(classification), old: oldClassification)

        // Dues and breaches follow the priority just set (docs/SLA.md).
        let oldSLA = t.value("sla")
        update("sla", .object(lifecycle.slaObject(t, old: oldSLA?.objectValue, now: now)), old: oldSLA)

        guard changed else { return }
        if manualChanged, let m = manual {
            t.record("priority_set", at: now, by: m.by, [
                JSONMember("priority", .string(m.priority.rawValue)), JSONMember("reason", .string(m.reason)),
            ])
        }
        // A `classified` event when what the rules say changed; a hand-set priority has its own.
        let ruleChange = (priorityChanged && !manualChanged) || t.value("category") != oldCategory
            || t.value("tags") != oldTags || rules != oldRules
        if ruleChange {
            var details = [JSONMember("priority", newPriority)]
            if let c = byHand?["category"]?.stringValue ?? d.category { details.append(JSONMember("category", .string(c))) }
            details.append(JSONMember("rules", rules))
            t.record("classified", at: now, by: by, details)
        }
    }
}
