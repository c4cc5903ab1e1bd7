// `desk classify --learn FILE... -o MODEL`: train the naive Bayes triage model (TriageModel) on
// the tickets whose priority and category a person gave or confirmed: a `label` kept beside an
// evaluation ticket, a priority set by hand (classification.manual), or the priority and
// category a ticket still had when it was resolved or closed (the team kept them to the end).

/// The learning mode of `classify`.
enum ClassifyLearn {
    /// Reads the inputs, trains, writes the model atomically to `--output`.
    static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        guard let out = args.string("output") else {
            throw .usage(UsageError(command: "classify", message: "--learn needs -o MODEL: where to write the model"))
        }
        var examples: [TriageModel.Example] = []
        var skipped = 0
        try InputFile.forEachLine(paths: args.positionals, stdin: ctx.stdin) { (name, line, bytes) throws(DeskError) in
            let o = try DataError.jsonObject(bytes, file: name, line: line, expected: "a ticket object")
            if let e = example(o) { examples.append(e) } else { skipped += 1 }
        }
        guard !examples.isEmpty else {
            throw .data(DataError(file: args.positionals.first ?? "<stdin>", message: "no ticket has a priority a person gave or confirmed; nothing to learn from"))
        }
        let model = TriageModel.train(examples)
        let lock = try LockedFile(path: out, create: true, timeout: LockedFile.timeout(from: ctx.environment), notes: nil)
        try lock.rewrite { (_, sink) throws(DeskError) in
            try sink.write(JSONWriter.bytes(model.json))
            try sink.write(byte: 0x0A)
        }
        let p = model.priority.map { "priority (\($0.classes.joined(separator: ", ")))" } ?? "no priority head (fewer than two priorities)"
        let c = model.category.map { "category (\($0.classes.count) classes)" } ?? "no category head"
        ctx.diagnostics.print(Diagnostic(.plain,
            "classify --learn: \(examples.count) ticket\(examples.count == 1 ? "" : "s") learnt (\(skipped) without a confirmed priority skipped); \(p); \(c); \(model.priority?.logLikelihood.count ?? 0) \(model.priority?.unit == .words ? "words and word pairs" : "n-grams"); wrote \(out)"))
        return 0
    }

    /// The training example of a ticket, or nil when no person gave or confirmed its priority.
    static func example(_ o: JSONObject) -> TriageModel.Example? {
        let text = Classifier.modelText(o["title"]?.stringValue, o["description"]?.stringValue)
        if let label = o["label"]?.objectValue, let p = label["priority"]?.stringValue {
            return TriageModel.Example(text: text, priority: p, category: label["category"]?.stringValue)
        }
        let category = o["category"]?.stringValue
        if let m = o["classification"]?.objectValue?["manual"]?.objectValue, let p = m["priority"]?.stringValue {
            return TriageModel.Example(text: text, priority: p, category: category)
        }
        if let s = o["status"]?.stringValue, s == "resolved" || s == "closed", let p = o["priority"]?.stringValue {
            return TriageModel.Example(text: text, priority: p, category: category)
        }
        return nil
    }
}
