// `desk kb check`: what keeps a knowledge base trustworthy. Published articles that no longer
// fill seed 000 三(三)1's template (error), reviews past their due (error, seed 000 三(三)2),
// and published articles so alike that one should absorb the other (warning): article B is a
// near-duplicate of A when B, searched with A's title and symptom, scores at least
// `duplicateShare` of what A scores against itself.

struct KnowledgeFinding: Sendable, Equatable {
    var file: String
    var line: Int
    var id: String
    /// One of `check`'s rules, so `desk check --kb` reports it with the ticket findings.
    var rule: CheckRule
    var message: String

    var severity: Severity { rule.severity }

    /// The finding as `desk check` writes it.
    var finding: Finding { Finding(file: file, line: line, ticket: id, rule: rule, message: message) }
}

enum KnowledgeCheck {
    static let duplicateShare: Float = 0.6

    static func run(paths: [String], lint: PhraseLint, now: Instant, _ ctx: Context) throws(DeskError) -> [KnowledgeFinding] {
        let articles = try ArticleStore.readAll(paths, stdin: ctx.stdin)
        var out: [KnowledgeFinding] = []
        for (a, loc) in articles where a.status == .published {
            func add(_ rule: CheckRule, _ message: String) {
                out.append(KnowledgeFinding(file: loc.file, line: loc.line, id: a.id, rule: rule, message: message))
            }
            for p in ArticleTemplate.problems(a, lint: lint) { add(.incompleteArticle, p) }
            if let due = a.instant("review_due"), due < now {
                add(.reviewOverdue, "review was due \(due.rfc3339) (seed 000 三(三)2: 产品更新或政策调整后 2 个工作日内更新); edit the article to review it")
            }
        }
        out += try duplicates(articles, ctx)
        return out.sorted { ($0.file, $0.line, $0.rule.rawValue) < ($1.file, $1.line, $1.rule.rawValue) }
    }

    /// Near-duplicate pairs among published articles, each reported once on the later one.
    static func duplicates(_ articles: [(Article, ArticleLocation)], _ ctx: Context) throws(DeskError) -> [KnowledgeFinding] {
        let published = articles.filter { $0.0.status == .published }
        guard published.count > 1 else { return [] }
        var files: [UInt8] = []
        for (a, _) in published {
            a.write(to: &files)
            files.append(0x0A)
        }
        let source = SourceFile(memory: files, name: "<published>")
        let search = KnowledgeSearch(files: [source], index: try SearchIndex.build(articleFiles: [source], ticketFiles: []))
        var out: [KnowledgeFinding] = []
        var reported = Set<String>()
        for (a, loc) in published {
            let text = ([a.string("title") ?? ""] + a.strings("symptom")).joined(separator: "\n")
            let hits = search.search(text, filter: .init(articles: true, tickets: false), limit: 3)
            guard let me = hits.first(where: { $0.id == a.id }), me.score > 0 else { continue }
            for h in hits where h.id != a.id && Float(h.score) >= duplicateShare * Float(me.score) {
                let pair = [a.id, h.id].sorted().joined(separator: "+")
                guard reported.insert(pair).inserted else { continue }
                out.append(KnowledgeFinding(
                    file: loc.file, line: loc.line, id: a.id, rule: .nearDuplicate,
                    message: "reads like \(h.id) (\(h.title)); score \(KnowledgeSearch.hundredths(h.score)) of \(KnowledgeSearch.hundredths(me.score)) for itself; merge them or retire one"))
            }
        }
        return out
    }

    static func write(_ findings: [KnowledgeFinding], format: String, to out: OutputSink) throws(DeskError) {
        var text = ""
        for f in findings {
            if format == "ndjson" {
                let o: JSONObject = [
                    "file": .string(f.file), "line": .int(f.line), "id": .string(f.id), "rule": .string(f.rule.rawValue),
                    "severity": .string(f.severity.rawValue), "message": .string(f.message),
                ]
                text += JSONWriter.string(.object(o)) + "\n"
            } else {
                // Rendered as `check` renders its findings (one Diagnostic path, escaped).
                text += FindingWriter.text(f.finding, colour: false) + "\n"
            }
        }
        try out.write(text)
    }
}
