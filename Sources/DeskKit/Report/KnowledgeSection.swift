// The monthly report's knowledge section (`report --kb FILE`), printed last: tickets resolved in
// the period with an article (resolve --article), the share whose problem had an article (used,
// or suggested at intake by classify --suggest), the articles used most, articles drafted and
// published in the period, and published articles whose review is overdue at the period end
// (seed 000 三(三): 知识库管理; 三(三)2: 2 个工作日内更新). Kept out of the report engine: it reads
// the ticket files once more, only when asked, so the engine's figures do not change.

/// The knowledge figures of a period.
struct KnowledgeSection: Sendable, Equatable {
    /// `report`'s flag.
    static let flag = FlagSpec("kb", kind: .file, help: "add the knowledge section from this kb file (json, text, markdown)")

    var resolved = 0
    var withArticle = 0
    var hadArticle = 0
    /// Article id -> tickets resolved with it.
    var uses: [String: Int] = [:]
    var titles: [String: String] = [:]
    var drafted = 0
    var published = 0
    var overdue: [String] = []

    /// Appends the section to a rendered report when --kb was given (and refuses formats it
    /// cannot join).
    static func attach(_ rendered: String, _ args: ParsedArguments, _ ctx: Context, period: ReportPeriod, format: ReportFormat) throws(DeskError) -> String {
        guard let kb = args.string("kb") else { return rendered }
        guard format == .json || format == .text || format == .markdown else {
            throw .usage(UsageError(command: "report", message: "--kb adds its section to json, text or markdown reports, not \(format.rawValue)"))
        }
        guard !args.positionals.isEmpty, !args.positionals.contains("-") else {
            throw .usage(UsageError(command: "report", message: "--kb reads the ticket files twice: name files, not standard input"))
        }
        let s = try measure(kb: kb, tickets: args.positionals, period: period, now: ctx.now(args), stdin: ctx.stdin)
        switch format {
        case .json: return s.spliced(into: rendered)
        case .markdown: return rendered + "\n" + TerminalText.escaped(s.text(markdown: true))
        default: return rendered + "\n" + TerminalText.escaped(s.text(markdown: false))
        }
    }

    static func measure(kb: String, tickets: [String], period: ReportPeriod, now: Instant, stdin: Int32) throws(DeskError) -> KnowledgeSection {
        var s = KnowledgeSection()
        let end = min(now, period.to)
        func inPeriod(_ t: Instant?) -> Bool { t.map { period.from <= $0 && $0 < period.to } ?? false }
        for (a, _) in try ArticleStore.readAll([kb], stdin: stdin) {
            s.titles[a.id] = a.string("title") ?? ""
            if inPeriod(a.instant("created_at")) { s.drafted += 1 }
            if inPeriod(a.instant("published_at")) { s.published += 1 }
            if a.status == .published, let due = a.instant("review_due"), due < end { s.overdue.append(a.id) }
        }
        try TicketStream.read(paths: tickets, stdin: stdin) { (t, _) throws(DeskError) in
            guard TicketText.isResolved(t), let r = t.object("resolution"),
                inPeriod(r["at"]?.stringValue.flatMap(Instant.init(rfc3339:)))
            else { return }
            s.resolved += 1
            let suggested = t.array("suggestions").contains { $0.objectValue?["kind"]?.stringValue == "article" }
            if let a = r["article"]?.stringValue {
                s.withArticle += 1
                s.uses[a, default: 0] += 1
            }
            if r["article"] != nil || suggested { s.hadArticle += 1 }
        }
        return s
    }

    /// The five articles used most, most first (ties by id).
    var mostUsed: [(id: String, uses: Int)] {
        uses.map { (id: $0.key, uses: $0.value) }.sorted { $0.uses != $1.uses ? $0.uses > $1.uses : $0.id < $1.id }.prefix(5).map { $0 }
    }

    static func share(_ n: Int, _ d: Int) -> String {
        guard d > 0 else { return "-" }
        return KnowledgeSearch.hundredths(Double(n) * 100 / Double(d)) + "%"
    }

    var json: JSONValue {
        .object([
            "resolved": .int(resolved),
            "resolved_with_article": .int(withArticle),
            "resolved_with_article_share": resolved > 0 ? .number(KnowledgeSearch.hundredths(Double(withArticle) / Double(resolved))) : .null,
            "resolved_problem_had_article_share": resolved > 0 ? .number(KnowledgeSearch.hundredths(Double(hadArticle) / Double(resolved))) : .null,
            "most_used": .array(mostUsed.map { .object(["id": .string($0.id), "title": .string(titles[$0.id] ?? ""), "uses": .int($0.uses)]) }),
            "articles_drafted": .int(drafted),
            "articles_published": .int(published),
            "reviews_overdue": .array(overdue.map { .string($0) }),
        ])
    }

    /// The report's JSON with `knowledge` as its last member.
    func spliced(into rendered: String) -> String {
        guard let close = rendered.lastIndex(of: "}") else { return rendered }
        let body = JSONWriter.pretty(json).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init).filter { !$0.isEmpty }.joined(separator: "\n  ")
        var head = String(rendered[..<close])
        while head.last == "\n" || head.last == " " { head.removeLast() }
        return head + ",\n  \"knowledge\": " + body + "\n" + String(rendered[close...])
    }

    func text(markdown: Bool) -> String {
        var rows: [(String, String)] = [
            ("Tickets resolved", "\(resolved)"),
            ("Resolved with an article", "\(withArticle) (\(KnowledgeSection.share(withArticle, resolved)))"),
            ("Resolved whose problem had an article", "\(hadArticle) (\(KnowledgeSection.share(hadArticle, resolved)))"),
            ("Articles drafted", "\(drafted)"),
            ("Articles published", "\(published)"),
            ("Reviews overdue", overdue.isEmpty ? "0" : "\(overdue.count): " + overdue.joined(separator: ", ")),
        ]
        for (i, u) in mostUsed.enumerated() {
            rows.append(("Most used #\(i + 1)", "\(u.id) \(titles[u.id] ?? "") (\(u.uses))"))
        }
        if markdown {
            return "## Knowledge base\n\n| Figure | Value |\n|---|---|\n"
                + rows.map { "| \($0.0) | \($0.1.replacingOccurrences("|", "\\|")) |" }.joined(separator: "\n") + "\n"
        }
        let width = rows.map { $0.0.count }.max() ?? 0
        return "Knowledge base\n" + rows.map { "  " + $0.0 + String(repeating: " ", count: width - $0.0.count) + "  " + $0.1 }.joined(separator: "\n") + "\n"
    }
}
