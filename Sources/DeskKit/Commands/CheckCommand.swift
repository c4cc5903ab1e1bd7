// `desk check`: lints tickets against the schema and the policy for CI, in one streaming pass.
// Unlike the other commands it does not stop at a bad line: a linter reports every problem and
// goes on. Findings go to stdout (text, NDJSON or GitHub annotations), a summary to stderr;
// exit 1 on any error (any finding with --strict). The rules are in Check/, documented in
// docs/CHECK.md.

/// The `check` command.
public enum CheckCommand {
    /// The declaration of `check`.
    public static let spec = CommandSpec(
        name: "check",
        summary: "lint tickets against the schema and the policy, for CI",
        discussion: """
            Reads every ticket of the inputs (standard input when none) once and reports what \
            breaks the record's schema or the policy: invalid lines, missing facts, taboo replies, \
            vague resolutions, SLA breaches nobody escalated, incomplete hand-offs, unacknowledged \
            escalations, tickets never surveyed, observations never confirmed, duplicate ids and an \
            overdue policy review. A bad line is reported and skipped; checking goes on. Text \
            findings read `file:line: ID: rule: severity: message` (ID is the ticket id or -). \
            A summary goes to standard error. Exit status 1 when any error-level finding was \
            reported (any finding with --strict), else 0. Findings never quote requester contact \
            data. --kb FILE also checks a knowledge base file with the rules of desk kb check \
            (incomplete-article, review-overdue, near-duplicate), so one CI step lints both; \
            with --kb and no input files only the kb file is checked. Tickets are linted on \
            several threads (DESK_THREADS sets how many); findings come in input order whatever \
            the number. See docs/CHECK.md for every rule.
            """,
        flags: [
            FlagSpec(
                "rule", kind: .choice(CheckRule.ids), valueName: "RULE", repeatable: true,
                help: "run only this rule", defaultText: "every rule"),
            FlagSpec("skip", kind: .choice(CheckRule.ids), valueName: "RULE", repeatable: true, help: "do not run this rule"),
            FlagSpec(
                "format", kind: .choice(["text", "json", "github"]),
                help: "findings as compiler-style text, NDJSON, or GitHub workflow annotations", defaultText: "text"),
            FlagSpec(
                "kb", kind: .file,
                help: "also check this knowledge base file (the rules of desk kb check); tickets only when files are named"),
            FlagSpec("strict", help: "fail on warnings too"),
            FlagSpec("quiet", short: "q", help: "leave out the summary line"),
            CommonFlags.now,
            CommonFlags.policy,
        ],
        examples: [
            ExampleSpec("desk check tickets.ndjson", "lint a ticket file; exit 1 on any error"),
            ExampleSpec(
                "desk check --format github --strict --policy policy.json tickets.ndjson",
                "annotate a pull request in GitHub Actions, failing on warnings too"),
            ExampleSpec("desk check --rule taboo-reply --rule vague-resolution tickets.ndjson", "only the wording rules"),
            ExampleSpec("desk check --format json --quiet tickets.ndjson | jq -r .rule | sort | uniq -c", "count findings per rule"),
            ExampleSpec("desk check --format github --kb kb.ndjson tickets.ndjson", "lint the tickets and the knowledge base in one CI step"),
        ])

    /// Tickets between progress updates on a terminal.
    static let progressEvery = 100_000

    /// Runs `check`.
    public static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        var rules = Set(CheckRule.allCases)
        let only = args.strings("rule").compactMap(CheckRule.init(rawValue:))
        if !only.isEmpty { rules = Set(only) }
        for s in args.strings("skip") { if let r = CheckRule(rawValue: s) { rules.remove(r) } }
        let policy = try Policy.load(args, ctx)
        let now = ctx.now(args)
        let linter = TicketLinter(policy: policy, now: now, rules: rules, replyModel: try ReplyModel.load(policy, ctx))
        var out = FindingWriter(
            format: FindingWriter.Format(rawValue: args.string("format") ?? "text") ?? .text, sink: ctx.stdout,
            colour: ctx.colours(ctx.stdout))
        let notes = ctx.diagnostics
        let progress = notes.showsProgress
        var checked = 0
        // Every id seen, with where: memory grows with the number of tickets, about 14 bytes
        // each (Check/SeenIds.swift, docs/CHECK.md). Lines are numbered across the inputs:
        // each file's lines follow the last line number of the one before.
        let seen = SeenIds()
        var files: [(name: String, base: UInt32)] = []
        var lastLine: UInt32 = 0
        // Lines are read into batches; each batch is linted on `threads` threads (each with its
        // own memo of resolution reviews), then its findings are written in input order, the
        // duplicate ids judged here in that order. Output is the same as one pass's.
        let threads = ForkJoin.threads(ctx.environment)
        var memos = [ReviewMemo](repeating: ReviewMemo(), count: threads)
        var batch = LineBatch()

