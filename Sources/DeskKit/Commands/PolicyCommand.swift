// `desk policy`: print the built-in policy, print the effective policy of a file (laid over
// the built-in one), or check a policy file and list every problem with its JSON path. A
// policy not reviewed within its review_interval gets a warning (seed 000 五、附则: 本规范需
// 定期审核（建议每半年一次）).

/// The `policy` command.
public enum PolicyCommand {
    /// The declaration of `policy`.
    public static let spec = CommandSpec(
        name: "policy",
        summary: "print the built-in policy as JSON, or validate a policy file",
        synopsis: ["[--policy FILE]", "--check FILE [--now TIME]"],
        discussion: """
            Without flags, prints the built-in policy. With --policy (or DESK_POLICY), prints the \
            effective policy: the file laid over the built-in one, every key in canonical order. \
            --check validates a policy file and lists every problem on stderr as FILE: error: \
            JSONPATH: message, one per line (exit 3); a valid file prints FILE: ok with the policy id and hash. \
            A policy last reviewed longer ago than its review_interval gets a warning, but passes.
            """,
        flags: [
            FlagSpec("check", kind: .file, help: "validate FILE and list every problem with its JSON path"),
            CommonFlags.policy,
            CommonFlags.now,
        ],
        takesFiles: false,
        examples: [
            ExampleSpec("desk policy > my-policy.json", "start a policy of your own from the built-in one"),
            ExampleSpec("desk policy --check Examples/policy-cn-2026.json", "validate a policy file"),
            ExampleSpec("desk policy --policy overrides.json", "see the policy a partial file gives"),
        ])

    /// Runs `policy`.
    public static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        if let file = args.string("check") { return try check(file, now: ctx.now(args), ctx) }
        if args.has("policy") {
            try ctx.stdout.write(JSONWriter.pretty(try Policy.load(args, ctx).json))
        } else {
            try ctx.stdout.write(Policy.builtinText)
        }
        return 0
    }

    /// `--check FILE`: every problem on stderr, or `FILE: ok (...)` on stdout.
    static func check(_ path: String, now: Instant, _ ctx: Context) throws(DeskError) -> Int32 {
        let bytes = try InputFile.readAll(path, stdin: ctx.stdin)
        let name = path == "-" ? InputFile.stdinName : path
        let value: JSONValue
        do throws(JSONSyntaxError) {
            value = try JSONParser.parse(bytes)
        } catch {
            let (line, column) = bytes.withUnsafeBytes { lineAndColumn(of: error.offset, in: $0) }
            ctx.diagnostics.print(Diagnostic(.error, file: name, line: line, column: column, error.message))
            throw .silent(3)
        }
        switch Policy.decode(value) {
        case .failure(let errors):
            for p in errors.problems { ctx.diagnostics.print(Diagnostic(.error, file: name, "\(p.path): \(p.message)")) }
            throw .silent(3)
        case .success(let policy):
            if let warning = reviewWarning(policy, now: now) { ctx.diagnostics.print(Diagnostic(.warning, file: name, warning)) }
            try ctx.stdout.write(TerminalText.escaped("\(name): ok (policy \(policy.id), hash \(policy.hash))", keepLayout: false) + "\n")
            return 0
        }
    }

    /// Why the policy is due for review at `now`, or nil while it is current.
    static func reviewWarning(_ policy: Policy, now: Instant) -> String? {
        let c = policy.zone.civil(now)
        let today = LocalDate(year: c.year, month: c.month, day: c.day)
        let age = Int64(today.days - policy.reviewedAt.days) * 86400
        guard age > policy.reviewInterval else { return nil }
        return "$.reviewed_at: last reviewed \(policy.reviewedAt), \(today.days - policy.reviewedAt.days) days ago, "
            + "longer than review_interval \(Policy.formatDuration(policy.reviewInterval)); "
            + "review the policy (seed 000 附则: 建议每半年一次审核)"
    }
}
