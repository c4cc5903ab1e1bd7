// Asking the index: a query text is tokenized like the documents, ranked by BM25, and each hit
// is read back from its source line for its title, cause, solution and a snippet around the
// first matched term. Shared by `kb search`, `similar` and `classify --suggest`.

#if canImport(Glibc)
import Glibc
#endif

/// One answer of a search.
public struct SearchHit: Sendable, Equatable {
    public var kind: String
    public var id: String
    /// The BM25 score, rounded to hundredths.
    public var score: Double
    /// The matched query terms as a reader knows them (a word, a bigram, a glossary concept).
    public var terms: [String]
    public var title: String
    public var snippet: String
    public var cause: String
    public var solution: String

    /// The hit as an NDJSON object.
    public var json: JSONValue {
        var o = JSONObject()
        o["kind"] = .string(kind)
        o["id"] = .string(id)
        o["score"] = .number(KnowledgeSearch.hundredths(score))
        o["terms"] = .array(terms.map { .string($0) })
        o["title"] = .string(title)
        o["snippet"] = .string(snippet)
        if !cause.isEmpty { o["cause"] = .string(cause) }
        if !solution.isEmpty { o["solution"] = .string(solution) }
        return .object(o)
    }
}

/// The loaded sources and their index.
public struct KnowledgeSearch: Sendable {
    let files: [SourceFile]
    let index: SearchIndex

    /// Which documents a search may return.
    public struct Filter: Sendable {
        public var articles: Bool
        public var tickets: Bool
        /// Article statuses allowed (codes of SearchIndex.statusCode).
        public var articleStatuses: Set<ArticleStatus>
        /// A document id never returned (the ticket asking).
        public var excludeId: String?

        public init(articles: Bool, tickets: Bool, articleStatuses: Set<ArticleStatus> = [.published], excludeId: String? = nil) {
            self.articles = articles
            self.tickets = tickets
            self.articleStatuses = articleStatuses
            self.excludeId = excludeId
        }
    }

    init(files: [SourceFile], index: SearchIndex) {
        self.files = files
        self.index = index
    }

    /// Builds the search over article files and ticket files in memory.
    public static func build(articlePaths: [String], ticketPaths: [String]) throws(DeskError) -> KnowledgeSearch {
        var articles: [SourceFile] = []
        for p in articlePaths { articles.append(try SourceFile(path: p)) }
        var tickets: [SourceFile] = []
        for p in ticketPaths { tickets.append(try SourceFile(path: p)) }
        return KnowledgeSearch(files: articles + tickets, index: try SearchIndex.build(articleFiles: articles, ticketFiles: tickets))
    }

    /// The best `limit` documents for `text`.
    public func search(_ text: String, filter: Filter, limit: Int) -> [SearchHit] {
        let statuses = Set(filter.articleStatuses.map(SearchIndex.statusCode))
        let excluded = filter.excludeId.map { Array($0.utf8) }
        let ix = index
        let (keys, ranked) = ix.rank(Tokenizer.terms(text), limit: limit) { d in
            if ix.docKind[d] == DocKind.article.rawValue {
                guard filter.articles, statuses.contains(ix.docStatus[d]) else { return false }
            } else if !filter.tickets {
                return false
            }
            if let ex = excluded, ix.idBlob[Int(ix.idStart[d])..<Int(ix.idStart[d + 1])].elementsEqual(ex) { return false }
            return true
        }
        return ranked.map { hit(for: $0, keys: keys) }
    }