        /// Lints the batch and writes its findings.
        func flush() throws(DeskError) {
            guard !batch.lines.isEmpty else { return }
            let results = CheckCommand.lint(batch, linter: linter, memos: &memos)
            for (k, result) in results.enumerated() {
                let at = batch.lines[k]
                let file = batch.files[Int(at.file)]
                checked += 1
                if progress && checked % progressEvery == 0 {
                    notes.progress(" checked \(checked) tickets")
                }
                switch result {
                case .notTicket(let findings):
                    for f in findings where rules.contains(f.rule) { try out.write(f) }
                case .ticket(let id, let problems):
                    if rules.contains(.duplicateId) {
                        if files.last?.name != file { files.append((file, lastLine)) }
                        let base = files[files.count - 1].base
                        lastLine = base &+ UInt32(truncatingIfNeeded: at.line)
                        if let first = seen.insert(id, line: lastLine) {
                            // The file holding global line `first`: the last one starting before it.
                            let owner = files.last { $0.base < first } ?? files[0]
                            let firstLine = Int32(truncatingIfNeeded: first &- owner.base)
                            let place = owner.name == file ? "line \(firstLine)" : "\(owner.name):\(firstLine)"
                            try out.write(
                                Finding(
                                    file: file, line: at.line, column: batch.idColumn(k, linter), ticket: id,
                                    rule: .duplicateId, message: "id already used at \(place); ids must be unique"))
                        }
                    }
                    for p in problems {
                        try out.write(Finding(file: file, line: at.line, column: p.column, ticket: id, rule: p.rule, message: p.message))
                    }
                }
            }
            batch.removeAll()
        }

