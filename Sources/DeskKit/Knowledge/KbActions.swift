// The actions of `desk kb`, one function each; KbCommand declares the flags and dispatches.

enum KbActions {
    /// The kb file appended to or rewritten: -i FILE, else --kb / DESK_KB.
    static func kbFile(_ args: ParsedArguments) throws(DeskError) -> String {
        guard let f = args.string("in-place") ?? args.string("kb") else {
            throw .usage(UsageError(command: "kb", message: "name the kb file: --kb FILE (or DESK_KB)"))
        }
        return f
    }

    // MARK: draft, add

    static func draft(_ args: ParsedArguments, _ ctx: Context, tickets: [String]) throws(DeskError) -> Int32 {
        let kb = try kbFile(args)
        let ids = args.strings("from")
        let month = args.string("resolved-in")
        guard ids.isEmpty != (month == nil) else {
            throw .usage(UsageError(command: "kb", message: "draft needs --from ID or --resolved-in YYYY-MM (one of them)"))
        }
        let policy = try Policy.load(args, ctx)
        let now = ctx.now(args)
        let by = ctx.actor(args)
        var range: (Instant, Instant)? = nil
        if let m = month, let y = Int(m.prefix(4)), let mo = Int(m.suffix(2)) {
            let start = policy.zone.instant(CivilTime(year: y, month: mo, day: 1))
            let end = policy.zone.instant(CivilTime(year: mo == 12 ? y + 1 : y, month: mo == 12 ? 1 : mo + 1, day: 1))
            range = (start, end)
        }
        var picked: [Ticket] = []
        var found = IdSelection(ids)
        try TicketStream.read(paths: tickets, stdin: ctx.stdin) { (t, loc) throws(DeskError) in
            if let (start, end) = range {
                guard TicketText.isResolved(t), let at = t.object("resolution")?["at"]?.stringValue.flatMap(Instant.init(rfc3339:)),
                    start <= at, at < end
                else { return }
                picked.append(t)
            } else if found.picks(t.id) {
                guard TicketText.isResolved(t) else {
                    throw .refused("kb draft \(t.id): the ticket is \(t.status.rawValue), not resolved; an article is drafted from a resolved ticket's cause and solution")
                }
                picked.append(t)
            }
        }
        try found.checkAllFound(ids, input: TicketStream.inputName(ParsedArguments(command: "kb", positionals: tickets)))
        let made = try ArticleStore.append(to: kb, ctx) { (existing) throws(DeskError) -> [Article] in
            var cited: [String: String] = [:]
            for a in existing { for s in a.strings("sources") where cited[s] == nil { cited[s] = a.id } }
            var out: [Article] = []
            for t in picked {
                if let a = cited[t.id] {
                    if range != nil { continue }
                    throw .refused("kb draft \(t.id): article \(a) already comes from this ticket; edit it instead: desk kb edit --id \(a)")
                }
                out.append(ArticleDraft.from(t, id: ArticleStore.nextId(after: existing, skipping: out.count), now: now, by: by))
            }
            return out
        }
        try writeLines(made, ctx)
        return 0
    }

    static func add(_ args: ParsedArguments, _ ctx: Context, _ rest: [String]) throws(DeskError) -> Int32 {
        guard rest.isEmpty else { throw .usage(UsageError(command: "kb", message: "kb add takes no input files; the article is appended to --kb FILE")) }
        let kb = try kbFile(args)
        _ = try TargetedRun.requireText(args, "title", "an article needs a title (问题标题)")
        let now = ctx.now(args)
        let by = ctx.actor(args)
        let made = try ArticleStore.append(to: kb, ctx) { (existing) throws(DeskError) -> [Article] in
            var a = Article(id: ArticleStore.nextId(after: existing))
            setFields(&a, args)
            let sources = args.strings("source")
            if !sources.isEmpty { a.set("sources", .array(sources.map { .string($0) })) }
            a.set("created_at", .string(now.rfc3339))
            a.set("updated_at", .string(now.rfc3339))
            a.record("drafted", at: now, by: by)
            return [a]
        }
        try writeLines(made, ctx)
        return 0
    }

    static func writeLines(_ articles: [Article], _ ctx: Context) throws(DeskError) {
        var out: [UInt8] = []
        for a in articles {
            a.write(to: &out)
            out.append(0x0A)
        }
        try ctx.stdout.write(out)
    }

    /// Sets the article fields given as flags; returns their keys.
    @discardableResult
    static func setFields(_ a: inout Article, _ args: ParsedArguments) -> [String] {
        var changed: [String] = []
        for (flag, key) in [("title", "title"), ("impact", "impact"), ("cause", "cause")] {
            if let v = args.string(flag) {
                a.set(key, .string(v))
                changed.append(key)
            }
        }
        for (flag, key) in [("symptom", "symptom"), ("solution", "solution"), ("evidence", "evidence"), ("tag", "tags"), ("product", "products"), ("version", "versions")] {
            let v = args.strings(flag)
            if !v.isEmpty {
                a.set(key, .array(v.map { .string($0) }))
                changed.append(key)
            }
        }
        return changed
    }

