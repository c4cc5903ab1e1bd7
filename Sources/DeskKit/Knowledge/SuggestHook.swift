// `classify --suggest` and `resolve --article`: the two places the ticket commands touch the
// knowledge base, kept here so those commands carry only a line or two each. At intake the
// ticket gets `suggestions: [{kind, id, score, terms}]`, the published articles and resolved
// tickets most like it (seed 000 二(二)2 知识库检索), which the agent sees on the card; on
// resolution `resolution.article` records the article that solved it, which the monthly
// report counts.

/// Suggestions for tickets, from the kb file and the ticket files of the run.
struct SuggestHook {
    /// The flags `classify` gains.
    static let flags = [
        FlagSpec("suggest", help: "record the published articles and resolved tickets most like each ticket in suggestions"),
        FlagSpec("kb", kind: .file, help: "the knowledge base file for --suggest (else the policy's knowledge.kb)", environment: "DESK_KB"),
    ]
    /// The flag `resolve` gains.
    static let articleFlag = FlagSpec("article", kind: .string, valueName: "KB-ID", help: "the knowledge-base article that solved the problem")

    /// Suggestions recorded per ticket.
    static let count = 3
    /// A suggestion must share at least this many distinct terms with the ticket...
    static let minimumTerms = 2
    /// ...and score at least this share of the best one (a weak tail is noise on the card).
    static let minimumShare = 0.25

    let search: KnowledgeSearch

    /// The hook when --suggest was given: the kb file and the run's ticket files (the -i file
    /// or the named files; standard input cannot be read twice, so then articles only).
    static func prepare(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> SuggestHook? {
        guard args.has("suggest") else { return nil }
        let kb = try KbLocation.filled(args, ctx).string("kb")
        let tickets = args.string("in-place").map { [$0] } ?? args.positionals.filter { $0 != "-" }
        guard kb != nil || !tickets.isEmpty else {
            throw .usage(UsageError(command: args.command, message: "--suggest needs --kb FILE (or DESK_KB) or ticket files to search"))
        }
        return SuggestHook(search: try SearchIndexFile.open(kb: kb, articlePaths: kb.map { [$0] } ?? [], ticketPaths: tickets, ctx))
    }

    /// Sets `suggestions` on the ticket (only when they differ from what it holds).
    func apply(to t: inout Ticket) {
        let hits = search.search(TicketText.query(t), filter: .init(articles: true, tickets: true, excludeId: t.id), limit: SuggestHook.count * 2)
        let floor = (hits.first?.score ?? 0) * SuggestHook.minimumShare
        let list: [JSONValue] = hits.filter { $0.terms.count >= SuggestHook.minimumTerms && $0.score >= floor }.prefix(SuggestHook.count).map { h in
            .object(JSONObject([
                JSONMember("kind", .string(h.kind)), JSONMember("id", .string(h.id)),
                JSONMember("score", .number(KnowledgeSearch.hundredths(h.score))),
                JSONMember("terms", .array(h.terms.map { .string($0) })),
            ]))
        }
        let value: JSONValue? = list.isEmpty ? nil : .array(list)
        if t.value("suggestions") != value { t.set("suggestions", value) }
    }

    /// The card's line for `suggestions`: `article KB-0004 (49.22), ticket DK-... (7.83)`; nil
    /// when there are none.
    static func cardText(_ t: Ticket) -> String? {
        let items = t.array("suggestions").compactMap(\.objectValue).map { s in
            (s["kind"]?.stringValue ?? "?") + " " + (s["id"]?.stringValue ?? "?")
                + (s["score"].map { " (" + JSONWriter.string($0) + ")" } ?? "")
        }
        return items.isEmpty ? nil : items.joined(separator: "\n")
    }

    /// Records `resolution.article` when `resolve --article` was given.
    static func recordArticle(_ t: inout Ticket, _ args: ParsedArguments) {
        guard let a = args.string("article"), var r = t.object("resolution") else { return }
        r["article"] = .string(a)
        t.set("resolution", .object(r))
    }
}