        let kb = args.string("kb")
        // With --kb alone there are no tickets to read: standard input is not waited for.
        let ticketPaths: [String]? = kb != nil && args.positionals.isEmpty ? nil : args.positionals
        if let ticketPaths {
            do throws(DeskError) {
                try InputFile.forEachLine(paths: ticketPaths, stdin: ctx.stdin) { (file, line, bytes) throws(DeskError) in
                    batch.append(file: file, line: line, bytes)
                    if batch.bytes.count >= LineBatch.target { try flush() }
                }
            } catch {
                // The lines read before a failed input are reported, as a single pass would have.
                try flush()
                throw error
            }
            try flush()
        }
        // The kb rules: the same code as `desk kb check` (KnowledgeCheck), through check's writer.
        let kbRules: Set<CheckRule> = [.incompleteArticle, .reviewOverdue, .nearDuplicate]
        if let kb, !rules.isDisjoint(with: kbRules) {
            for f in try KnowledgeCheck.run(paths: [kb], lint: PhraseLint(policy: policy, replyModel: nil), now: now, ctx) where rules.contains(f.rule) {
                try out.write(f.finding)
            }
        }
        if rules.contains(.policyReview), let f = policyReview(policy, file: args.string("policy"), now: now) { try out.write(f) }
        try ctx.stdout.flush()
        if progress && checked >= progressEvery { notes.clearProgress() }
        if !args.has("quiet") {
            func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
            let what = count(checked, "ticket") + (kb.map { " and the kb file " + $0 } ?? "")
            ctx.diagnostics.print(Diagnostic(.plain, "checked \(what): \(count(out.errors, "error")), \(count(out.warnings, "warning"))"))
        }
        let failed = out.errors > 0 || (args.has("strict") && out.warnings > 0)
        return failed ? 1 : 0
    }

    /// What linting one line found: the findings of a line that is not a ticket, or the
    /// ticket's id and problems (duplicate ids are judged afterwards, in input order).
    enum LineResult: Sendable {
        case notTicket([Finding])
        case ticket(id: String, problems: [TicketLinter.Problem])
    }

    /// Lints the lines of `batch`, cut into up to `memos.count` runs of about equal bytes, each
    /// on its own thread with its own memo; the results in line order.
    static func lint(_ batch: LineBatch, linter: TicketLinter, memos: inout [ReviewMemo]) -> [LineResult] {
        let bounds = batch.cuts(parts: memos.count)
        let given = memos
        let done = ForkJoin.map(bounds.count - 1) { p -> ([LineResult], ReviewMemo) in
            var memo = given[p]
            var out: [LineResult] = []
            out.reserveCapacity(bounds[p + 1] - bounds[p])
            batch.bytes.withUnsafeBytes { all in
                for i in bounds[p]..<bounds[p + 1] {
                    let at = batch.lines[i]
                    let bytes = UnsafeRawBufferPointer(rebasing: all[at.range])
                    let ticket: Ticket
                    do throws(TicketError) {
                        ticket = try Ticket(line: bytes)
                    } catch {
                        out.append(.notTicket(badLine(bytes, error, file: batch.files[Int(at.file)], line: at.line)))
                        continue
                    }
                    out.append(.ticket(id: ticket.id, problems: linter.check(ticket, memo: &memo)))
                }
            }
            return (out, memo)
        }
        var results: [LineResult] = []
        results.reserveCapacity(batch.lines.count)
        for (p, (part, memo)) in done.enumerated() {
            results += part
            memos[p] = memo
        }
        return results
    }

    /// The finding for a line that is not a ticket: not JSON at all, JSON that is not a valid
    /// record, or a record without its channel (a missing fact, SPEC §2 `open`).
    static func badLine(_ bytes: UnsafeRawBufferPointer, _ error: TicketError, file: String, line: Int) -> [Finding] {
        do throws(JSONSyntaxError) {
            try JSONParser.validate(bytes)
        } catch {
            let col = lineAndColumn(of: error.offset, in: bytes).column
            return [Finding(file: file, line: line, column: col, ticket: nil, rule: .invalidJSON, message: error.message)]
        }
        let object = (try? JSONParser.parse(bytes))?.objectValue
        let id = object?["id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        var message = error.message
        if let id, message.hasPrefix("ticket \(id): ") { message.removeFirst("ticket \(id): ".count) }
        if let object, object["channel"] == nil || object["channel"]?.isNull == true,
            message.hasSuffix("missing required field 'channel'")
        {
            return [
                Finding(
                    file: file, line: line, ticket: id, rule: .missingFact,
                    message: "no channel: the SLA targets depend on how the request came in"),
            ]
        }
        return [Finding(file: file, line: line, column: error.column, ticket: id, rule: .invalidRecord, message: message)]
    }

    /// The policy-review finding when the policy is overdue for review (seed 000 附则).
    static func policyReview(_ policy: Policy, file: String?, now: Instant) -> Finding? {
        let reviewed = Instant(seconds: Int64(policy.reviewedAt.days) * 86400)
        let due = reviewed.adding(policy.reviewInterval)
        guard now > due else { return nil }
        return Finding(
            file: file ?? "<builtin policy>", line: nil, ticket: nil, rule: .policyReview,
            message: "policy '\(policy.id)' was last reviewed \(policy.reviewedAt) and is due every "
                + "\(Policy.formatDuration(policy.reviewInterval)) (review overdue since \(LocalDate(days: Int(due.seconds / 86400)))); "
                + "review the targets and update reviewed_at")
    }
}

/// Writes findings in one of check's formats and counts them by severity.
struct FindingWriter {
    enum Format: String {
        case text, json, github
    }

    let format: Format
    let sink: OutputSink
    let colour: Bool
    private(set) var errors = 0
    private(set) var warnings = 0
    private var buffer: [UInt8] = []

    init(format: Format, sink: OutputSink, colour: Bool) {
        self.format = format
        self.sink = sink
        self.colour = colour
    }

    mutating func write(_ f: Finding) throws(DeskError) {
        if f.severity == .error { errors += 1 } else { warnings += 1 }
        // The buffer is taken out while the line is written (its storage kept for the next).
        var out = buffer
        buffer = []
        out.removeAll(keepingCapacity: true)
        switch format {
        case .text: appendText(f, to: &out)
        case .json: JSONWriter.write(FindingWriter.json(f), to: &out)
        case .github: out.append(contentsOf: FindingWriter.github(f).utf8)
        }
        out.append(0x0A)
        try sink.write(out)
        buffer = out
    }

    /// `file:line[:column]: ID: rule: severity: message`.
    static func text(_ f: Finding, colour: Bool) -> String {
        diagnostic(f).rendered(colour: colour)
    }

