// `desk classify --evaluate LABELLED`: classify hand-labelled tickets and report how well the
// policy's rules agree (TriageEvaluation); `--min-macro-f1 X` makes a policy change that hurts
// triage fail a build (exit 1 when the priority macro-F1 is below X).

/// The evaluation mode of `classify`.
enum ClassifyEvaluate {
    /// Reads `path`, evaluates, prints the report; exit 1 below `--min-macro-f1`.
    static func run(_ args: ParsedArguments, _ ctx: Context, path: String) throws(DeskError) -> Int32 {
        var floor: Double? = nil
        if let raw = args.string("min-macro-f1") {
            guard let x = Double(raw), x >= 0, x <= 1 else {
                throw .usage(UsageError(command: "classify", message: "--min-macro-f1 needs a number from 0 to 1, e.g. 0.85"))
            }
            floor = x
        }
        let policy = try Policy.load(args, ctx)
        let classifier = Classifier(policy: policy, model: try Classifier.loadModel(policy, ctx))
        var eval = TriageEvaluation(categories: policy.classification.categories)
        try InputFile.forEachLine(paths: [path], stdin: ctx.stdin) { (name, line, bytes) throws(DeskError) in
            let o = try DataError.jsonObject(bytes, file: name, line: line, expected: "a ticket object with a label")
            let label = o["label"]?.objectValue
            let lp = label?["priority"]?.stringValue
            if let lp, Priority(rawValue: lp) == nil {
                throw .data(DataError(file: name, line: line, message: "label.priority '\(lp)' is not a priority (high, medium, low)"))
            }
            eval.add(
                id: o["id"]?.stringValue ?? "line \(line)", title: o["title"]?.stringValue,
                description: o["description"]?.stringValue, labelPriority: lp,
                labelCategory: label?["category"]?.stringValue, classifier: classifier)
        }
        try ctx.stdout.write(TerminalText.escaped(eval.render()))
        if let floor, eval.priority.macroF1 < floor {
            throw .refused(
                "classify --evaluate: priority macro-F1 \(TriageEvaluation.fixed(eval.priority.macroF1)) is below --min-macro-f1 \(raw(floor))")
        }
        return 0
    }

    static func raw(_ d: Double) -> String { String(d) }
}