    func hit(for s: SearchIndex.Scored, keys: [Term]) -> SearchHit {
        var terms: [String] = []
        var plain: [String] = []
        // Terms past the 63rd share the last bit: they score exactly, but only the first 63 are named.
        for (q, k) in keys.enumerated() where q < 63 && s.matched & (1 << UInt64(q)) != 0 {
            if !terms.contains(k.surface) { terms.append(k.surface) }
            if !k.key.hasPrefix("@") { plain.append(k.key) }
        }
        let file = files[Int(index.docSource[s.doc])]
        let range = Int(index.docStart[s.doc])..<Int(index.docEnd[s.doc])
        var title = ""
        var body = ""
        var cause = ""
        var solution = ""
        file.bytes.withUnsafeBytes { raw in
            let line = UnsafeRawBufferPointer(rebasing: raw[range])
            if index.docKind[s.doc] == DocKind.article.rawValue {
                guard let a = try? Article(line: line) else { return }
                title = a.string("title") ?? ""
                body = a.strings("symptom").joined(separator: " ")
                cause = a.strings("cause").joined(separator: " ")
                let steps = a.strings("solution")
                solution = steps.count == 1 ? steps[0] : steps.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: " ")
            } else {
                guard let t = try? Ticket(line: line) else { return }
                title = t.string("title") ?? ""
                body = t.string("description") ?? ""
                cause = t.object("resolution")?["cause"]?.stringValue ?? ""
                solution = t.object("resolution")?["solution"]?.stringValue ?? ""
            }
        }
        let snippet = KnowledgeSearch.snippet(of: body.isEmpty ? title : body, around: plain)
        return SearchHit(
            kind: index.docKind[s.doc] == DocKind.article.rawValue ? "article" : "ticket", id: index.id(s.doc),
            score: Double((s.score * 100).rounded()) / 100, terms: terms, title: title, snippet: snippet, cause: cause,
            solution: solution)
    }

    /// About 80 characters of `text` starting a little before the first of `keys` it holds
    /// (compared normalised; quoted as typed), with `…` where it was cut.
    static func snippet(of text: String, around keys: [String], width: Int = 80) -> String {
        let normalized = TextNormalizer.normalize(text)
        let folded = normalized.scalars
        var first = folded.count
        for k in keys {
            let ks = Array(k.unicodeScalars)
            guard !ks.isEmpty, ks.count <= folded.count else { continue }
            var i = 0
            while i + ks.count <= min(folded.count, first + ks.count) {
                if folded[i] == ks[0] && Array(folded[i..<(i + ks.count)]) == ks {
                    first = min(first, i)
                    break
                }
                i += 1
            }
        }
        if first == folded.count { first = 0 }
        let start = max(0, first - 20)
        let end = min(folded.count, start + width)
        var s = String(normalized.original(scalars: start..<end).map { $0.isNewline ? " " : $0 }).trimmed
        if start > 0 { s = "…" + s }
        if end < folded.count { s += "…" }
        return s
    }

    /// A score as text with two decimals.
    static func hundredths(_ v: Double) -> String {
        let c = Int((v * 100).rounded())
        let frac = c % 100
        return "\(c / 100)." + (frac < 10 ? "0" : "") + "\(frac)"
    }
}

extension KnowledgeSearch {
    /// The ticket with `id` in the loaded files (found by its quoted id, then decoded and checked).
    func ticket(id: String) throws(DeskError) -> Ticket? {
        var needle: [UInt8] = []
        JSONWriter.writeString(id, to: &needle)
        for file in files {
            let found: Ticket? = file.bytes.withUnsafeBytes { raw -> Ticket? in
                guard let base = raw.baseAddress, needle.count >= 3, needle.count <= raw.count else { return nil }
                var from = 0
                // Look for the id's first character, not the quote: quotes are everywhere in JSON.
                while from + needle.count <= raw.count {
                    guard let p = memchr(base + from + 1, Int32(needle[1]), raw.count - from - needle.count + 1) else { return nil }
                    let at = base.distance(to: UnsafeRawPointer(p)) - 1
                    if memcmp(base + at, needle, needle.count) != 0 {
                        from = at + 1
                        continue
                    }
                    var start = at
                    while start > 0 && raw[start - 1] != 0x0A { start -= 1 }
                    var end = at
                    while end < raw.count && raw[end] != 0x0A { end += 1 }
                    if let t = try? Ticket(line: UnsafeRawBufferPointer(rebasing: raw[start..<end])), t.id == id { return t }
                    from = end
                }
                return nil
            }
            if let found { return found }
        }
        return nil
    }
}