    /// The last file name written and its escaped bytes: findings come file by file.
    private var fileName: String? = nil
    private var fileBytes: [UInt8] = []

    /// Appends `text(f, colour:)` as UTF-8, written piece by piece as `Diagnostic.rendered`
    /// joins them (one finding per line, so building the String cost a tenth of a run);
    /// CheckLineTests hold the two equal.
    mutating func appendText(_ f: Finding, to out: inout [UInt8]) {
        if fileName != f.file {
            fileName = f.file
            fileBytes = Array(TerminalText.escaped(f.file, keepLayout: false).utf8)
        }
        out.append(contentsOf: fileBytes)
        if let l = f.line, l > 0 { out.append(UInt8(ascii: ":")); FindingWriter.appendDecimal(l, to: &out) }
        if let c = f.column, c > 0 { out.append(UInt8(ascii: ":")); FindingWriter.appendDecimal(c, to: &out) }
        out.append(contentsOf: ": ".utf8)
        // The subject `ID: rule` is escaped as a whole in `rendered`; escaping goes scalar by
        // scalar, so escaping the id alone is the same (the rest is plain ASCII).
        out.append(contentsOf: TerminalText.escaped(f.ticket ?? "-", keepLayout: false).utf8)
        out.append(contentsOf: ": ".utf8)
        out.append(contentsOf: f.rule.rawValue.utf8)
        out.append(contentsOf: ": ".utf8)
        out.append(contentsOf: Colour.severity(f.severity == .error ? "error" : "warning", on: colour).utf8)
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: TerminalText.escaped(f.message).utf8)
    }

    /// Appends the decimal digits of `n` (≥ 0 for lines and columns; a sign otherwise).
    static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        guard n >= 0 else {
            out.append(contentsOf: String(n).utf8)
            return
        }
        var count = 1
        var x = n / 10
        while x > 0 { count += 1; x /= 10 }
        let start = out.count
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        x = n
        for i in stride(from: start + count - 1, through: start, by: -1) {
            out[i] = UInt8(ascii: "0") + UInt8(x % 10)
            x /= 10
        }
    }

    /// The finding as a diagnostic: rendered (and escaped) like every other message.
    static func diagnostic(_ f: Finding) -> Diagnostic {
        Diagnostic(f.severity == .error ? .error : .warning, file: f.file, line: f.line ?? 0, column: f.column ?? 0,
                   subject: (f.ticket ?? "-") + ": " + f.rule.rawValue, f.message)
    }

    /// {file, line, column?, ticket, rule, severity, message}; line and ticket are null when
    /// the finding has none.
    static func json(_ f: Finding) -> JSONValue {
        var o = JSONObject()
        o["file"] = .string(f.file)
        o["line"] = f.line.map { .int($0) } ?? .null
        if let c = f.column { o["column"] = .int(c) }
        o["ticket"] = f.ticket.map { .string($0) } ?? .null
        o["rule"] = .string(f.rule.rawValue)
        o["severity"] = .string(f.severity.rawValue)
        o["message"] = .string(f.message)
        return .object(o)
    }

    /// `::error file=F,line=L,col=C,title=desk RULE::ID: message`, escaped as GitHub's workflow
    /// commands require.
    static func github(_ f: Finding) -> String {
        var props = ["file=" + escapeProperty(TerminalText.escaped(f.file, keepLayout: false))]
        if let l = f.line { props.append("line=\(l)") }
        if let c = f.column { props.append("col=\(c)") }
        props.append("title=" + escapeProperty("desk " + f.rule.rawValue))
        // Annotations are shown to people: control characters escaped as everywhere else.
        let message = TerminalText.escaped((f.ticket.map { TerminalText.escaped($0, keepLayout: false) + ": " } ?? "") + f.message)
        return "::" + f.severity.rawValue + " " + props.joined(separator: ",") + "::" + escapeData(message)
    }

    static func escapeData(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func escapeProperty(_ s: String) -> String {
        var out = ""
        for c in escapeData(s).unicodeScalars {
            switch c {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

extension LineBatch {
    /// The column of line `k`'s id value (for a duplicate-id finding; the line is decoded again).
    func idColumn(_ k: Int, _ linter: TicketLinter) -> Int? {
        bytes.withUnsafeBytes { all -> Int? in
            guard let t = try? Ticket(line: UnsafeRawBufferPointer(rebasing: all[lines[k].range])) else { return nil }
            return linter.column(of: "id", in: t)
        }
    }
}