    // MARK: edit, publish, retire

    /// Runs `change` on each article --id names; every id must be found.
    static func changeById(
        _ args: ParsedArguments, _ ctx: Context, _ rest: [String], _ what: String,
        change: (inout Article) throws(DeskError) -> Void
    ) throws(DeskError) -> Int32 {
        let ids = args.strings("id")
        guard !ids.isEmpty else { throw .usage(UsageError(command: "kb", message: "kb \(what) needs --id KB-ID")) }
        var selection = IdSelection(ids)
        let input = args.string("in-place") ?? (rest.isEmpty ? (args.string("kb") ?? "") : rest.joined(separator: ", "))
        try ArticleStore.transform(args, ctx, inputs: rest, visit: { (a, _) throws(DeskError) in
            guard selection.picks(a.id) else { return }
            try change(&a)
        }, finish: { () throws(DeskError) in
            let missing = ids.filter { !selection.found.contains($0) }
            if let first = missing.first { throw .data(DataError(file: input, message: "no article with id '\(first)'")) }
        })
        return 0
    }

    static func refuseIncomplete(_ a: Article, _ what: String, lint: PhraseLint) throws(DeskError) {
        let problems = ArticleTemplate.problems(a, lint: lint)
        guard !problems.isEmpty else { return }
        var lines = ["kb \(what) \(a.id): \(problems.count) of \(ArticleTemplate.fields.count) template fields refused (seed 000 三(三)1 问题归档的标准化模板)"]
        lines += problems.map { "  " + $0 }
        lines.append("  nothing was written")
        throw .refused(lines.joined(separator: "\n"))
    }

    static func edit(_ args: ParsedArguments, _ ctx: Context, _ rest: [String]) throws(DeskError) -> Int32 {
        guard articleFlagsGiven(args) else {
            throw .usage(UsageError(command: "kb", message: "kb edit needs a field to change: " + KbCommand.articleFlags.map { "--" + $0 }.joined(separator: ", ")))
        }
        let policy = try Policy.load(args, ctx)
        let lint = PhraseLint(policy: policy, replyModel: nil)
        let now = ctx.now(args)
        let by = ctx.actor(args)
        return try changeById(args, ctx, rest, "edit") { (a) throws(DeskError) in
            let changed = setFields(&a, args)
            if a.status == .published { try refuseIncomplete(a, "edit", lint: lint) }
            a.set("updated_at", .string(now.rfc3339))
            var details = [JSONMember("fields", .array(changed.map { .string($0) }))]
            // Updating an article that is due for review is its review (seed 000 三(三)2).
            if a.string("review_due") != nil {
                a.set("review_due", nil)
                a.set("reviewed_at", .string(now.rfc3339))
                details.append(JSONMember("reviewed", .bool(true)))
            }
            a.record("edited", at: now, by: by, details)
        }
    }

    static func articleFlagsGiven(_ args: ParsedArguments) -> Bool { KbCommand.articleFlags.contains { args.has($0) } }

    static func publish(_ args: ParsedArguments, _ ctx: Context, _ rest: [String]) throws(DeskError) -> Int32 {
        let lint = PhraseLint(policy: try Policy.load(args, ctx), replyModel: nil)
        let now = ctx.now(args)
        let by = ctx.actor(args)
        return try changeById(args, ctx, rest, "publish") { (a) throws(DeskError) in
            if a.status == .published { throw .refused("kb publish \(a.id): the article is already published") }
            try refuseIncomplete(a, "publish", lint: lint)
            a.set("status", .string(ArticleStatus.published.rawValue))
            a.set("published_at", .string(now.rfc3339))
            a.set("updated_at", .string(now.rfc3339))
            a.record("published", at: now, by: by)
        }
    }

    static func retire(_ args: ParsedArguments, _ ctx: Context, _ rest: [String]) throws(DeskError) -> Int32 {
        let now = ctx.now(args)
        let by = ctx.actor(args)
        let reason = args.string("reason")
        return try changeById(args, ctx, rest, "retire") { (a) throws(DeskError) in
            if a.status == .retired { throw .refused("kb retire \(a.id): the article is already retired") }
            a.set("status", .string(ArticleStatus.retired.rawValue))
            a.set("retired_at", .string(now.rfc3339))
            a.set("updated_at", .string(now.rfc3339))
            a.set("review_due", nil)
            a.record("retired", at: now, by: by, reason.map { [JSONMember("reason", .string($0))] } ?? [])
        }
    }

