// `desk kb ACTION`: the knowledge base (seed 000 三(三) 知识库管理). Articles live in an NDJSON
// file (--kb / DESK_KB) with the same guarantees as ticket files. Actions: draft (from resolved
// tickets), add, edit, publish (refused field by field until the seed's template is filled),
// retire, review (after a product change, seed 000 三(三)2), search, check and index. The
// machinery is in Knowledge/; this file maps flags to it.

/// The `kb` command.
public enum KbCommand {
    /// The actions, in the order an article lives through them.
    static let actions = ["draft", "add", "edit", "publish", "retire", "review", "search", "check", "index"]

    static let articleFlags = ["title", "symptom", "impact", "cause", "solution", "evidence", "tag", "product", "version"]

    /// Flags each action accepts beyond the shared ones (kb, by, now, policy).
    static let actionFlags: [String: [String]] = [
        "draft": ["from", "resolved-in", "in-place"],
        "add": articleFlags + ["source", "in-place"],
        "edit": articleFlags + ["id", "in-place"],
        "publish": ["id", "in-place"],
        "retire": ["id", "reason", "in-place"],
        "review": ["product", "changed-at", "days", "in-place"],
        "search": ["format", "limit", "status"],
        "check": ["format"],
        "index": [],
    ]

    /// The declaration of `kb`.
    public static let spec = CommandSpec(
        name: "kb",
        summary: "keep the knowledge base: draft articles from resolved tickets, publish, review and search them",
        synopsis: [
            "draft (--from ID... | --resolved-in YYYY-MM) [--kb FILE] [TICKETS...]",
            "add --title TEXT --symptom TEXT --impact TEXT --solution STEP... [OPTIONS]",
            "edit|publish|retire --id KB-ID [OPTIONS] [-i FILE | FILE...]",
            "review --product NAME --changed-at TIME [--days N] [OPTIONS]",
            "search QUERY... [--limit N] [--format text|ndjson] [--kb FILE]",
            "check|index [--kb FILE] [TICKETS...]",
        ],
        discussion: """
            Articles are NDJSON (kb.ndjson; the file is --kb FILE, else DESK_KB, else the policy's knowledge.kb): id, status \
            (draft, published, retired), title, symptom (what the user sees, how to reproduce \
            it), impact, cause, solution (steps), result, evidence (log lines, screenshot paths), \
            tags, products, versions, sources (ticket ids), created_at, updated_at, published_at, \
            reviewed_at, review_due and history. Untouched articles pass through byte for byte; \
            edit, publish, retire and review rewrite -i FILE (or the --kb file) atomically under \
            its lock, or print the result when input files are given. \
            draft makes a draft from each resolved ticket named by --from, or from every ticket \
            resolved in the month --resolved-in (skipping tickets an article already cites), and \
            appends it to the kb file (seed 002 2.6.2). publish refuses, field by field, an \
            article that does not fill seed 000 三(三)1's template: title (问题标题, at most 80 \
            characters), symptom (问题描述), impact (影响范围), solution (解决方案, no vague or \
            taboo step), evidence (相关日志/截图), tags (标签分类); nothing is written. review marks \
            every published article naming --product due for review by the close of the --days'th \
            working day (default 2, seed 000 三(三)2) after --changed-at on the policy's business \
            calendar; an edit of the article is its review. search ranks published articles \
            (--status picks others) by BM25 over case-folded stemmed words and CJK bigrams, title \
            > symptom > cause > solution, with a bilingual glossary so Chinese finds English; each \
            hit shows its score, matched terms and a snippet. check reports incomplete published \
            articles, overdue reviews and near-duplicates (exit 1 on any). index writes KB.idx \
            beside the kb file for the kb and the ticket files given; search and similar use it \
            while it is fresh (size, time and content hash of every source) and rebuild it, with \
            a note, when it is stale. See docs/KB.md.
            """,
        flags: [
            FlagSpec("kb", kind: .file, help: "the knowledge base file (else the policy's knowledge.kb)", environment: "DESK_KB"),
            FlagSpec("from", kind: .string, valueName: "ID", repeatable: true, help: "draft: the resolved ticket to draft from"),
            FlagSpec("resolved-in", kind: .month, help: "draft: every ticket resolved in this month (policy time zone)"),
            FlagSpec("id", kind: .string, valueName: "KB-ID", repeatable: true, help: "the article to change"),
            FlagSpec("title", kind: .string, help: "问题标题: the problem in one line"),
            FlagSpec("symptom", kind: .string, repeatable: true, help: "问题描述: what the user sees and how to reproduce it (one per line)"),
            FlagSpec("impact", kind: .string, help: "影响范围: who and what is affected"),
            FlagSpec("cause", kind: .string, help: "the cause"),
            FlagSpec("solution", kind: .string, valueName: "STEP", repeatable: true, help: "解决方案: one step, in order"),
            FlagSpec("evidence", kind: .string, repeatable: true, help: "相关日志/截图: a log line or screenshot path"),
            FlagSpec("tag", kind: .string, repeatable: true, help: "标签分类: a tag"),
            FlagSpec("product", kind: .string, valueName: "NAME", repeatable: true, help: "a product the article is about; review: the product that changed"),
            FlagSpec("version", kind: .string, repeatable: true, help: "a product version the article applies to"),
            FlagSpec("source", kind: .string, valueName: "ID", repeatable: true, help: "add: a ticket the article comes from"),
            FlagSpec("reason", kind: .string, help: "retire: why"),
            FlagSpec("changed-at", kind: .instant, help: "review: when the product or policy changed"),
            FlagSpec("days", kind: .integer, help: "review: working days allowed for the update", defaultText: "the policy's knowledge.review_working_days, 2 (seed 000 三(三)2)"),
            FlagSpec("format", kind: .choice(["text", "ndjson"]), help: "search, check: output format", defaultText: "text"),
            FlagSpec("limit", kind: .integer, help: "search: at most N hits", defaultText: "10"),
            FlagSpec("status", kind: .choice(ArticleStatus.allCases.map(\.rawValue)), repeatable: true, help: "search: articles with this status", defaultText: "published"),
            CommonFlags.by,
            CommonFlags.inPlace,
            CommonFlags.now,
            CommonFlags.policy,
        ],
        examples: [
            ExampleSpec("desk kb draft --from DK-261014-7G2K --kb kb.ndjson tickets.ndjson", "draft an article from a resolved ticket"),
            ExampleSpec(
                "desk kb edit --id KB-0001 --impact '全公司远程办公用户' --evidence 'vpn.log: TLS handshake failed' --kb kb.ndjson",
                "fill in what the ticket could not say"),
            ExampleSpec("desk kb publish --id KB-0001 --kb kb.ndjson", "publish it; refused field by field while the template is unfilled"),
            ExampleSpec("desk kb search 'VPN 断线' --kb kb.ndjson", "search in Chinese, English or both"),
            ExampleSpec("desk kb review --product 'VPN 客户端' --changed-at 2026-11-02T10:00:00+08:00 --kb kb.ndjson", "mark articles due for review after a release"),
            ExampleSpec("desk kb index --kb kb.ndjson tickets.ndjson", "index the kb and the resolved tickets for fast search"),
        ])

