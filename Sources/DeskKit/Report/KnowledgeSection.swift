// The monthly report's knowledge section (`report --kb FILE`), printed last: tickets resolved in
// the period with an article (resolve --article), the share whose problem had an article (used,
// or suggested at intake by classify --suggest), the articles used most, articles drafted and
// published in the period, and published articles whose review is overdue at the period end
// (seed 000 三(三): 知识库管理; 三(三)2: 2 个工作日内更新). Kept out of the report engine: it reads
// the ticket files once more, only when asked, so the engine's figures do not change.

/// The knowledge figures of a period.
struct KnowledgeSection: Sendable, Equatable {
    /// `report`'s flag.
    static let flag = FlagSpec("kb", kind: .file, help: "add the knowledge section from this kb file")

    var resolved = 0
    var withArticle = 0
    var hadArticle = 0
    /// Article id -> tickets resolved with it.
    var uses: [String: Int] = [:]
    var titles: [String: String] = [:]
    var drafted = 0
    var published = 0
    var overdue: [String] = []

    /// Adds the section to a rendered report when --kb was given: last in json, text, markdown
    /// and csv; in html before the definitions footer, so the page still ends with them.
    static func attach(_ rendered: String, _ args: ParsedArguments, _ ctx: Context, period: ReportPeriod, format: ReportFormat) throws(DeskError) -> String {
        guard let kb = args.string("kb") else { return rendered }
        guard !args.positionals.isEmpty, !args.positionals.contains("-") else {
            throw .usage(UsageError(command: "report", message: "--kb reads the ticket files twice: name files, not standard input"))
        }
        let s = try measure(kb: kb, tickets: args.positionals, period: period, now: ctx.now(args), stdin: ctx.stdin)
        switch format {
        case .json: return s.spliced(into: rendered)
        case .markdown: return rendered + "\n" + TerminalText.escaped(s.text(markdown: true))
        case .csv: return rendered + s.csv
        case .html: return s.splicedHTML(into: rendered)
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

    /// The figures as (label, value) rows, shared by the text, markdown and html renderings.
    var rows: [(String, String)] {
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
        return rows
    }

    /// The html page with the section as one more table before its footer (escaped as every
    /// other cell of the page: titles are the kb writers' text).
    func splicedHTML(into rendered: String) -> String {
        let table = ReportTable(
            key: "knowledge", title: "Knowledge base", columns: [("figure", "Figure"), ("value", "Value")],
            rows: rows.map { [Cell.string($0.0), Cell.string($0.1)] })
        let section = ReportRenderer.htmlTable(table)
        // The page has one footer, its last element: split at the last "<footer>" line start.
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        guard let at = lines.lastIndex(where: { $0.hasPrefix("<footer>") }) else { return rendered + section }
        return lines[..<at].joined(separator: "\n") + "\n" + section + lines[at...].joined(separator: "\n")
    }

    /// The section as more rows of the report's long csv table (section, key, metric, value,
    /// previous, change): `knowledge` figures, `knowledge_most_used` keyed by article id and
    /// `knowledge_review_overdue` by rank. Shares are fractions, as in json.
    var csv: String {
        var out = ""
        func row(_ cells: [String]) { out += cells.joined(separator: ",") + ",,\r\n" }
        guard case .object(let o) = json else { return out }
        for m in o.members {
            switch m.value {
            case .array: continue
            default: row(["knowledge", "", m.key, ReportRenderer.csvValue(m.value)])
            }
        }
        for u in mostUsed {
            row(["knowledge_most_used", ReportRenderer.csvField(u.id), "title", ReportRenderer.csvField(titles[u.id] ?? "")])
            row(["knowledge_most_used", ReportRenderer.csvField(u.id), "uses", String(u.uses)])
        }
        for (i, id) in overdue.enumerated() {
            row(["knowledge_review_overdue", String(i + 1), "id", ReportRenderer.csvField(id)])
        }
        return out
    }

    func text(markdown: Bool) -> String {
        let rows = self.rows
        if markdown {
            return "## Knowledge base\n\n| Figure | Value |\n|---|---|\n"
                + rows.map { "| \($0.0) | \($0.1.replacingOccurrences("|", "\\|")) |" }.joined(separator: "\n") + "\n"
        }
        let width = rows.map { $0.0.count }.max() ?? 0
        return "Knowledge base\n" + rows.map { "  " + $0.0 + String(repeating: " ", count: width - $0.0.count) + "  " + $0.1 }.joined(separator: "\n") + "\n"
    }
}