    // MARK: review

    static func review(_ args: ParsedArguments, _ ctx: Context, _ rest: [String]) throws(DeskError) -> Int32 {
        let products = args.strings("product")
        guard !products.isEmpty, let changedAt = args.instant("changed-at") else {
            throw .usage(UsageError(command: "kb", message: "kb review needs --product NAME and --changed-at TIME"))
        }
        if let d = args.int("days"), d < 1 { throw .usage(UsageError(command: "kb", message: "--days needs a whole number of working days, 1 or more")) }
        let policy = try Policy.load(args, ctx)
        let days = args.int("days") ?? policy.knowledge.reviewWorkingDays
        let now = ctx.now(args)
        let by = ctx.actor(args)
        let due = ReviewWindow.due(after: changedAt, workingDays: days, calendar: policy.businessCalendar)
        let wanted = Set(products.map(TextNormalizer.fold))
        var marked = 0
        try ArticleStore.transform(args, ctx, inputs: rest) { (a, _) throws(DeskError) in
            guard a.status == .published else { return }
            let hit = a.strings("products").first { wanted.contains(TextNormalizer.fold($0)) }
            guard let product = hit else { return }
            if let current = a.instant("review_due"), current <= due { return }
            a.set("review_due", .string(due.rfc3339))
            a.record("review_requested", at: now, by: by, [
                JSONMember("product", .string(product)), JSONMember("changed_at", .string(changedAt.rfc3339)),
                JSONMember("due", .string(due.rfc3339)),
            ])
            marked += 1
        }
        ctx.diagnostics.print(Diagnostic(.plain, "desk: \(marked) article\(marked == 1 ? "" : "s") due for review by \(due.rfc3339) (\(days) working day\(days == 1 ? "" : "s") after \(changedAt.rfc3339), seed 000 三(三)2)"))
        return 0
    }

    // MARK: search, index

    static func search(_ args: ParsedArguments, _ ctx: Context, query: [String]) throws(DeskError) -> Int32 {
        let text = query.joined(separator: " ")
        guard !text.trimmed.isEmpty else { throw .usage(UsageError(command: "kb", message: "kb search needs a QUERY")) }
        let limit = args.int("limit") ?? 10
        guard limit >= 1 else { throw .usage(UsageError(command: "kb", message: "--limit needs a number of hits, 1 or more")) }
        guard let kb = args.string("kb") else { throw .usage(UsageError(command: "kb", message: "kb search needs --kb FILE (or DESK_KB)")) }
        let statuses = args.strings("status").compactMap(ArticleStatus.init(rawValue:))
        let search = try SearchIndexFile.open(kb: kb, articlePaths: [kb], ticketPaths: nil, ctx)
        let hits = search.search(
            text, filter: .init(articles: true, tickets: false, articleStatuses: statuses.isEmpty ? [.published] : Set(statuses)),
            limit: limit)
        try HitRenderer.write(hits, format: args.string("format") ?? "text", to: ctx.stdout, resolution: false)
        return 0
    }

    static func index(_ args: ParsedArguments, _ ctx: Context, tickets: [String]) throws(DeskError) -> Int32 {
        guard let kb = args.string("kb") else { throw .usage(UsageError(command: "kb", message: "kb index needs --kb FILE (or DESK_KB)")) }
        let search = try KnowledgeSearch.build(articlePaths: [kb], ticketPaths: tickets)
        let path = SearchIndexFile.path(forKB: kb)
        try SearchIndexFile.write(search.index, to: path)
        let ix = search.index
        let articles = ix.docKind.filter { $0 == DocKind.article.rawValue }.count
        try ctx.stdout.write("\(path): \(articles) articles, \(ix.count - articles) resolved tickets, \(ix.termHash.count) terms\n")
        return 0
    }

    // MARK: check

    static func check(_ args: ParsedArguments, _ ctx: Context, _ rest: [String]) throws(DeskError) -> Int32 {
        let paths = rest.isEmpty ? (args.string("kb").map { [$0] } ?? []) : rest
        guard !paths.isEmpty else { throw .usage(UsageError(command: "kb", message: "kb check needs --kb FILE or input files")) }
        let policy = try Policy.load(args, ctx)
        let findings = try KnowledgeCheck.run(paths: paths, lint: PhraseLint(policy: policy, replyModel: nil), now: ctx.now(args), ctx)
        try KnowledgeCheck.write(findings, format: args.string("format") ?? "text", to: ctx.stdout)
        let errors = findings.filter { $0.severity == .error }.count
        ctx.diagnostics.print(Diagnostic(.plain, "desk: kb check: \(errors) error\(errors == 1 ? "" : "s"), \(findings.count - errors) warning\(findings.count - errors == 1 ? "" : "s")"))
        return errors > 0 ? 1 : 0
    }
}