    /// Runs `kb`.
    public static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        guard let action = args.positionals.first else {
            throw .usage(UsageError(command: "kb", message: "name an action: " + actions.joined(separator: ", ")))
        }
        guard let allowed = actionFlags[action] else {
            throw .usage(UsageError(
                command: "kb", message: "unknown action '\(action)'; expected one of " + actions.joined(separator: ", "),
                suggestion: Suggest.closest(action, among: actions)))
        }
        let shared: Set<String> = ["kb", "by", "now", "policy"]
        for f in args.values.keys.sorted() where !shared.contains(f) && !allowed.contains(f) {
            throw .usage(UsageError(command: "kb", message: "--\(f) does not apply to kb \(action)"))
        }
        let rest = Array(args.positionals.dropFirst())
        let args = try KbLocation.filled(args, ctx)
        switch action {
        case "draft": return try KbActions.draft(args, ctx, tickets: rest)
        case "add": return try KbActions.add(args, ctx, rest)
        case "edit": return try KbActions.edit(args, ctx, rest)
        case "publish": return try KbActions.publish(args, ctx, rest)
        case "retire": return try KbActions.retire(args, ctx, rest)
        case "review": return try KbActions.review(args, ctx, rest)
        case "search": return try KbActions.search(args, ctx, query: rest)
        case "check": return try KbActions.check(args, ctx, rest)
        default: return try KbActions.index(args, ctx, tickets: rest)
        }
    }
}
