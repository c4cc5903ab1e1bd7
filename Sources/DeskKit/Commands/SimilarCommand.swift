// `desk similar`: the problems most like a ticket (or a text) among the published articles and
// the resolved tickets, each with the cause and solution that settled it (seed 000 二(二)2
// 知识库检索: 在内部知识库中搜索相似问题及其解决方案，提高诊断效率). Ranking is `kb search`'s.

/// The `similar` command.
public enum SimilarCommand {
    /// The declaration of `similar`.
    public static let spec = CommandSpec(
        name: "similar",
        summary: "find published articles and resolved tickets most like a ticket, with their cause and solution",
        synopsis: ["--id ID [--kb FILE] [OPTIONS] TICKETS...", "--text TEXT [--kb FILE] [OPTIONS] [TICKETS...]"],
        discussion: """
            Asks with the ticket's title, description, steps tried and tags (--id, looked up in the \
            ticket files), or with --text. Searches the published articles of the kb file (--kb or \
            DESK_KB) and the resolved and closed tickets of the ticket files, leaving out the ticket \
            asking. Ranking is BM25 over stemmed words and CJK bigrams with a bilingual glossary, \
            title > symptom > cause > solution (docs/KB.md). Each hit shows kind, id, score, \
            title, the matched terms, a snippet, and the cause and solution. Ticket files must \
            be files (they are read whole, and an index built by desk kb index is used while fresh).
            """,
        flags: [
            FlagSpec("id", kind: .string, valueName: "ID", help: "the ticket to find problems like"),
            FlagSpec("text", kind: .string, help: "the text to find problems like"),
            FlagSpec("kb", kind: .file, help: "the knowledge base file (else the policy's knowledge.kb)", environment: "DESK_KB"),
            CommonFlags.policy,
            FlagSpec("limit", kind: .integer, help: "at most N hits", defaultText: "5"),
            FlagSpec("format", kind: .choice(["text", "ndjson"]), help: "output format", defaultText: "text"),
            FlagSpec("articles", help: "only articles"),
            FlagSpec("tickets", help: "only resolved tickets"),
        ],
        examples: [
            ExampleSpec("desk similar --id DK-261014-7G2K --kb kb.ndjson tickets.ndjson", "what solved problems like this new ticket"),
            ExampleSpec("desk similar --text '打印机脱机，无法打印' --kb kb.ndjson --articles", "articles for a problem described in words"),
            ExampleSpec("desk similar --id DK-261014-7G2K --format ndjson tickets.ndjson | jq -r .id", "ids only, from resolved tickets"),
        ])

    /// Runs `similar`.
    public static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        let id = args.string("id")
        guard (id == nil) != (args.string("text") == nil) else {
            throw .usage(UsageError(command: "similar", message: "give --id ID or --text TEXT (one of them)"))
        }
        let limit = args.int("limit") ?? 5
        guard limit >= 1 else { throw .usage(UsageError(command: "similar", message: "--limit needs a number of hits, 1 or more")) }
        guard !(args.has("articles") && args.has("tickets")) else {
            throw .usage(UsageError(command: "similar", message: "--articles and --tickets exclude each other; give neither for both"))
        }
        if args.positionals.contains("-") {
            throw .usage(UsageError(command: "similar", message: "ticket files are read whole: name files, not standard input"))
        }
        if id != nil && args.positionals.isEmpty {
            throw .usage(UsageError(command: "similar", message: "--id needs the ticket files to look it up in"))
        }
        let kb = try KbLocation.filled(args, ctx).string("kb")
        if kb == nil && args.positionals.isEmpty {
            throw .usage(UsageError(command: "similar", message: "nothing to search: give --kb FILE (or DESK_KB) or ticket files"))
        }
        let search = try SearchIndexFile.open(kb: kb, articlePaths: kb.map { [$0] } ?? [], ticketPaths: args.positionals, ctx)
        var text = args.string("text") ?? ""
        if let id {
            guard let t = try search.ticket(id: id) else {
                throw .data(DataError(file: args.positionals.joined(separator: ", "), message: "no ticket with id '\(id)'"))
            }
            text = TicketText.query(t)
        }
        let filter = KnowledgeSearch.Filter(articles: !args.has("tickets"), tickets: !args.has("articles"), excludeId: id)
        try HitRenderer.write(search.search(text, filter: filter, limit: limit), format: args.string("format") ?? "text", to: ctx.stdout, resolution: true)
        return 0
    }
}
