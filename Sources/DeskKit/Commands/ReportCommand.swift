// `desk report`: the KPIs of a period (seed 000 §四.(二).2 反馈分析: monthly feedback analysis)
// from one streaming pass over the tickets, as json, text, markdown, csv or html.

/// The `report` command.
public enum ReportCommand {
    /// The declaration of `report`.
    public static let spec = CommandSpec(
        name: "report",
        summary: "KPIs and feedback analysis for a period, as json, text, markdown, csv or html",
        synopsis: [
            "--month YYYY-MM [OPTIONS] [FILE...]", "--from DATE --to DATE [OPTIONS] [FILE...]",
            "(--month YYYY-MM | --from DATE --to DATE) --partial --now TIME [OPTIONS] [FILE...]",
            "--merge [--partial] [OPTIONS] [PARTIALS...]",
        ],
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
            how many); the report is the same for any number. docs/REPORT.md defines every figure. \
            --partial writes the report's complete running totals instead, as one line (a partial \
            report), for counting parts of the input on other processes or machines (Spark, \
            Hadoop Streaming, split + xargs); --merge reads partials (one per line, from files or \
            standard input) and writes the report, or with --partial the merged partial. Merging \
            is exact: the partials of any split of the tickets, merged in any order, give the \
            same bytes as one pass. Partials must agree on policy, periods, --by and --now.
            """,
        flags: [
            FlagSpec("month", kind: .month, help: "report on this calendar month"),
            FlagSpec("from", kind: .string, valueName: "DATE", help: "start of the period (YYYY-MM-DD or RFC 3339), inclusive"),
            FlagSpec("to", kind: .string, valueName: "DATE", help: "end of the period (YYYY-MM-DD or RFC 3339), exclusive"),
            FlagSpec("by", kind: .choice(ReportDimension.allCases.map(\.rawValue)), repeatable: true, help: "add a breakdown table by this field"),
            FlagSpec("format", kind: .choice(ReportFormat.allCases.map(\.rawValue)), help: "output format", defaultText: "json"),
            FlagSpec("trend", kind: .integer, valueName: "N", help: "add the last N months (1-36) of the main figures"),
            FlagSpec("bench", help: "add the benchmark's figures (the `bench` section, see bench/)"),
            FlagSpec("partial", kind: .flag, help: "write the running totals as one line of JSON, to merge later"),
            FlagSpec("merge", kind: .flag, help: "read partial reports instead of tickets and merge them"),
            FlagSpec("label", kind: .string, valueName: "NAME", help: "name standard input NAME in error messages (the split an engine fed)"),
            KnowledgeSection.flag,
            CommonFlags.now,
            CommonFlags.policy,
        ],
        examples: [
            ExampleSpec("desk report --month 2026-11 --format text Examples/tickets.ndjson", "November's KPIs as readable tables"),
            ExampleSpec("desk report --month 2026-11 --by owner --by channel --format html tickets.ndjson > 2026-11.html", "a self-contained HTML report with breakdowns"),
            ExampleSpec("desk report --from 2026-10-01 --to 2026-10-15 --by category tickets.ndjson", "the first half of October as JSON"),
            ExampleSpec(
                "split -n l/8 -d big.ndjson part. && ls part.* | xargs -P 8 -I{} sh -c 'desk report --month 2026-11 --now 2026-12-01T00:00:00Z --partial {} > {}.partial' && desk report --merge --month 2026-11 --now 2026-12-01T00:00:00Z --format html part.*.partial > 2026-11.html",
                "count eight parts of a large file at once, then merge them into the report"),
            ExampleSpec("desk report --month 2026-11 --trend 6 --format html tickets.ndjson > 2026-11.html", "November with the last six months as line charts"),
        ])

    /// Runs `report`.
    public static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        try FlagRules.report(args)  // usage mistakes before the policy is opened
        return try run(args, ctx, settings: ReportSettings(policy: try Policy.load(args, ctx)))
    }

    /// Runs `report` with given settings (tests build them directly).
    public static func run(_ args: ParsedArguments, _ ctx: Context, settings: ReportSettings) throws(DeskError) -> Int32 {
        let label = args.string("label")
        do throws(DeskError) {
            return try runLabelled(args, ctx, settings: settings)
        } catch {
            // Standard input is named by --label (Spark and Hadoop feed each split there).
            if let label, case .data(var e) = error, e.file == InputFile.stdinName {
                e.file = label
                throw .data(e)
            }
            throw error
        }
    }

    static func usage(_ m: String) -> DeskError { .usage(UsageError(command: "report", message: m)) }

    static func runLabelled(_ args: ParsedArguments, _ ctx: Context, settings: ReportSettings) throws(DeskError) -> Int32 {
        try FlagRules.report(args)
        let periods = try self.periods(args, settings: settings)
        var dims: [ReportDimension] = []
        for b in args.strings("by") {
            if let d = ReportDimension(rawValue: b), !dims.contains(d) { dims.append(d) }
        }
        let format = args.string("format").flatMap(ReportFormat.init(rawValue:)) ?? .json
        let partial = args.has("partial")
        let bench = args.has("bench")
        var trendMonths: Int? = nil
        if let t = args.string("trend") {
            guard let n = Int(t), (1...36).contains(n) else { throw usage("--trend expects a number of months from 1 to 36, got '\(t)'") }
            trendMonths = n
        }
        if args.has("merge") {
            return try merge(
                args, ctx, settings: settings, periods: periods, dims: args.has("by") ? dims : nil, trendMonths: trendMonths,
                format: partial ? nil : format, bench: bench)
        }
        guard let (period, previous) = periods else { return 2 }  // unreachable: FlagRules.report requires a period
        let trend = trendMonths.map { PeriodParser.months($0, endingWith: period, settings: settings) } ?? []
        let acc = try ReportEngine.accumulate(
            paths: args.positionals, stdin: ctx.stdin, period: period, previous: previous, dimensions: dims,
            settings: settings, now: ctx.now(args), trend: trend, parts: ForkJoin.threads(ctx.environment))
        if partial {
            try ctx.stdout.write(acc.partialLine + [0x0A])
        } else {
            try ctx.stdout.write(KnowledgeSection.attach(ReportRenderer.render(ReportDocument(acc.result, bench: bench), as: format), args, ctx, period: period, format: format))
        }
        return 0
    }

    /// `--merge`: partials, one per line, from the files or standard input, merged in the order
    /// read (the result does not depend on it). The first partial must match this run's policy
    /// and any period, --by and --now given; every later one must match the first.
    static func merge(
        _ args: ParsedArguments, _ ctx: Context, settings: ReportSettings, periods: (ReportPeriod, ReportPeriod)?,
        dims: [ReportDimension]?, trendMonths: Int?, format: ReportFormat?, bench: Bool
    ) throws(DeskError) -> Int32 {
        let label = args.string("label")
        var merged: ReportEngine.Accumulator? = nil
        var first: (header: PartialHeader, at: String)? = nil
        // Every merged total is at most the sum of the partials' largest numbers: kept within
        // Int64, no addition of the merge can overflow, whatever a crafted partial claims.
        var magnitude: Int64 = 0
        try InputFile.forEachLine(paths: args.positionals, stdin: ctx.stdin) { (name, line, bytes) throws(DeskError) in
            let shown = name == InputFile.stdinName ? label ?? name : name
            let p: PartialReport
            do throws(TicketError) {
                p = try ReportEngine.Accumulator.decodePartial(bytes, settings: settings)
            } catch {
                throw error.at(file: shown, line: line)
            }
            func refuse(_ m: String) -> DeskError { .data(DataError(file: shown, line: line, message: m)) }
            let (sum, overflow) = magnitude.addingReportingOverflow(p.magnitude)
            guard !overflow else { throw refuse("partial's totals are too large to add to the partials before it (beyond 2^63)") }
            magnitude = sum
            if let f = first {
                if let m = p.header.mismatch(f.header) {
                    throw refuse("partial does not match \(f.at): \(m.field) is '\(m.value)' here, '\(m.other)' there")
                }
                merged?.merge(p.accumulator)
                return
            }
            // The first partial against this run.
            var mine = p.header
            mine.policyHash = settings.policyHash
            if let (period, previous) = periods {
                mine.period = period
                mine.previous = previous
            }
            if let dims { mine.dimensions = dims }
            if let n = trendMonths { mine.trend = PeriodParser.months(n, endingWith: mine.period, settings: settings) }
            if args.has("now") { mine.now = ctx.now(args) }
            if let m = p.header.mismatch(mine) {
                throw refuse(
                    "partial does not match this run: \(m.field) is '\(m.value)' in the partial, '\(m.other)' in this run (give the same --policy, period, --by and --now as the partials, or leave out all but --policy)")
            }
            first = (p.header, "\(shown):\(line)")
            merged = p.accumulator
        }
        var acc: ReportEngine.Accumulator
        if let m = merged {
            acc = m
        } else {
            // No partial at all: the identity, which needs the period from the command line.
            guard let (period, previous) = periods else {
                throw usage("--merge read no partial report: give the period (--month, or --from and --to) for the empty report")
            }
            if format == nil && !args.has("now") {
                throw usage("--merge --partial read no partial report: give --now (or DESK_NOW) for the empty partial")
            }
            acc = ReportEngine.Accumulator(
                period: period, previous: previous, dimensions: dims ?? [], settings: settings, now: ctx.now(args),
                trend: trendMonths.map { PeriodParser.months($0, endingWith: period, settings: settings) } ?? [])
        }
        if let format {
            try ctx.stdout.write(ReportRenderer.render(ReportDocument(acc.result, bench: bench), as: format))
        } else {
            try ctx.stdout.write(acc.partialLine + [0x0A])
        }
        return 0
    }

    /// The period and the previous period from --month or --from/--to; nil when none is given.
    static func periods(_ args: ParsedArguments, settings: ReportSettings) throws(DeskError) -> (ReportPeriod, ReportPeriod)? {
        let period: ReportPeriod
        let previous: ReportPeriod
        if let m = args.string("month") {
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
        } else {
            return nil
        }
        return (period, previous)
    }
}
