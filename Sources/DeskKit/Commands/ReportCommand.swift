// `desk report`: the KPIs of a period (seed 000 §四.(二).2 反馈分析: monthly feedback analysis)
// from one streaming pass over the tickets, as json, text, markdown, csv or html.

/// The `report` command.
public enum ReportCommand {
    /// The declaration of `report`.
    public static let spec = CommandSpec(
        name: "report",
        summary: "KPIs and feedback analysis for a period, as json, text, markdown, csv or html",
        synopsis: ["--month YYYY-MM [OPTIONS] [FILE...]", "--from DATE --to DATE [OPTIONS] [FILE...]"],
        discussion: """
            Reads every ticket once and reports on those opened in the period: volumes by channel, \
            priority and category; first response, workaround and resolution times (business time \
            minus waiting; nearest-rank median and p90; share within target); SLA compliance; \
            escalations; first contact resolution; reopen rate; backlog at the period end by age; \
            phone answer rate; survey response rate, CSAT and mean scores; the lowest-scored \
            the answers needing follow-up (a score below the CSAT threshold or a complaint) and \
            the comment themes; each headline figure against its target in the policy and the \
            previous period. --trend N adds the last N months of the main figures (line charts \
            in html). --bench adds the benchmark's figures (bench/). --month is a calendar month; --from and --to take dates (local \
            midnight in the policy time zone) or RFC 3339 times, --to exclusive. Requester contact \
            data never appears. A file of 16 MB or more is read on every core (DESK_THREADS sets \
            how many); the report is the same for any number. docs/REPORT.md defines every figure.
            """,
        flags: [
            FlagSpec("month", kind: .month, help: "report on this calendar month"),
            FlagSpec("from", kind: .string, valueName: "DATE", help: "start of the period (YYYY-MM-DD or RFC 3339), inclusive"),
            FlagSpec("to", kind: .string, valueName: "DATE", help: "end of the period (YYYY-MM-DD or RFC 3339), exclusive"),
            FlagSpec("by", kind: .choice(ReportDimension.allCases.map(\.rawValue)), repeatable: true, help: "add a breakdown table by this field"),
            FlagSpec("format", kind: .choice(ReportFormat.allCases.map(\.rawValue)), help: "output format", defaultText: "json"),
            FlagSpec("trend", kind: .integer, valueName: "N", help: "add the last N months (1-36) of the main figures"),
            FlagSpec("bench", help: "add the benchmark's figures (the `bench` section, see bench/)"),
            CommonFlags.now,
            CommonFlags.policy,
        ],
        examples: [
            ExampleSpec("desk report --month 2026-11 --format text Examples/tickets.ndjson", "November's KPIs as readable tables"),
            ExampleSpec("desk report --month 2026-11 --by owner --by channel --format html tickets.ndjson > 2026-11.html", "a self-contained HTML report with breakdowns"),
            ExampleSpec("desk report --from 2026-10-01 --to 2026-10-15 --by category tickets.ndjson", "the first half of October as JSON"),
            ExampleSpec("desk report --month 2026-11 --trend 6 --format html tickets.ndjson > 2026-11.html", "November with the last six months as line charts"),
        ])

    /// Runs `report`.
    public static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        try run(args, ctx, settings: ReportSettings(policy: try Policy.load(args, ctx)))
    }

    /// Runs `report` with given settings (tests build them directly).
    public static func run(_ args: ParsedArguments, _ ctx: Context, settings: ReportSettings) throws(DeskError) -> Int32 {
        func usage(_ m: String) -> DeskError { .usage(UsageError(command: "report", message: m)) }
        let period: ReportPeriod
        let previous: ReportPeriod
        if let m = args.string("month") {
            if args.has("from") || args.has("to") { throw usage("--month cannot be combined with --from/--to") }
            guard let p = PeriodParser.month(m, settings: settings), let q = PeriodParser.previousMonth(m, settings: settings) else {
                throw usage("--month expects YYYY-MM, got '\(m)'")
            }
            period = p
            previous = q
        } else if let fromText = args.string("from"), let toText = args.string("to") {
            guard let from = PeriodParser.bound(fromText, settings: settings) else {
                throw usage("--from expects a date (YYYY-MM-DD) or an RFC 3339 time, got '\(fromText)'")
            }
            guard let to = PeriodParser.bound(toText, settings: settings) else {
                throw usage("--to expects a date (YYYY-MM-DD) or an RFC 3339 time, got '\(toText)'")
            }
            guard from < to else { throw usage("--from must be before --to (--to is exclusive)") }
            let length = to.seconds - from.seconds
            period = ReportPeriod(from: from, to: to, label: fromText + ".." + toText)
            let pf = from.adding(-length)
            previous = ReportPeriod(
                from: pf, to: from,
                label: PeriodParser.localDate(pf, settings: settings) + ".." + PeriodParser.localDate(from, settings: settings))
        } else if args.has("from") || args.has("to") {
            throw usage("--from and --to go together")
        } else {
            throw usage("a period is required: --month YYYY-MM, or --from DATE --to DATE")
        }
        var dims: [ReportDimension] = []
        for b in args.strings("by") {
            if let d = ReportDimension(rawValue: b), !dims.contains(d) { dims.append(d) }
        }
        let format = args.string("format").flatMap(ReportFormat.init(rawValue:)) ?? .json
        var trend: [ReportPeriod] = []
        if let t = args.string("trend") {
            guard let n = Int(t), (1...36).contains(n) else { throw usage("--trend expects a number of months from 1 to 36, got '\(t)'") }
            trend = PeriodParser.months(n, endingWith: period, settings: settings)
        }
        let result = try ReportEngine.run(
            paths: args.positionals, stdin: ctx.stdin, period: period, previous: previous, dimensions: dims,
            settings: settings, now: ctx.now(args), trend: trend, parts: threads(ctx.environment))
        try ctx.stdout.write(ReportRenderer.render(ReportDocument(result, bench: args.has("bench")), as: format))
        return 0
    }

    /// Threads for reading a large file: `DESK_THREADS` when it is a whole number from 1 to 64,
    /// else the online cores (at most 8: beyond that the merge and memory outweigh the gain).
    static func threads(_ environment: [String: String]) -> Int {
        if let t = environment["DESK_THREADS"].flatMap({ Int($0) }), (1...64).contains(t) { return t }
        return min(8, ForkJoin.onlineCores())
    }
}
