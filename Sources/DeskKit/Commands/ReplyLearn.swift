// `desk reply --learn -o MODEL FILE...`: learn the reply model (ReplyModel) from labelled
// replies, one JSON object per line with the reply's "text" and "expect": "refuse" or "keep" (the
// form of Tests/Fixtures/language/replies*.ndjson). A team labels replies its reviewers refused
// or kept; the policy then names the file in phrases.model.

/// The learning mode of `reply`.
enum ReplyLearn {
    /// Reads the labelled replies, learns, writes the model atomically to `--output`.
    static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        guard let out = args.string("output") else {
            throw .usage(UsageError(command: "reply", message: "--learn needs -o MODEL: where to write the model"))
        }
        var examples: [ReplyModel.Example] = []
        try InputFile.forEachLine(paths: args.positionals, stdin: ctx.stdin) { (name, line, bytes) throws(DeskError) in
            let o = try DataError.jsonObject(bytes, file: name, line: line, expected: "a labelled reply object")
            guard let text = o["text"]?.stringValue, let expect = o["expect"]?.stringValue, expect == "refuse" || expect == "keep" else {
                throw .data(DataError(file: name, line: line, message: "expected {\"text\": ..., \"expect\": \"refuse\" or \"keep\"}"))
            }
            examples.append(ReplyModel.Example(text: text, refuse: expect == "refuse"))
        }
        guard let model = ReplyModel.train(examples) else {
            throw .data(DataError(file: args.positionals.first ?? "<stdin>", message: "needs replies of both kinds (refuse and keep) to learn from"))
        }
        let lock = try LockedFile(path: out, create: true, timeout: LockedFile.timeout(from: ctx.environment), notes: nil)
        try lock.rewrite { (_, sink) throws(DeskError) in
            try sink.write(JSONWriter.bytes(model.json))
            try sink.write(byte: 0x0A)
        }
        let refused = examples.filter(\.refuse).count
        ctx.diagnostics.print(Diagnostic(.plain,
            "reply --learn: \(examples.count) replies learnt (\(refused) to refuse, \(examples.count - refused) to keep); \(model.head.logLikelihood.count) features (words and word pairs); wrote \(out)"))
        return 0
    }
}
